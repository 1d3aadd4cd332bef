using System.CommandLine;
using LocalGov.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await LocalGovCli.RunAsync(args, new InvocationConfiguration(), cancellation.Token).ConfigureAwait(false);
