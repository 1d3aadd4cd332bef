using LocalGov.Testing.Open311;
using Microsoft.Extensions.DependencyInjection;

namespace LocalGov.Open311.Tests.Conformance;

/// <summary>
/// The client as an application registers it (AddOpen311Client, the standard resilience handler) against a loopback
/// GeoReport v2 server written from the spec. No real data is needed, so these live in the unit project.
/// </summary>
public sealed class GeoReportConformanceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ServiceProvider Provider(GeoReportServer server, Open311Format format, Action<Open311ClientOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddOpen311Client(
            o =>
            {
                o.BaseAddress = server.BaseAddress;
                o.Format = format;
                o.ApiKey = "test-key";
                o.Timeout = TimeSpan.FromSeconds(5);
                configure?.Invoke(o);
            },
            r =>
            {
                // Fast retries so a test of three attempts takes milliseconds, not the default seconds.
                r.Retry.Delay = TimeSpan.FromMilliseconds(5);
                r.Retry.UseJitter = false;
            });
        return services.BuildServiceProvider();
    }

    private static Open311Submission Speeding(string roadType = "main") => new()
    {
        ServiceCode = "SPEED",
        Latitude = 51.752,
        Longitude = -1.2577,
        Description = "Cars racing past the school",
        Email = "sam@example.org",
        FirstName = "Sam",
        LastName = "Sample",
        Attributes = new Dictionary<string, IReadOnlyList<string>> { ["road_type"] = [roadType], ["days"] = ["mon", "fri"] },
    };

    [Theory]
    [InlineData(Open311Format.Json)]
    [InlineData(Open311Format.Xml)]
    public async Task Every_operation_round_trips(Open311Format format)
    {
        await using var server = await GeoReportServer.StartAsync(GeoReportServer.SampleServices(), Ct);
        var old = server.Seed("POTHOLE", "closed", new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero), "Filled in");
        await using var provider = Provider(server, format);
        var client = provider.GetRequiredService<Open311Client>();

        var services = await client.GetServicesAsync(Ct);
        Assert.Equal(["POTHOLE", "SPEED"], services.Select(s => s.ServiceCode));
        Assert.True(services[1].Metadata);
        Assert.Equal(Open311ServiceType.Batch, services[0].Type);

        var definition = await client.GetServiceDefinitionAsync("SPEED", Ct);
        Assert.Equal(["road_type", "days", "road_name", "speed"], definition.Attributes.Select(a => a.Code));
        Assert.Equal(7, definition.FindAttribute("days")!.Values.Count);

        var submitted = await client.SubmitRequestAsync(Speeding(), definition, Ct);
        Assert.NotNull(submitted.ServiceRequestId);
        Assert.Equal("We aim to respond within 10 working days.", submitted.ServiceNotice);
        var stored = server.Requests.Single(r => r.Id == submitted.ServiceRequestId);
        Assert.Equal(["mon", "fri"], stored.Attributes["days"]);
        Assert.Equal("main", stored.Attributes["road_type"].Single());
        Assert.Equal("Sam", stored.Field("first_name"));

        var one = await client.GetRequestAsync(submitted.ServiceRequestId!, Ct);
        Assert.Equal("open", one.Status);
        Assert.Equal("Cars racing past the school", one.Description);
        Assert.Equal(51.752, one.Latitude);

        var open = await client.GetRequestsAsync(new Open311RequestQuery { Status = Open311RequestStatus.Open }, Ct);
        Assert.Equal([submitted.ServiceRequestId], open.Select(r => r.ServiceRequestId));
        var closed = await client.GetRequestsAsync(new Open311RequestQuery { ServiceCodes = ["POTHOLE"], StartDate = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), EndDate = new DateTimeOffset(2026, 1, 31, 0, 0, 0, TimeSpan.Zero) }, Ct);
        Assert.Equal(old.Id, closed.Single().ServiceRequestId);
        Assert.True(closed.Single().IsClosed);
        var byId = await client.GetRequestsAsync(new Open311RequestQuery { ServiceRequestIds = [old.Id, submitted.ServiceRequestId!] }, Ct);
        Assert.Equal(2, byId.Count);

        var ext = format == Open311Format.Xml ? ".xml" : ".json";
        Assert.All(server.Calls, c => Assert.Contains(ext, c.PathAndQuery, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Open311Format.Json)]
    [InlineData(Open311Format.Xml)]
    public async Task A_batch_service_answers_a_token_that_resolves_later(Open311Format format)
    {
        await using var server = await GeoReportServer.StartAsync(GeoReportServer.SampleServices(), Ct);
        server.TokenLookupsBeforeId = 1;
        await using var provider = Provider(server, format);
        var client = provider.GetRequiredService<Open311Client>();

        var submitted = await client.SubmitRequestAsync(new Open311Submission { ServiceCode = "POTHOLE", AddressString = "Outside 12 High Street" }, Ct);
        Assert.Null(submitted.ServiceRequestId);
        Assert.NotNull(submitted.Token);

        var first = await client.GetRequestIdFromTokenAsync(submitted.Token!, Ct);
        Assert.Null(first.ServiceRequestId);
        var second = await client.GetRequestIdFromTokenAsync(submitted.Token!, Ct);
        Assert.Equal(server.Requests.Single().Id, second.ServiceRequestId);

        await Assert.ThrowsAsync<Open311NotFoundException>(() => client.GetRequestIdFromTokenAsync("no-such-token", Ct));
    }

    [Theory]
    [InlineData(Open311Format.Json)]
    [InlineData(Open311Format.Xml)]
    public async Task The_servers_error_bodies_become_typed_errors(Open311Format format)
    {
        await using var server = await GeoReportServer.StartAsync(GeoReportServer.SampleServices(), Ct);
        await using var provider = Provider(server, format);
        var client = provider.GetRequiredService<Open311Client>();

        var invalid = await Assert.ThrowsAsync<Open311InvalidRequestException>(() => client.SubmitRequestAsync(Speeding() with { Attributes = new Dictionary<string, IReadOnlyList<string>> { ["days"] = ["someday"] } }, Ct));
        Assert.Equal(["Attribute road_type is required", "Attribute days: 'someday' is not a valid value"], invalid.Errors.Select(e => e.Description));
        Assert.All(invalid.Errors, e => Assert.Equal("400", e.Code));

        await using var badKey = Provider(server, format, o => o.ApiKey = "wrong");
        var forbidden = await Assert.ThrowsAsync<Open311ForbiddenException>(() => badKey.GetRequiredService<Open311Client>().SubmitRequestAsync(Speeding(), Ct));
        Assert.Equal("Invalid api_key", forbidden.Descriptions);
        Assert.DoesNotContain("wrong", forbidden.Message, StringComparison.Ordinal);

        var missing = await Assert.ThrowsAsync<Open311NotFoundException>(() => client.GetServiceDefinitionAsync("NOPE", Ct));
        Assert.Equal("service_code 'NOPE' not found", missing.Descriptions);
        await Assert.ThrowsAsync<Open311NotFoundException>(() => client.GetRequestAsync("999999", Ct));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_jurisdiction_is_sent_on_every_call()
    {
        await using var server = await GeoReportServer.StartAsync(GeoReportServer.SampleServices(), Ct);
        server.Jurisdiction = "demovale.gov.uk";
        await using var without = Provider(server, Open311Format.Json);
        var error = await Assert.ThrowsAsync<Open311InvalidRequestException>(() => without.GetRequiredService<Open311Client>().GetServicesAsync(Ct));
        Assert.Equal("jurisdiction_id was not provided", error.Descriptions);

        await using var with = Provider(server, Open311Format.Json, o => o.JurisdictionId = "demovale.gov.uk");
        var client = with.GetRequiredService<Open311Client>();
        Assert.Equal(2, (await client.GetServicesAsync(Ct)).Count);
        var submitted = await client.SubmitRequestAsync(Speeding(), Ct);
        Assert.Equal("demovale.gov.uk", server.Requests.Single(r => r.Id == submitted.ServiceRequestId).Field("jurisdiction_id"));
        Assert.NotNull(await client.GetRequestAsync(submitted.ServiceRequestId!, Ct));
    }

    [Fact]
    public async Task An_html_page_with_200_is_an_html_error()
    {
        await using var server = await GeoReportServer.StartAsync(GeoReportServer.SampleServices(), Ct);
        server.HtmlNext();
        await using var provider = Provider(server, Open311Format.Xml);
        var error = await Assert.ThrowsAsync<Open311HtmlResponseException>(() => provider.GetRequiredService<Open311Client>().GetServicesAsync(Ct));
        Assert.Equal("Sign in to the council portal", error.PageTitle);
        Assert.Single(server.Calls);
    }

    [Fact]
    public async Task Gets_failing_with_5xx_are_retried_by_the_resilience_handler()
    {
        await using var server = await GeoReportServer.StartAsync(GeoReportServer.SampleServices(), Ct);
        server.FailNext(2, 503);
        await using var provider = Provider(server, Open311Format.Json);
        var services = await provider.GetRequiredService<Open311Client>().GetServicesAsync(Ct);
        Assert.Equal(2, services.Count);
        Assert.Equal(3, server.Calls.Count);
    }

    [Fact]
    public async Task Gets_that_time_out_are_retried_then_reported_as_timeouts()
    {
        await using var server = await GeoReportServer.StartAsync(GeoReportServer.SampleServices(), Ct);
        server.DelayNext(1, TimeSpan.FromSeconds(3));
        await using var provider = Provider(server, Open311Format.Json, o => o.Timeout = TimeSpan.FromMilliseconds(400));
        var client = provider.GetRequiredService<Open311Client>();
        Assert.Equal(2, (await client.GetServicesAsync(Ct)).Count);
        Assert.Equal(2, server.Calls.Count);

        server.DelayNext(4, TimeSpan.FromSeconds(3));
        var error = await Assert.ThrowsAsync<Open311TransportException>(() => client.GetServicesAsync(Ct));
        Assert.True(error.IsTimeout);
        Assert.Equal(6, server.Calls.Count);
    }

    [Fact]
    public async Task A_post_is_not_retried_after_a_5xx_or_a_timeout_so_a_report_is_never_filed_twice()
    {
        await using var server = await GeoReportServer.StartAsync(GeoReportServer.SampleServices(), Ct);
        await using var provider = Provider(server, Open311Format.Json, o => o.Timeout = TimeSpan.FromMilliseconds(400));
        var client = provider.GetRequiredService<Open311Client>();

        server.FailNext(1, 500, "CRM is down");
        var failed = await Assert.ThrowsAsync<Open311ServiceException>(() => client.SubmitRequestAsync(Speeding(), Ct));
        Assert.Equal("CRM is down", failed.Descriptions);
        Assert.True(failed.IsTransient);
        Assert.Single(server.Calls);

        server.DelayNext(1, TimeSpan.FromSeconds(3));
        var timedOut = await Assert.ThrowsAsync<Open311TransportException>(() => client.SubmitRequestAsync(Speeding(), Ct));
        Assert.True(timedOut.IsTimeout);
        Assert.Equal(2, server.Calls.Count);
    }

    [Fact]
    public async Task A_post_told_429_is_retried_because_the_server_did_not_act_on_it()
    {
        await using var server = await GeoReportServer.StartAsync(GeoReportServer.SampleServices(), Ct);
        server.FailNext(1, 429, "Slow down");
        await using var provider = Provider(server, Open311Format.Json);
        var submitted = await provider.GetRequiredService<Open311Client>().SubmitRequestAsync(Speeding(), Ct);
        Assert.NotNull(submitted.ServiceRequestId);
        Assert.Equal(2, server.Calls.Count);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_post_to_a_closed_port_is_retried_then_a_transport_error()
    {
        int port;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        var services = new ServiceCollection();
        var attempts = 0;
        services.AddOpen311Client(o => o.BaseAddress = new Uri($"http://127.0.0.1:{port}/open311/v2/"), r =>
        {
            r.Retry.Delay = TimeSpan.FromMilliseconds(5);
            r.Retry.OnRetry = _ =>
            {
                Interlocked.Increment(ref attempts);
                return ValueTask.CompletedTask;
            };
        });
        await using var provider = services.BuildServiceProvider();
        var error = await Assert.ThrowsAsync<Open311TransportException>(() => provider.GetRequiredService<Open311Client>().SubmitRequestAsync(Speeding(), Ct));
        Assert.False(error.IsTimeout);
        Assert.Equal(3, attempts);
    }
}
