using System.Net;
using System.Text.Json;
using LocalGov.Testing;
using SpeedingReport.Demo;

namespace LocalGov.Samples.Tests.SpeedingReport;

/// <summary>Health endpoints, and traces exported over OTLP from a real journey.</summary>
public sealed class OperationsTests
{
    private static string DemoPostcodesFile => Path.Combine(RepositoryPaths.Root, "samples", "SpeedingReport", "Data", "demo", "postcodes.json");

    [Fact]
    public async Task Live_and_ready_answer_json_and_the_demo_is_healthy()
    {
        await using var factory = new SpeedingReportFactory();
        using var http = factory.CreateClient();

        using var live = await http.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);
        using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("application/json", live.Content.Headers.ContentType?.MediaType);
        using var liveJson = JsonDocument.Parse(await live.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Healthy", liveJson.RootElement.GetProperty("status").GetString());
        Assert.Equal(["self"], liveJson.RootElement.GetProperty("checks").EnumerateObject().Select(p => p.Name));

        var readyText = await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(ready.StatusCode == HttpStatusCode.OK, readyText);
        using var readyJson = JsonDocument.Parse(readyText);
        Assert.Equal("Healthy", readyJson.RootElement.GetProperty("status").GetString());
        var checks = readyJson.RootElement.GetProperty("checks");
        Assert.Equal(["boundaries", "database", "moderngov-council", "notify-configuration", "postcodes-io"], checks.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.True(checks.GetProperty("boundaries").GetProperty("data").GetProperty("districts").GetInt32() > 0);
        Assert.True(checks.GetProperty("moderngov-council").GetProperty("data").GetProperty("items").GetInt32() > 0);
    }

    [Fact]
    public async Task Outside_the_demo_ready_checks_the_real_services_and_never_shows_the_notify_key()
    {
        await using var postcodes = await StartPostcodesIoAsync();
        var settings = new Dictionary<string, string?>
        {
            ["SpeedingReport:DemoPostcodes"] = "",
            ["SpeedingReport:DemoModernGovParishCouncils"] = "",
            ["PostcodesIo:BaseAddress"] = postcodes.BaseAddress.ToString(),
            ["SpeedingReport:Notify:ApiKey"] = Notify.NotifyStandIn.ApiKey,
            ["SpeedingReport:Notify:ReportTemplateId"] = Guid.NewGuid().ToString(),
            ["SpeedingReport:Notify:ConfirmationTemplateId"] = Guid.NewGuid().ToString(),
        };
        await using var configured = new ConfiguredFactory(settings);
        using var client = configured.CreateClient();
        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Contains("GOV.UK Notify is configured.", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Notify.NotifyStandIn.Secret.ToString(), body, StringComparison.Ordinal);
        Assert.Contains(postcodes.Requests, r => r == "/ready");
    }

    [Fact]
    public async Task Notify_settings_broken_after_start_make_ready_unhealthy_without_repeating_the_key()
    {
        var key = Notify.NotifyStandIn.ApiKey;
        var broken = new global::SpeedingReport.Delivery.Notify.NotifyOptions { ApiKey = key, ReportTemplateId = "not-a-uuid", ConfirmationTemplateId = Guid.NewGuid().ToString() };
        var check = new global::SpeedingReport.Operations.NotifyConfigurationHealthCheck(
            Microsoft.Extensions.Options.Options.Create(new global::SpeedingReport.Configuration.SpeedingReportOptions { DemoPostcodes = "", DemoModernGovParishCouncils = "" }),
            new FixedMonitor<global::SpeedingReport.Delivery.Notify.NotifyOptions>(broken));
        var registration = new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration("notify-configuration", check, Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, null);

        var result = await check.CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext { Registration = registration }, TestContext.Current.CancellationToken);

        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, result.Status);
        Assert.Contains("ReportTemplateId must be the id", result.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(Notify.NotifyStandIn.Secret.ToString(), result.Description!, StringComparison.Ordinal);
    }

    private sealed class FixedMonitor<T>(T value) : Microsoft.Extensions.Options.IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }

    [Fact]
    public async Task A_journey_exports_spans_from_aspnetcore_httpclient_and_localgov_postcodes_over_otlp_http()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var postcodes = await StartPostcodesIoAsync();
        await using (var factory = new ConfiguredFactory(new Dictionary<string, string?>
        {
            ["SpeedingReport:DemoPostcodes"] = "",
            ["PostcodesIo:BaseAddress"] = postcodes.BaseAddress.ToString(),
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        }))
        {
            using var journey = factory.CreateJourney();
            await journey.AnswerAllAsync("DM1 2BB", "30-or-less", "single", "yes");
            var check = await journey.FinishAsync();
            Assert.Contains("Your report will be sent to Brookfield Parish Council", check.Text, StringComparison.Ordinal);

            // The exporter sends every 100 ms while the app runs; waiting for that (rather than for the flush at
            // shutdown, which gives up after its timeout on a busy machine) keeps the test about the spans.
            string[] expected = ["Microsoft.AspNetCore", "System.Net.Http", "LocalGov.Postcodes"];
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!expected.All(e => receiver.Spans.Any(s => s.Scope == e)) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }

        var scopes = receiver.Spans.Select(s => s.Scope).ToHashSet();
        Assert.Contains("Microsoft.AspNetCore", scopes);
        Assert.Contains("System.Net.Http", scopes);
        Assert.Contains("LocalGov.Postcodes", scopes);
        Assert.Contains(receiver.Spans, s => s is { Scope: "LocalGov.Postcodes", Span: "postcodes.io Lookup" });
        Assert.Contains(receiver.ContentTypes, t => t.StartsWith("application/x-protobuf", StringComparison.Ordinal));
    }

    /// <summary>A loopback postcodes.io answering from the demo postcode file, so the app's HttpClient makes real requests.</summary>
    private static async Task<LoopbackServer> StartPostcodesIoAsync()
    {
        var invoker = new HttpMessageInvoker(new DemoPostcodesIoHandler(DemoPostcodesFile));
        return await LoopbackServer.StartAsync(async context =>
        {
            using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri("https://api.postcodes.io" + context.Request.Path + context.Request.QueryString));
            using var answer = await invoker.SendAsync(request, context.RequestAborted);
            context.Response.StatusCode = (int)answer.StatusCode;
            context.Response.ContentType = answer.Content.Headers.ContentType?.ToString();
            await answer.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }, TestContext.Current.CancellationToken);
    }
}
