using System.Diagnostics;
using System.Net;
using LocalGov.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LocalGov.ModernGov.Tests.Faults;

/// <summary>Faults from a real HTTP server, through the whole client: DI, the resilience pipeline, the parser.</summary>
public sealed class LoopbackFaultTests
{
    private const string Committees = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<committees>\n  <committeescount> 1</committeescount>\n  <committee>\n    <committeeid>1</committeeid>\n    <committeetitle>Audit</committeetitle>\n  </committee>\n</committees>";

    private static (ServiceProvider Provider, IModernGovClient Client) CreateClient(LoopbackServer server, Action<ModernGovCouncilOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddModernGov("Loopback", o =>
        {
            o.BaseUrl = server.BaseAddress;
            o.RetryDelay = TimeSpan.FromMilliseconds(20);
            o.Timeout = TimeSpan.FromSeconds(20);
            configure?.Invoke(o);
        });
        var provider = services.BuildServiceProvider();
        return (provider, provider.GetRequiredService<IModernGovClientFactory>().GetClient("Loopback"));
    }

    private static Task Write(HttpContext context, int status, string body, string type = "text/xml; charset=utf-8")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = type;
        return context.Response.WriteAsync(body, context.RequestAborted);
    }

    [Fact]
    public async Task A_500_then_a_200_succeeds_after_one_retry()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(context =>
            Interlocked.Increment(ref calls) == 1 ? Write(context, 500, "<html><body>Server Error</body></html>", "text/html") : Write(context, 200, Committees),
            TestContext.Current.CancellationToken);
        var (provider, client) = CreateClient(server);
        using var _ = provider;

        var committees = await client.GetCommitteesAsync(TestContext.Current.CancellationToken);

        Assert.Equal("Audit", Assert.Single(committees).Title);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Without_di_the_resilient_handler_retries_as_the_registration_does()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(context =>
            Interlocked.Increment(ref calls) < 3 ? Write(context, 503, "<html><body>Busy</body></html>", "text/html") : Write(context, 200, Committees),
            TestContext.Current.CancellationToken);
        var options = new ModernGovCouncilOptions { BaseUrl = server.BaseAddress, RetryDelay = TimeSpan.FromMilliseconds(20), MaxRetryAttempts = 2 };
        using var http = new HttpClient(ModernGovClient.CreateResilientHandler(options));
        var client = new ModernGovClient(http, options, "Loopback");

        var committees = await client.GetCommitteesAsync(TestContext.Current.CancellationToken);

        Assert.Equal("Audit", Assert.Single(committees).Title);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Without_di_the_resilient_handler_gives_up_after_the_configured_retries()
    {
        await using var server = await LoopbackServer.StartAsync(503, "<html><body>Service Unavailable</body></html>", "text/html", TestContext.Current.CancellationToken);
        var options = new ModernGovCouncilOptions { BaseUrl = server.BaseAddress, RetryDelay = TimeSpan.FromMilliseconds(20), MaxRetryAttempts = 1 };
        using var http = new HttpClient(ModernGovClient.CreateResilientHandler(options));
        var client = new ModernGovClient(http, options, "Loopback");

        var error = await Assert.ThrowsAsync<ModernGovHttpException>(() => client.GetCommitteesAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(2, server.Requests.Count);
        Assert.Throws<ArgumentException>(() => ModernGovClient.CreateResilientHandler(new ModernGovCouncilOptions()));
    }

    [Fact]
    public async Task Repeated_503s_give_a_typed_error_after_a_bounded_number_of_tries()
    {
        await using var server = await LoopbackServer.StartAsync(503, "<html><body>Service Unavailable</body></html>", "text/html", TestContext.Current.CancellationToken);
        var (provider, client) = CreateClient(server, o => o.MaxRetryAttempts = 2);
        using var _ = provider;

        var error = await Assert.ThrowsAsync<ModernGovHttpException>(() => client.GetCommitteesAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(3, server.Requests.Count);
        Assert.Contains("Service Unavailable", error.BodyExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_asmx_error_is_not_retried()
    {
        await using var server = await LoopbackServer.StartAsync(500, "System.InvalidOperationException: Missing parameter: lMeetingId.", "text/plain; charset=utf-8", TestContext.Current.CancellationToken);
        var (provider, client) = CreateClient(server);
        using var _ = provider;

        var error = await Assert.ThrowsAsync<ModernGovMissingParameterException>(() => client.GetMeetingAsync(1, TestContext.Current.CancellationToken));

        Assert.Equal("lMeetingId", error.ParameterName);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_server_slower_than_the_timeout_gives_a_timeout_error_in_seconds()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            await Write(context, 200, Committees);
        }, TestContext.Current.CancellationToken);
        var (provider, client) = CreateClient(server, o => o.Timeout = TimeSpan.FromSeconds(1));
        using var _ = provider;
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ModernGovTimeoutException>(() => client.GetCommitteesAsync(TestContext.Current.CancellationToken));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal("GetCommittees", error.Operation);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public async Task A_body_cut_off_mid_way_is_a_transport_error()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/xml";
            context.Response.ContentLength = 100_000;
            await context.Response.WriteAsync(Committees[..60], context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            context.Abort();
        }, TestContext.Current.CancellationToken);
        var (provider, client) = CreateClient(server, o => o.MaxRetryAttempts = 1);
        using var _ = provider;

        var error = await Assert.ThrowsAsync<ModernGovTransportException>(() => client.GetCommitteesAsync(TestContext.Current.CancellationToken));

        Assert.NotNull(error.InnerException);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_size_cap_is_refused(bool declareLength)
    {
        var big = "<committees>" + string.Concat(Enumerable.Repeat("<committee><committeetitle>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</committeetitle></committee>", 20_000)) + "</committees>";
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/xml";
            if (declareLength)
            {
                context.Response.ContentLength = System.Text.Encoding.UTF8.GetByteCount(big);
            }

            await context.Response.WriteAsync(big, context.RequestAborted);
        }, TestContext.Current.CancellationToken);
        var (provider, client) = CreateClient(server, o => o.MaxResponseBytes = 256 * 1024);
        using var _ = provider;

        var error = await Assert.ThrowsAsync<ModernGovResponseTooLargeException>(() => client.GetCommitteesAsync(TestContext.Current.CancellationToken));

        Assert.Equal(256 * 1024, error.LimitBytes);
    }

    [Fact]
    public async Task An_xml_bomb_is_rejected_without_expansion()
    {
        const string bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <committees><committee><committeetitle>&lol9;</committeetitle></committee></committees>
            """;
        await using var server = await LoopbackServer.StartAsync(200, bomb, cancellationToken: TestContext.Current.CancellationToken);
        var (provider, client) = CreateClient(server);
        using var _ = provider;
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ModernGovMalformedXmlException>(() => client.GetCommitteesAsync(TestContext.Current.CancellationToken));

        Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
        // Expanding the billion laughs would take minutes and gigabytes; refusing the DTD takes milliseconds.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task An_external_entity_is_rejected_without_reading_the_file()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"moderngov-xxe-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(secret, "TOP-SECRET-CONTENT", TestContext.Current.CancellationToken);
        try
        {
            var body = $"""
                <?xml version="1.0"?>
                <!DOCTYPE committees [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>
                <committees><committee><committeeid>1</committeeid><committeetitle>&xxe;</committeetitle></committee></committees>
                """;
            await using var server = await LoopbackServer.StartAsync(200, body, cancellationToken: TestContext.Current.CancellationToken);
            var (provider, client) = CreateClient(server);
            using var _ = provider;

            var error = await Assert.ThrowsAsync<ModernGovMalformedXmlException>(() => client.GetCommitteesAsync(TestContext.Current.CancellationToken));

            Assert.DoesNotContain("TOP-SECRET-CONTENT", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public async Task Html_served_with_200_is_a_typed_error_not_a_parse_error()
    {
        await using var server = await LoopbackServer.StartAsync(200, "<!DOCTYPE html>\n<html><head><title>Democracy</title></head><body><h1>Welcome</h1></body></html>", "text/html", TestContext.Current.CancellationToken);
        var (provider, client) = CreateClient(server);
        using var _ = provider;

        var error = await Assert.ThrowsAsync<ModernGovUnexpectedContentException>(() => client.GetCouncillorsByWardAsync(TestContext.Current.CancellationToken));

        Assert.Equal(ModernGovContentKind.HtmlPage, error.Kind);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Cancellation_stops_the_call_promptly_and_is_not_wrapped()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            await Write(context, 200, Committees);
        }, TestContext.Current.CancellationToken);
        var (provider, client) = CreateClient(server);
        using var _ = provider;
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetCommitteesAsync(cancellation.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_council_that_keeps_failing_opens_its_own_circuit_and_no_other()
    {
        var token = TestContext.Current.CancellationToken;
        await using var failing = await LoopbackServer.StartAsync(503, "<html><body>Service Unavailable</body></html>", "text/html", token);
        await using var healthy = await LoopbackServer.StartAsync(200, Committees, cancellationToken: token);
        var services = new ServiceCollection();
        services.AddModernGov("Failing", o => { o.BaseUrl = failing.BaseAddress; o.MaxRetryAttempts = 0; o.Timeout = TimeSpan.FromSeconds(20); });
        services.AddModernGov("Healthy", o => { o.BaseUrl = healthy.BaseAddress; o.MaxRetryAttempts = 0; o.Timeout = TimeSpan.FromSeconds(20); });
        foreach (var council in new[] { "Failing", "Healthy" })
        {
            // The documented override: a low threshold, so that two failures are enough to open the circuit.
            services.Configure<Microsoft.Extensions.Http.Resilience.HttpStandardResilienceOptions>($"LocalGov.ModernGov:{council}-standard", o =>
            {
                o.CircuitBreaker.MinimumThroughput = 2;
                o.CircuitBreaker.FailureRatio = 0.5;
                o.CircuitBreaker.BreakDuration = TimeSpan.FromMinutes(1);
            });
        }

        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IModernGovClientFactory>();

        await Assert.ThrowsAsync<ModernGovHttpException>(() => factory.GetClient("Failing").GetCommitteesAsync(token));
        await Assert.ThrowsAsync<ModernGovHttpException>(() => factory.GetClient("Failing").GetCommitteesAsync(token));
        var open = await Assert.ThrowsAsync<ModernGovTransportException>(() => factory.GetClient("Failing").GetCommitteesAsync(token));

        Assert.IsType<Polly.CircuitBreaker.BrokenCircuitException>(open.InnerException);
        Assert.Equal("Failing", open.Council);
        Assert.Equal(2, failing.Requests.Count);
        Assert.Equal("Audit", Assert.Single(await factory.GetClient("Healthy").GetCommitteesAsync(token)).Title);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public async Task A_utf16_body_with_a_byte_order_mark_is_read_whatever_the_header_says(string encodingName)
    {
        var encoding = System.Text.Encoding.GetEncoding(encodingName);
        var body = encoding.GetPreamble().Concat(encoding.GetBytes(Committees.Replace("utf-8", "utf-16", StringComparison.Ordinal).Replace("Audit", "Audit – Ω", StringComparison.Ordinal))).ToArray();
        await using var server = await LoopbackServer.StartAsync(
            async context =>
            {
                context.Response.ContentType = "text/xml; charset=utf-8";
                await context.Response.Body.WriteAsync(body, context.RequestAborted);
            },
            TestContext.Current.CancellationToken);
        var (provider, client) = CreateClient(server);
        using var _ = provider;

        var committees = await client.GetCommitteesAsync(TestContext.Current.CancellationToken);

        Assert.Equal("Audit – Ω", Assert.Single(committees).Title);
    }

    [Fact]
    public async Task A_refused_connection_is_a_transport_error_with_its_cause()
    {
        Uri address;
        await using (var server = await LoopbackServer.StartAsync(200, Committees, cancellationToken: TestContext.Current.CancellationToken))
        {
            address = server.BaseAddress;
        }

        var services = new ServiceCollection();
        services.AddModernGov("Gone", o => { o.BaseUrl = address; o.RetryDelay = TimeSpan.FromMilliseconds(10); o.MaxRetryAttempts = 1; });
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IModernGovClientFactory>().GetClient("Gone");

        var error = await Assert.ThrowsAsync<ModernGovTransportException>(() => client.GetCommitteesAsync(TestContext.Current.CancellationToken));

        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Null(error.StatusCode);
    }
}
