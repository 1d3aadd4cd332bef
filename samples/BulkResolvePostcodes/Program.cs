using BulkResolvePostcodes;

return await BulkResolver.RunAsync(args, Console.Out, Console.Error);
