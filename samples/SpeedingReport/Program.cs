using SpeedingReport;
using SpeedingReport.Hosting;

var app = SpeedingReportApp.Build(args);
return await ListeningAddress.RunAsync(app, Console.Error);

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
