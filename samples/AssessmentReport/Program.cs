using AssessmentReport;

return await ReportRenderer.RunAsync(args, Console.Out, Console.Error);
