using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SpeedingReport;

namespace LocalGov.Samples.Tests.SpeedingReport;

/// <summary>The app as a resident's council runs it: its own process, the port from --urls or ASPNETCORE_URLS.</summary>
public sealed class ListeningAddressTests
{
    [Fact]
    public async Task A_port_in_use_is_one_clear_line_on_stderr_and_exit_code_1()
    {
        using var occupied = Occupy(out var port);

        var (exitCode, stdout, stderr) = await RunAppAsync($"--urls=http://127.0.0.1:{port}", environment: null);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith($"SpeedingReport cannot start: Failed to bind to address http://127.0.0.1:{port}: address already in use", line, StringComparison.Ordinal);
        Assert.Contains("--urls or ASPNETCORE_URLS", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Aspnetcore_urls_sets_the_port()
    {
        // The occupied port named only by the environment variable proves the app tried it.
        using var occupied = Occupy(out var port);

        var (exitCode, _, stderr) = await RunAppAsync(null, new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" });

        Assert.Equal(1, exitCode);
        Assert.Contains($"http://127.0.0.1:{port}", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tile_url_without_attribution_is_one_clear_line_on_stderr_and_exit_code_1()
    {
        var (exitCode, stdout, stderr) = await RunAppAsync("--urls=http://127.0.0.1:0", new Dictionary<string, string> { ["SpeedingReport__Map__TileUrlTemplate"] = "https://tile.example.org/{z}/{x}/{y}.png" });

        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("SpeedingReport cannot start: ", line, StringComparison.Ordinal);
        Assert.Contains("TileAttribution is required", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_launch_profile_no_longer_sets_the_address()
    {
        var profile = File.ReadAllText(Path.Combine(LocalGov.Testing.RepositoryPaths.Root, "samples/SpeedingReport/Properties/launchSettings.json"));

        Assert.DoesNotContain("applicationUrl", profile, StringComparison.Ordinal);
    }

    private static TcpListener Occupy(out int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        port = ((IPEndPoint)listener.LocalEndpoint).Port;
        return listener;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAppAsync(string? urls, IReadOnlyDictionary<string, string>? environment)
    {
        var dll = typeof(SpeedingReportApp).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        if (urls is not null)
        {
            start.ArgumentList.Add(urls);
        }

        start.ArgumentList.Add($"--contentRoot={Path.Combine(LocalGov.Testing.RepositoryPaths.Root, "samples", "SpeedingReport")}");
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["SpeedingReport__DataDirectory"] = Path.Combine(Path.GetTempPath(), "localgov-speeding-process-tests", Guid.NewGuid().ToString("N"));
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"the app did not stop within 90 s: {await stdout} {await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
