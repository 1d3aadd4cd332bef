using System.Diagnostics;
using LocalGov.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace LocalGov.Open311.Tests.Operations;

/// <summary>The package's spans, metrics and log events on loopback faults; alone, because the source and meter are process-wide.</summary>
[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryTestsRunAlone;

[Collection(nameof(TelemetryTests))]
public sealed class TelemetryTests : IDisposable
{
    private const string ApiKey = "o311-key-7d9e0a41c2";
    private const string Jurisdiction = "demo-vale-jurisdiction";
    private const string ResidentEmail = "pat.resident@example.com";
    private const string ResidentText = "Cars at 50 mph past the school gates";

    private readonly TelemetryCapture _telemetry = new("LocalGov.Open311");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _telemetry.Dispose();
    }

    [Fact]
    public async Task A_503_then_the_service_list_is_one_span_with_two_attempts_a_retry_logged_and_no_query_in_the_url()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(
            context => Interlocked.Increment(ref calls) == 1 ? Write(context, 503, "busy", "text/plain") : Write(context, 200, SpecFixtures.ServicesJson, "application/json"), Ct);
        var (provider, logs) = Services(server);
        await using var _ = provider;

        var services = await provider.GetRequiredService<Open311Client>().GetServicesAsync(Ct);

        Assert.NotEmpty(services);
        var span = Assert.Single(_telemetry.Spans);
        Assert.Equal("Open311 GetServices", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("GetServices", span.GetTagItem("localgov.operation"));
        Assert.Equal("127.0.0.1", span.GetTagItem("server.address"));
        Assert.Equal(2, span.GetTagItem("localgov.attempts"));
        Assert.Equal("success", span.GetTagItem("localgov.outcome"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal(new Uri(server.BaseAddress, "open311/v2/services.json").ToString(), span.GetTagItem("url.full"));
        Assert.Single(span.Events, e => e.Name == "retry");
        Assert.Equal(1, _telemetry.Sum("localgov.open311.retries"));
        Assert.Equal(1, _telemetry.Sum("localgov.open311.requests"));
        Assert.Single(_telemetry.Of("localgov.open311.request.duration"));
        Assert.Contains(_telemetry.Of("localgov.open311.response.size"), m => m.Value > 0);
        Assert.NotEmpty(_telemetry.Of("localgov.open311.parse.duration"));
        var retry = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 2001);
        Assert.Contains("GetServices", retry.Message, StringComparison.Ordinal);
        Assert.Contains(server.Requests, r => r.Contains(Jurisdiction, StringComparison.Ordinal));
        AssertNothingSecret(logs);
    }

    [Fact]
    public async Task A_refused_submission_is_an_error_span_and_a_warning_with_nothing_of_the_resident_or_the_key()
    {
        await using var server = await LoopbackServer.StartAsync(context => Write(context, 400, $$"""[{"code":400,"description":"Attribute WHAT is required (you wrote: {{ResidentText}})"}]""", "application/json"), Ct);
        var (provider, logs) = Services(server);
        await using var _ = provider;

        await Assert.ThrowsAsync<Open311InvalidRequestException>(() => provider.GetRequiredService<Open311Client>().SubmitRequestAsync(Submission(), Ct));

        var span = Assert.Single(_telemetry.Spans);
        Assert.Equal("Open311 SubmitRequest", span.DisplayName);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(nameof(Open311InvalidRequestException), span.GetTagItem("error.type"));
        Assert.Equal(400, span.GetTagItem("http.response.status_code"));
        Assert.Equal(1, span.GetTagItem("localgov.attempts"));
        Assert.Single(span.Events, e => e.Name == "exception");
        Assert.Contains(_telemetry.Of("localgov.open311.failures"), m => Equals(m.Tags["error.type"], nameof(Open311InvalidRequestException)));
        var warning = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 2007);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("HTTP 400", warning.Message, StringComparison.Ordinal);
        AssertNothingSecret(logs);
    }

    [Fact]
    public async Task A_submission_with_no_server_is_logged_as_an_outcome_to_follow_up()
    {
        Uri gone;
        await using (var server = await LoopbackServer.StartAsync(200, "[]", "application/json", Ct))
        {
            gone = server.BaseAddress;
        }

        var (provider, logs) = Services(gone);
        await using var _ = provider;

        await Assert.ThrowsAsync<Open311TransportException>(() => provider.GetRequiredService<Open311Client>().SubmitRequestAsync(Submission(), Ct));

        var record = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 2003);
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Equal(nameof(Open311TransportException), Assert.Single(_telemetry.Spans).GetTagItem("error.type"));
        AssertNothingSecret(logs);
    }

    [Fact]
    public async Task An_html_page_with_200_is_logged_as_an_invalid_response_without_the_page()
    {
        await using var server = await LoopbackServer.StartAsync(context => Write(context, 200, $"<!DOCTYPE html><html><head><title>Sign in</title></head><body>{ResidentEmail}</body></html>", "text/html"), Ct);
        var (provider, logs) = Services(server);
        await using var _ = provider;

        await Assert.ThrowsAsync<Open311HtmlResponseException>(() => provider.GetRequiredService<Open311Client>().GetServicesAsync(Ct));

        var record = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 2005);
        Assert.Contains("text/html", record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign in", record.Message, StringComparison.Ordinal);
        AssertNothingSecret(logs);
    }

    [Fact]
    public async Task An_unknown_token_is_logged_at_debug_only()
    {
        await using var server = await LoopbackServer.StartAsync(context => Write(context, 404, """[{"code":404,"description":"token not found"}]""", "application/json"), Ct);
        var (provider, logs) = Services(server);
        await using var _ = provider;

        await Assert.ThrowsAsync<Open311NotFoundException>(() => provider.GetRequiredService<Open311Client>().GetRequestIdFromTokenAsync("12345", Ct));

        Assert.Equal(LogLevel.Debug, Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 2006).Level);
        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task A_client_built_without_di_logs_to_the_logger_it_is_given_and_is_traced_too()
    {
        await using var server = await LoopbackServer.StartAsync(context => Write(context, 500, "oops", "text/plain"), Ct);
        var logger = new FakeLogger();
        using var http = new HttpClient();
        var client = new Open311Client(http, new Open311ClientOptions { BaseAddress = new Uri(server.BaseAddress, "open311/v2"), ApiKey = ApiKey }, logger);

        await Assert.ThrowsAnyAsync<Open311Exception>(() => client.GetServicesAsync(Ct));

        Assert.Equal(2004, logger.LatestRecord.Id.Id);
        Assert.Equal(500, Assert.Single(_telemetry.Spans).GetTagItem("http.response.status_code"));
    }

    private static Open311Submission Submission() => new()
    {
        ServiceCode = "SPEED",
        Latitude = 51.7520,
        Longitude = -1.2577,
        Email = ResidentEmail,
        FirstName = "Pat",
        LastName = "Resident",
        Description = ResidentText,
    };

    private static (ServiceProvider Provider, FakeLogCollector Logs) Services(LoopbackServer server) => Services(server.BaseAddress);

    private static (ServiceProvider Provider, FakeLogCollector Logs) Services(Uri baseAddress)
    {
        var services = new ServiceCollection();
        services.AddFakeLogging().AddLogging(b => b.SetMinimumLevel(LogLevel.Debug));
        services.AddOpen311Client(
            o =>
            {
                o.BaseAddress = new Uri(baseAddress, "open311/v2");
                o.ApiKey = ApiKey;
                o.JurisdictionId = Jurisdiction;
            },
            r =>
            {
                r.Retry.Delay = TimeSpan.FromMilliseconds(1);
                r.Retry.UseJitter = false;
                r.Retry.MaxRetryAttempts = 2;
            });
        var provider = services.BuildServiceProvider();
        return (provider, provider.GetFakeLogCollector());
    }

    private static Task Write(HttpContext context, int status, string body, string contentType)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body, context.RequestAborted);
    }

    private void AssertNothingSecret(FakeLogCollector logs)
    {
        string[] forbidden = [ApiKey, Jurisdiction, ResidentEmail, ResidentText, "Resident", "51.75"];
        var values = _telemetry.AllTagValues()
            .Concat(logs.GetSnapshot().Where(r => r.Category == "LocalGov.Open311").SelectMany(r =>
                new[] { r.Message, r.Exception?.ToString() ?? string.Empty }.Concat(r.StructuredState?.Select(p => p.Value ?? string.Empty) ?? [])))
            .ToList();
        Assert.NotEmpty(values);
        foreach (var secret in forbidden)
        {
            Assert.DoesNotContain(values, v => v.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

}
