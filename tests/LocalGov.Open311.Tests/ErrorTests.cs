using LocalGov.Testing;

namespace LocalGov.Open311.Tests;

public sealed class ErrorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Open311Submission Minimal = new() { ServiceCode = "001", Latitude = 51.5, Longitude = -0.1 };

    [Theory]
    [InlineData(Open311Format.Json, SpecFixtures.ErrorsJson)]
    [InlineData(Open311Format.Xml, SpecFixtures.ErrorsXml)]
    public async Task A_400_error_body_becomes_invalid_request_with_every_description(Open311Format format, string body)
    {
        await using var server = await SpecFixtures.ServeAsync(400, body, format, Ct);
        var error = await Assert.ThrowsAsync<Open311InvalidRequestException>(() => SpecFixtures.Client(server, format).SubmitRequestAsync(Minimal, Ct));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal([new Open311Error("400", "service_code was not provided"), new Open311Error("400", "Attribute WHISHETN is required")], error.Errors);
        Assert.Equal("service_code was not provided; Attribute WHISHETN is required", error.Descriptions);
        Assert.Contains("Attribute WHISHETN is required", error.Message, StringComparison.Ordinal);
        Assert.Equal("SubmitRequestAsync", error.Operation);
        Assert.False(error.IsTransient);
        Assert.DoesNotContain("secret-key", error.Message + error.RequestUri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(403, typeof(Open311ForbiddenException), false)]
    [InlineData(401, typeof(Open311ForbiddenException), false)]
    [InlineData(404, typeof(Open311NotFoundException), false)]
    [InlineData(500, typeof(Open311ServiceException), true)]
    [InlineData(503, typeof(Open311ServiceException), true)]
    public async Task Statuses_map_to_typed_errors(int status, Type expected, bool transient)
    {
        var body = $$"""[{"code":{{status}},"description":"reason {{status}}"}]""";
        await using var server = await SpecFixtures.ServeAsync(status, body, Open311Format.Json, Ct);
        var error = await Assert.ThrowsAnyAsync<Open311ServiceException>(() => SpecFixtures.Client(server, Open311Format.Json).GetServicesAsync(Ct));
        Assert.IsType(expected, error);
        Assert.Equal($"reason {status}", error.Errors.Single().Description);
        Assert.Equal(transient, error.IsTransient);
    }

    [Fact]
    public async Task An_error_status_without_the_spec_body_keeps_the_excerpt()
    {
        await using var server = await LoopbackServer.StartAsync(502, "Bad gateway from the proxy", "text/plain", Ct);
        var error = await Assert.ThrowsAsync<Open311ServiceException>(() => SpecFixtures.Client(server, Open311Format.Json).GetServicesAsync(Ct));
        Assert.Equal(502, error.StatusCode);
        Assert.Equal("Bad gateway from the proxy", error.Descriptions);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task A_single_error_object_is_read_too()
    {
        await using var server = await SpecFixtures.ServeAsync(403, """{"code":403,"description":"Invalid api_key"}""", Open311Format.Json, Ct);
        var error = await Assert.ThrowsAsync<Open311ForbiddenException>(() => SpecFixtures.Client(server, Open311Format.Json).SubmitRequestAsync(Minimal, Ct));
        Assert.Equal("Invalid api_key", error.Descriptions);
    }

    [Theory]
    [InlineData(Open311Format.Json)]
    [InlineData(Open311Format.Xml)]
    public async Task An_html_page_with_200_is_its_own_error_with_the_page_title(Open311Format format)
    {
        await using var server = await LoopbackServer.StartAsync(200, "<!DOCTYPE html>\n<html><head><title>Sign in &amp; continue</title></head><body>Please sign in</body></html>", "text/html", Ct);
        var error = await Assert.ThrowsAsync<Open311HtmlResponseException>(() => SpecFixtures.Client(server, format).GetServicesAsync(Ct));
        Assert.Equal("Sign in & continue", error.PageTitle);
        Assert.Equal(200, error.StatusCode);
        Assert.Equal("text/html", error.MediaType);
        Assert.Contains("HTML page", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<Open311InvalidResponseException>(error);
    }

    [Fact]
    public async Task Xml_with_a_dtd_is_refused_without_expanding_entities()
    {
        const string body = """
            <?xml version="1.0"?>
            <!DOCTYPE services [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY lol "lol">]>
            <services><service><service_code>&xxe;</service_code><service_name>&lol;</service_name></service></services>
            """;
        await using var server = await SpecFixtures.ServeAsync(200, body, Open311Format.Xml, Ct);
        var error = await Assert.ThrowsAsync<Open311InvalidResponseException>(() => SpecFixtures.Client(server, Open311Format.Xml).GetServicesAsync(Ct));
        Assert.Contains("DTD", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("root:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"service_code\": ", "application/json")]
    [InlineData("<services><service>", "text/xml")]
    [InlineData("", "application/json")]
    [InlineData("OK", "text/plain")]
    [InlineData("[{\"service_name\":\"no code\"}]", "application/json")]
    public async Task Unreadable_bodies_are_invalid_responses(string body, string contentType)
    {
        await using var server = await LoopbackServer.StartAsync(200, body, contentType, Ct);
        var error = await Assert.ThrowsAsync<Open311InvalidResponseException>(() => SpecFixtures.Client(server, Open311Format.Json).GetServicesAsync(Ct));
        Assert.Equal(200, error.StatusCode);
        Assert.IsNotType<Open311HtmlResponseException>(error);
    }

    [Fact]
    public async Task A_body_over_the_cap_is_refused_unread()
    {
        var body = "[" + string.Join(',', Enumerable.Repeat("""{"service_code":"1","service_name":"x"}""", 4000)) + "]";
        await using var server = await SpecFixtures.ServeAsync(200, body, Open311Format.Json, Ct);
        var error = await Assert.ThrowsAsync<Open311InvalidResponseException>(() => SpecFixtures.Client(server, Open311Format.Json, o => o.MaxResponseBytes = 64 * 1024).GetServicesAsync(Ct));
        Assert.Contains("MaxResponseBytes", error.Message, StringComparison.Ordinal);
        Assert.Equal(4000, (await SpecFixtures.Client(server, Open311Format.Json).GetServicesAsync(Ct)).Count);
    }

    [Fact]
    public async Task No_server_is_a_transport_error()
    {
        var port = FreePort();
        var client = new Open311Client(new HttpClient(), new Open311ClientOptions { BaseAddress = new Uri($"http://127.0.0.1:{port}/open311/v2/") });
        var error = await Assert.ThrowsAsync<Open311TransportException>(() => client.GetServicesAsync(Ct));
        Assert.False(error.IsTimeout);
        Assert.Equal("GetServicesAsync", error.Operation);
    }

    [Fact]
    public async Task A_slow_server_is_a_timeout_without_di()
    {
        await using var server = await LoopbackServer.StartAsync(
            async c =>
            {
                await Task.Delay(TimeSpan.FromSeconds(5), c.RequestAborted);
            },
            Ct);
        var client = SpecFixtures.Client(server, Open311Format.Json, o => o.Timeout = TimeSpan.FromMilliseconds(300));
        var error = await Assert.ThrowsAsync<Open311TransportException>(() => client.GetServicesAsync(Ct));
        Assert.True(error.IsTimeout);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_a_transport_error()
    {
        await using var server = await LoopbackServer.StartAsync(async c => await Task.Delay(TimeSpan.FromSeconds(5), c.RequestAborted), Ct);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(200);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SpecFixtures.Client(server, Open311Format.Json).GetServicesAsync(cts.Token));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
