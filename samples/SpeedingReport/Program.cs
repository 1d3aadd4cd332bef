using LocalGov.Boundaries;
using Microsoft.Extensions.Options;
using SpeedingReport;
using SpeedingReport.Hosting;

WebApplication app;
try
{
    app = SpeedingReportApp.Build(args);
}
catch (Exception ex) when (ex is BoundariesException or OptionsValidationException or FileNotFoundException or DirectoryNotFoundException)
{
    // A bad boundary or settings file is the operator's to fix: one line naming it and the problem, not a stack trace.
    await Console.Error.WriteLineAsync($"SpeedingReport cannot start: {ex.Message}");
    return 1;
}

return await ListeningAddress.RunAsync(app, Console.Error);

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
