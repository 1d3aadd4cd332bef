using LocalGov.Testing.Open311;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SpeedingReport.Configuration;
using SpeedingReport.Contacts;
using SpeedingReport.Delivery;
using SpeedingReport.Delivery.Open311;
using SpeedingReport.Location;
using SpeedingReport.Reports;
using SpeedingReport.Routing;

namespace LocalGov.Samples.Tests.SpeedingReport;

/// <summary>The open311 channel against a loopback GeoReport v2 server, registered as the app registers it.</summary>
public sealed class Open311DeliveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DirectoryEntry District(Uri baseAddress, string serviceCode = "SPEED", bool check = false, Dictionary<string, string>? attributes = null) => new()
    {
        AreaCode = "DEMO-D01",
        Name = "Demo Vale District Council (DEMO)",
        Open311 = new Open311Target
        {
            Name = "demovale",
            BaseAddress = baseAddress,
            ServiceCode = serviceCode,
            CheckAttributes = check,
            Attributes = attributes ?? new Dictionary<string, string> { ["answer:road-type"] = "road_type", ["days"] = "days", ["road"] = "road_name" },
            AttributeValues = new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                ["days"] = new Dictionary<string, string> { ["monday"] = "mon", ["friday"] = "fri" },
            },
        },
    };

    private static ServiceProvider Provider(DirectoryEntry entry, string? apiKey = "test-key", string format = "json")
    {
        var settings = new Dictionary<string, string?> { ["SpeedingReport:Open311:demovale:Format"] = format };
        if (apiKey is not null)
        {
            settings["SpeedingReport:Open311:demovale:ApiKey"] = apiKey;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new ContactDirectory([entry]));
        services.AddOpen311Delivery(configuration);
        return services.BuildServiceProvider();
    }

    private static DeliveryRequest Delivery(string roadType = "main", string? token = null) => new(
        Guid.NewGuid(),
        "SR-2026-000123",
        DeliveryKind.ToResponsibleBody,
        "demovale",
        new ReportSubmission
        {
            SubmissionId = Guid.NewGuid(),
            Location = new ResolvedLocation { Description = "DM2 3CC", Latitude = 51.752, Longitude = -1.2577, DistrictCode = "DEMO-D01", DistrictName = "Demo Vale" },
            RoutingAnswers = new Dictionary<string, string> { ["road-type"] = roadType },
            DealtWithBy = ResponsibleBody.District,
            RuleIndex = 2,
            RuleExplanation = "Main roads are the district's.",
            Recipient = new ContactDetails { Name = "Demo Vale District Council (DEMO)", Source = ContactSource.Directory },
            Road = "High Street",
            PlaceDescription = "By the school",
            Days = ["monday", "friday"],
            Times = ["morning"],
            WhatSeen = "Cars at 50 in the 30 zone at school time.",
            ReporterName = "Sam de Sample",
            ReporterEmail = "sam@example.org",
            ReporterPhone = "01632 960001",
        },
        DateTimeOffset.UtcNow,
        token);

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task A_report_arrives_with_its_attributes_and_is_delivered_with_the_request_id(string format)
    {
        await using var server = await GeoReportServer.StartAsync(GeoReportServer.SampleServices(), Ct);
        await using var provider = Provider(District(server.BaseAddress, check: true), format: format);
        var channel = provider.GetServices<IDeliveryChannel>().Single();
        Assert.Equal("open311", channel.Name);

        var outcome = await channel.DeliverAsync(Delivery(), Ct);

        var stored = server.Requests.Single();
        Assert.Equal(DeliveryOutcomeKind.Delivered, outcome.Kind);
        Assert.Equal(stored.Id, outcome.RemoteId);
        Assert.Equal("main", stored.Attributes["road_type"].Single());
        Assert.Equal(["mon", "fri"], stored.Attributes["days"]);
        Assert.Equal("High Street", stored.Attributes["road_name"].Single());
        Assert.Equal("test-key", stored.Field("api_key"));
        Assert.Equal("Sam de", stored.Field("first_name"));
        Assert.Equal("Sample", stored.Field("last_name"));
        Assert.Equal("51.752", stored.Field("lat"));
        Assert.Equal("High Street, By the school, Demo Vale", stored.Field("address_string"));
        Assert.Contains("Reference: SR-2026-000123", stored.Field("description"), StringComparison.Ordinal);
        Assert.EndsWith("." + format, server.Calls[0].PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_400_becomes_a_permanent_failure_with_the_servers_description()
    {
        await using var server = await GeoReportServer.StartAsync(GeoReportServer.SampleServices(), Ct);
        await using var provider = Provider(District(server.BaseAddress));
        var outcome = await provider.GetServices<IDeliveryChannel>().Single().DeliverAsync(Delivery(roadType: "motorway"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Permanent, outcome.Kind);
        Assert.Contains("Attribute road_type: 'motorway' is not a valid value", outcome.Detail, StringComparison.Ordinal);
        Assert.Contains("HTTP 400", outcome.Detail, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_bad_attribute_caught_by_the_definition_check_is_permanent_and_sends_nothing()
    {
        await using var server = await GeoReportServer.StartAsync(GeoReportServer.SampleServices(), Ct);
        await using var provider = Provider(District(server.BaseAddress, check: true));
        var outcome = await provider.GetServices<IDeliveryChannel>().Single().DeliverAsync(Delivery(roadType: "motorway"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Permanent, outcome.Kind);
        Assert.Contains("attribute 'road_type'", outcome.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Calls, c => c.Method == "POST");
    }

    [Fact]
    public async Task A_token_becomes_awaiting_id_and_is_resolved_on_a_later_call()
    {
        await using var server = await GeoReportServer.StartAsync(GeoReportServer.SampleServices(), Ct);
        server.TokenLookupsBeforeId = 1;
        await using var provider = Provider(District(server.BaseAddress, serviceCode: "POTHOLE", attributes: []));
        var channel = provider.GetServices<IDeliveryChannel>().Single();

        var first = await channel.DeliverAsync(Delivery(), Ct);
        Assert.Equal(DeliveryOutcomeKind.AwaitingId, first.Kind);
        var token = first.RemoteId!;

        var stillWaiting = await channel.DeliverAsync(Delivery(token: token), Ct);
        Assert.Equal(DeliveryOutcomeKind.AwaitingId, stillWaiting.Kind);
        Assert.Equal(token, stillWaiting.RemoteId);

        var resolved = await channel.DeliverAsync(Delivery(token: token), Ct);
        Assert.Equal(DeliveryOutcomeKind.Delivered, resolved.Kind);
        Assert.Equal(server.Requests.Single().Id, resolved.RemoteId);
        Assert.Single(server.Calls, c => c.Method == "POST");
    }

    [Fact]
    public async Task A_rejected_key_is_permanent_and_a_server_failure_transient()
    {
        await using var server = await GeoReportServer.StartAsync(GeoReportServer.SampleServices(), Ct);
        await using (var wrongKey = Provider(District(server.BaseAddress), apiKey: "wrong"))
        {
            var rejected = await wrongKey.GetServices<IDeliveryChannel>().Single().DeliverAsync(Delivery(), Ct);
            Assert.Equal(DeliveryOutcomeKind.Permanent, rejected.Kind);
            Assert.Contains("Invalid api_key", rejected.Detail, StringComparison.Ordinal);
            Assert.DoesNotContain("wrong", rejected.Detail, StringComparison.Ordinal);
        }

        await using var provider = Provider(District(server.BaseAddress));
        server.FailNext(1, 503, "CRM is down");
        var failed = await provider.GetServices<IDeliveryChannel>().Single().DeliverAsync(Delivery(), Ct);
        Assert.Equal(DeliveryOutcomeKind.Transient, failed.Kind);
        Assert.Contains("CRM is down", failed.Detail, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task An_unknown_endpoint_name_and_the_confirmation_are_permanent()
    {
        await using var server = await GeoReportServer.StartAsync(GeoReportServer.SampleServices(), Ct);
        await using var provider = Provider(District(server.BaseAddress));
        var channel = provider.GetServices<IDeliveryChannel>().Single();
        Assert.Equal(DeliveryOutcomeKind.Permanent, (await channel.DeliverAsync(Delivery() with { RecipientAddress = "elsewhere" }, Ct)).Kind);
        Assert.Equal(DeliveryOutcomeKind.Permanent, (await channel.DeliverAsync(Delivery() with { Kind = DeliveryKind.ConfirmationToResident }, Ct)).Kind);
        Assert.Empty(server.Calls);
    }

    [Fact]
    public void A_key_in_the_directory_file_or_none_in_configuration_is_a_configuration_error()
    {
        var inFile = District(new Uri("https://example.gov.uk/open311/v2/"));
        inFile.Open311!.ApiKey = "leaked";
        using (var provider = Provider(inFile))
        {
            var error = Assert.Throws<SpeedingReportConfigurationException>(() => provider.GetServices<IDeliveryChannel>().ToList());
            Assert.Contains("SpeedingReport:Open311:demovale:ApiKey", error.Message, StringComparison.Ordinal);
        }

        using var noKey = Provider(District(new Uri("https://example.gov.uk/open311/v2/")), apiKey: null);
        Assert.Throws<SpeedingReportConfigurationException>(() => noKey.GetServices<IDeliveryChannel>().ToList());
    }
}
