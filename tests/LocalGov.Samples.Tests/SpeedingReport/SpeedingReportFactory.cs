using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LocalGov.Samples.Tests.SpeedingReport;

/// <summary>The sample in-process on its demo configuration, with settings overridden per test class.</summary>
public class SpeedingReportFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public SpeedingReportFactory()
        : this(new Dictionary<string, string?>())
    {
    }

    protected SpeedingReportFactory(IReadOnlyDictionary<string, string?> settings) => _settings = settings;

    public JourneyClient CreateJourney() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");

        // UseSetting reaches the configuration the app reads while registering its services.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
