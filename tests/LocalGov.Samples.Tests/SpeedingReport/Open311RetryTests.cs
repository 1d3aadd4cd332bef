using LocalGov.Testing.Open311;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SpeedingReport.Contacts;
using SpeedingReport.Delivery;
using SpeedingReport.Delivery.Open311;
using SpeedingReport.Location;
using SpeedingReport.Reports;
using SpeedingReport.Routing;

namespace LocalGov.Samples.Tests.SpeedingReport;

/// <summary>The open311 channel told to wait (Retry-After) or "not yet" (a token the server does not know yet).</summary>
public sealed class Open311RetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ServiceProvider Provider(Uri baseAddress, string serviceCode = "SPEED")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["SpeedingReport:Open311:demovale:ApiKey"] = "test-key" }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new ContactDirectory(
        [
            new DirectoryEntry
            {
                AreaCode = "DEMO-D01",
                Name = "Demo Vale District Council (DEMO)",
                Open311 = new Open311Target
                {
                    Name = "demovale",
                    BaseAddress = baseAddress,
                    ServiceCode = serviceCode,
                    Attributes = serviceCode == "SPEED" ? new Dictionary<string, string> { ["dealtWithBy"] = "road_type" } : new Dictionary<string, string>(),
                    AttributeValues = new Dictionary<string, IReadOnlyDictionary<string, string>> { ["road_type"] = new Dictionary<string, string> { ["district"] = "main" } },
                },
            },
        ]));
        services.AddOpen311Delivery(configuration);
        return services.BuildServiceProvider();
    }

    private static DeliveryRequest Delivery(string? token = null) => new(
        Guid.NewGuid(),
        "SR-2026-000124",
        DeliveryKind.ToResponsibleBody,
        "demovale",
        new ReportSubmission
        {
            SubmissionId = Guid.NewGuid(),
            Location = new ResolvedLocation { Description = "DM2 3CC", Latitude = 51.752, Longitude = -1.2577, DistrictCode = "DEMO-D01", DistrictName = "Demo Vale" },
            RoutingAnswers = new Dictionary<string, string>(),
            DealtWithBy = ResponsibleBody.District,
            RuleIndex = 0,
            RuleExplanation = "Not in a parish.",
            Recipient = new ContactDetails { Name = "Demo Vale District Council (DEMO)", Source = ContactSource.Directory, Open311Endpoint = "demovale" },
            Road = "High Street",
            WhatSeen = "Cars at 50 in the 30 zone.",
            ReporterName = "Pat Resident",
            ReporterEmail = "pat@example.com",
        },
        DateTimeOffset.UtcNow,
        token);

    [Fact]
    public async Task A_429_is_transient_and_waits_the_retry_after_the_server_asked_for()
    {
        await using var server = await GeoReportServer.StartAsync(GeoReportServer.SampleServices(), Ct);
        server.RetryAfterNext(1, "600", description: "Rate limit exceeded");
        await using var provider = Provider(server.BaseAddress);

        var outcome = await provider.GetServices<IDeliveryChannel>().Single().DeliverAsync(Delivery(), Ct);

        Assert.Equal(DeliveryOutcomeKind.Transient, outcome.Kind);
        Assert.Equal(TimeSpan.FromMinutes(10), outcome.RetryAfter);
        Assert.Contains("HTTP 429", outcome.Detail, StringComparison.Ordinal);
        Assert.Contains("Rate limit exceeded", outcome.Detail, StringComparison.Ordinal);
        Assert.Single(server.Calls);
        Assert.Empty(server.Requests);

        // The worker's backoff never schedules it sooner than the server asked.
        var options = new DeliveryOptions();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.True(DeliveryBackoff.Next(attempt, outcome.RetryAfter, options) >= TimeSpan.FromMinutes(10));
        }
    }

    [Theory]
    [InlineData("Fri, 31 Dec 9999 23:59:59 GMT")]
    [InlineData("2000000000")]
    public async Task A_retry_after_far_ahead_is_held_to_an_hour(string header)
    {
        await using var server = await GeoReportServer.StartAsync(GeoReportServer.SampleServices(), Ct);
        server.RetryAfterNext(1, header, status: 503, description: "Maintenance");
        await using var provider = Provider(server.BaseAddress);

        var outcome = await provider.GetServices<IDeliveryChannel>().Single().DeliverAsync(Delivery(), Ct);

        Assert.Equal(DeliveryOutcomeKind.Transient, outcome.Kind);
        Assert.Equal(Open311DeliveryChannel.MaxRetryAfter, outcome.RetryAfter);
        Assert.Contains("Maintenance", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_retry_after_is_no_crash_the_client_retries_with_its_own_backoff()
    {
        await using var server = await GeoReportServer.StartAsync(GeoReportServer.SampleServices(), Ct);
        server.RetryAfterNext(1, "in a little while");
        await using var provider = Provider(server.BaseAddress);

        var outcome = await provider.GetServices<IDeliveryChannel>().Single().DeliverAsync(Delivery(), Ct);

        // A 429 means the server did not act, so the resilience handler sent it again (its own delay) and it went in.
        Assert.Equal(DeliveryOutcomeKind.Delivered, outcome.Kind);
        Assert.Equal(server.Requests.Single().Id, outcome.RemoteId);
        Assert.Equal(2, server.Calls.Count(c => c.Method == "POST"));
    }

    [Fact]
    public void Retry_after_is_bounded_between_zero_and_an_hour()
    {
        Assert.Null(Open311DeliveryChannel.BoundRetryAfter(null));
        Assert.Equal(TimeSpan.Zero, Open311DeliveryChannel.BoundRetryAfter(TimeSpan.FromSeconds(-3)));
        Assert.Equal(TimeSpan.FromSeconds(90), Open311DeliveryChannel.BoundRetryAfter(TimeSpan.FromSeconds(90)));
        Assert.Equal(TimeSpan.FromHours(1), Open311DeliveryChannel.BoundRetryAfter(TimeSpan.MaxValue));
    }

    [Fact]
    public async Task A_token_the_server_answers_404_for_is_not_yet_and_then_resolves()
    {
        await using var server = await GeoReportServer.StartAsync(GeoReportServer.SampleServices(), Ct);
        await using var provider = Provider(server.BaseAddress, serviceCode: "POTHOLE");
        var channel = provider.GetServices<IDeliveryChannel>().Single();
        var submitted = await channel.DeliverAsync(Delivery(), Ct);
        Assert.Equal(DeliveryOutcomeKind.AwaitingId, submitted.Kind);
        var token = submitted.RemoteId!;

        // As open311-adapter does until the case system has made the case.
        server.FailNext(1, 404, $"token '{token}' not found");
        var notYet = await channel.DeliverAsync(Delivery(token), Ct);
        Assert.Equal(DeliveryOutcomeKind.AwaitingId, notYet.Kind);
        Assert.Equal(token, notYet.RemoteId);
        Assert.Contains("HTTP 404", notYet.Detail, StringComparison.Ordinal);
        Assert.Contains("later", notYet.Detail, StringComparison.Ordinal);

        var resolved = await channel.DeliverAsync(Delivery(token), Ct);
        Assert.Equal(DeliveryOutcomeKind.Delivered, resolved.Kind);
        Assert.Equal(server.Requests.Single().Id, resolved.RemoteId);
        Assert.Single(server.Calls, c => c.Method == "POST");
        Assert.Equal(2, server.Calls.Count(c => c.PathAndQuery.StartsWith("/open311/v2/tokens/", StringComparison.Ordinal)));
    }
}
