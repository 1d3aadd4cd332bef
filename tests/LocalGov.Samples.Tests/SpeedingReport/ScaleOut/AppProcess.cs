using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SpeedingReport;

namespace LocalGov.Samples.Tests.SpeedingReport.ScaleOut;

/// <summary>
/// One instance of the app in its own process (<c>dotnet SpeedingReport.dll</c>) on a loopback port, as a council's
/// server runs it, so a test can kill it. Its output is kept (the last lines) to explain a failure.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private const int KeptLines = 300;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>How this instance's delivery worker names itself on claims and attempts (see <c>DeliveryProcessor.WorkerId</c>).</summary>
    public string WorkerIdPrefix => $"{Environment.MachineName[..Math.Min(Environment.MachineName.Length, 30)]}-{ProcessId}-";

    public string Output => string.Join('\n', _output);

    /// <summary>Starts the app with these settings (as environment variables, <c>__</c> for <c>:</c>) on a free port.</summary>
    public static AppProcess Start(IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(SpeedingReportApp).Assembly.Location);
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        start.ArgumentList.Add($"--contentRoot={Path.Combine(LocalGov.Testing.RepositoryPaths.Root, "samples", "SpeedingReport")}");
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        // postcodes.io is a closed port in these tests: its health check's retries are not news.
        start.Environment["Logging__LogLevel__Polly"] = "Error";
        start.Environment["Logging__LogLevel__LocalGov.Postcodes"] = "Error";
        start.Environment["Logging__LogLevel__Microsoft.Extensions.Diagnostics.HealthChecks"] = "Error";
        start.Environment["SpeedingReport__DataDirectory"] = Path.Combine(Path.GetTempPath(), "localgov-speeding-scaleout", Guid.NewGuid().ToString("N"));
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start };
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200; fails with the app's output if it exits or takes too long.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
        var until = DateTime.UtcNow + timeout;
        var last = "no answer";
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                throw new Xunit.Sdk.XunitException($"the app on {BaseAddress} exited with code {_process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
                last = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}";
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }
            catch (TaskCanceledException ex) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                last = ex.Message;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        }

        throw new Xunit.Sdk.XunitException($"the app on {BaseAddress} was not ready within {timeout} (last: {last}):\n{Output}");
    }

    /// <summary>Waits for the process to end by itself; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new Xunit.Sdk.XunitException($"the app on {BaseAddress} did not stop within {timeout}:\n{Output}");
        }

        return _process.ExitCode;
    }

    /// <summary>Ends the process at once, as a server that loses power: nothing of its own shutdown runs.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptLines && _output.TryDequeue(out _))
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
