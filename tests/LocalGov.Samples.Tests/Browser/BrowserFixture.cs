using LocalGov.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SpeedingReport;

namespace LocalGov.Samples.Tests.Browser;

/// <summary>
/// The sample on a real Kestrel port (127.0.0.1:0) on its demo configuration, and Debian's chromium driven by
/// Playwright. Without /usr/bin/chromium the tests are skipped with the reason (never passed). The first confirmation to
/// FailOnceEmailChannel.Address fails, so the staff test has a failed delivery to re-send.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's chromium, or the browser named by <c>LOCALGOV_CHROMIUM</c>.</summary>
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("LOCALGOV_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Each browser test's limit: a browser call that never returns fails its test instead of hanging the run.</summary>
    public const int TestTimeoutMs = 240_000;

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "localgov-speeding-browser", Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string? SkipReason { get; private set; }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser did not start.");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            SkipReason = $"chromium is not installed at {ChromiumPath} (apt-get install -y chromium, as .ci/install-prerequisites does, or set LOCALGOV_CHROMIUM to a Chromium executable)";
            return;
        }

        var contentRoot = Path.Combine(RepositoryPaths.Root, "samples", "SpeedingReport");
        _app = SpeedingReportApp.Build(["--urls=http://127.0.0.1:0", $"--contentRoot={contentRoot}", "--environment=Production", "--Logging:LogLevel:Default=Warning", $"--SpeedingReport:DataDirectory={_dataDirectory}"], overrideServices: LocalGov.Samples.Tests.SpeedingReport.FailOnceEmailChannel.Register);
        await _app.StartAsync(TestContext.Current.CancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
