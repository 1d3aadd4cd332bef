using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SpeedingReport.Configuration;
using SpeedingReport.Contacts;
using SpeedingReport.Delivery;
using SpeedingReport.Delivery.Notify;
using SpeedingReport.Location;
using SpeedingReport.Reports;
using SpeedingReport.Routing;

namespace LocalGov.Samples.Tests.SpeedingReport.Notify;

/// <summary>NotifyEmailChannel with the real GovukNotify client against the Notify stand-in.</summary>
public sealed class NotifyEmailChannelTests
{
    private static readonly Guid ReportTemplate = Guid.Parse("0c5e8a5e-7a4e-4b43-9a5c-3e2d1f0a9b8c");
    private static readonly Guid ConfirmationTemplate = Guid.Parse("1d6f9b6f-8b5f-4c54-8b6d-4f3e2a1b0c9d");
    private static readonly RoutingConfiguration Routing =
        RoutingConfiguration.Load(Path.Combine(LocalGov.Testing.RepositoryPaths.Root, "samples/SpeedingReport/Data/routing.json"));

    [Fact]
    public async Task A_report_is_delivered_with_a_valid_token_the_template_and_every_personalisation_field()
    {
        await using var notify = await StartAsync();
        var channel = Channel(notify.BaseAddress);
        var request = Request(DeliveryKind.ToResponsibleBody, "clerk@ashcombe-pc.demo.invalid");

        var outcome = await channel.DeliverAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcomeKind.Delivered, outcome.Kind);
        var sent = Assert.Single(notify.Received);
        Assert.Equal(201, sent.AnsweredStatus);
        Assert.True(Guid.TryParse(outcome.RemoteId, out _));
        Assert.Equal(NotifyStandIn.ServiceId.ToString(), sent.Issuer);
        Assert.InRange(sent.IssuedAt!.Value, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 30, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
        Assert.StartsWith("NOTIFY-API-NET-CLIENT/", sent.UserAgent, StringComparison.Ordinal);
        Assert.Equal(ReportTemplate.ToString(), sent.TemplateId);
        Assert.Equal("clerk@ashcombe-pc.demo.invalid", sent.EmailAddress);
        Assert.Equal(request.DeliveryId.ToString(), sent.Reference);
        Assert.Equal(NotifyStandIn.ReplyToId.ToString(), sent.ReplyToId);
        var fields = sent.Personalisation;
        Assert.Equal(
            ["reference", "received_at", "recipient_name", "dealt_with_by", "reason", "location", "latitude", "longitude", "parish", "district", "road", "place", "days", "times", "what_seen", "answers", "reporter_name", "reporter_email", "reporter_phone"],
            fields.Keys);
        Assert.Equal("SR-7KQ4-MXP9", fields["reference"]);
        Assert.Equal("1 December 2026 at 6:05pm", fields["received_at"]);
        Assert.Equal("Ashcombe Parish Council (DEMO)", fields["recipient_name"]);
        Assert.Equal("Ashcombe parish council", fields["dealt_with_by"]);
        Assert.Equal("DM1 1AA", fields["location"]);
        Assert.Equal("51.975", fields["latitude"]);
        Assert.Equal("-1.05", fields["longitude"]);
        Assert.Equal("Ashcombe", fields["parish"]);
        Assert.Equal("Church Lane", fields["road"]);
        Assert.Equal("Not given", fields["place"]);
        Assert.Equal("Monday, Friday", fields["days"]);
        Assert.Equal("Morning, Evening", fields["times"]);
        Assert.Equal("Cars at 50 mph past the school gate.", fields["what_seen"]);
        Assert.Equal("Speed limit 30 mph or less: Yes, 30 mph or less\nWhere the speeding is: A single location\nCommunity Speedwatch: Yes", fields["answers"]);
        Assert.Equal("Not given", fields["reporter_phone"]);
        Assert.Equal("The parish council runs Community Speedwatch.", fields["reason"]);
        Assert.Equal("Demo Vale", fields["district"]);
        Assert.Equal("Pat Example", fields["reporter_name"]);
        Assert.Equal("pat@example.demo.invalid", fields["reporter_email"]);
    }

    [Fact]
    public async Task The_confirmation_goes_to_the_resident_with_its_own_template()
    {
        await using var notify = await StartAsync();

        var outcome = await Channel(notify.BaseAddress).DeliverAsync(Request(DeliveryKind.ConfirmationToResident, "pat@example.demo.invalid"), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcomeKind.Delivered, outcome.Kind);
        Assert.Equal(ConfirmationTemplate.ToString(), Assert.Single(notify.Received).TemplateId);
    }

    [Fact]
    public async Task A_server_error_is_transient()
    {
        await using var notify = await StartAsync();
        notify.ScriptError(500, "Exception", "Internal server error");

        var outcome = await Channel(notify.BaseAddress).DeliverAsync(Request(DeliveryKind.ToResponsibleBody, "clerk@ashcombe-pc.demo.invalid"), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcomeKind.Transient, outcome.Kind);
        Assert.Equal("GOV.UK Notify server error (500): Exception: Internal server error", outcome.Detail);
        Assert.Null(outcome.RetryAfter);
    }

    [Theory]
    [InlineData("RateLimitError", "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds")]
    [InlineData("TooManyRequestsError", "Exceeded send limits (250000) for today")]
    public async Task A_rate_limit_is_transient_with_the_delay_notify_asks_for(string error, string message)
    {
        await using var notify = await StartAsync();
        notify.ScriptError(429, error, message, retryAfter: TimeSpan.FromSeconds(60));

        var outcome = await Channel(notify.BaseAddress).DeliverAsync(Request(DeliveryKind.ToResponsibleBody, "clerk@ashcombe-pc.demo.invalid"), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcomeKind.Transient, outcome.Kind);
        Assert.Equal(TimeSpan.FromSeconds(60), outcome.RetryAfter);
        Assert.Equal($"GOV.UK Notify rate limit (429): {error}: {message}", outcome.Detail);
    }

    [Fact]
    public async Task An_invalid_address_is_permanent_with_notify_s_reason()
    {
        await using var notify = await StartAsync();

        var outcome = await Channel(notify.BaseAddress).DeliverAsync(Request(DeliveryKind.ToResponsibleBody, "clerk at ashcombe"), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcomeKind.Permanent, outcome.Kind);
        Assert.Equal("GOV.UK Notify refused the email (400): ValidationError: email_address Not a valid email address", outcome.Detail);
        Assert.Equal(400, Assert.Single(notify.Received).AnsweredStatus);
    }

    [Fact]
    public async Task A_template_needing_a_field_the_app_does_not_send_is_permanent()
    {
        await using var notify = await StartAsync();
        notify.AddTemplate(new NotifyTemplate(ReportTemplate, "Report ((reference))", "Vehicle: ((registration))"));

        var outcome = await Channel(notify.BaseAddress).DeliverAsync(Request(DeliveryKind.ToResponsibleBody, "clerk@ashcombe-pc.demo.invalid"), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcomeKind.Permanent, outcome.Kind);
        Assert.Contains("BadRequestError: Missing personalisation: registration", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_notify_does_not_accept_is_permanent()
    {
        await using var notify = await StartAsync();
        var wrongSecret = $"speedingreport_test-{NotifyStandIn.ServiceId}-{Guid.NewGuid()}";

        var outcome = await Channel(notify.BaseAddress, apiKey: wrongSecret).DeliverAsync(Request(DeliveryKind.ToResponsibleBody, "clerk@ashcombe-pc.demo.invalid"), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcomeKind.Permanent, outcome.Kind);
        Assert.Equal("GOV.UK Notify refused the API key (403): AuthError: Invalid token: signature, api token not found", outcome.Detail);
    }

    [Fact]
    public async Task The_stand_in_refuses_a_token_issued_more_than_30_seconds_from_its_clock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddSeconds(45));
        await using var notify = await StartAsync(clock);

        var outcome = await Channel(notify.BaseAddress).DeliverAsync(Request(DeliveryKind.ToResponsibleBody, "clerk@ashcombe-pc.demo.invalid"), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcomeKind.Permanent, outcome.Kind);
        Assert.Contains("Your system clock must be accurate to within 30 seconds", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_send_that_takes_longer_than_the_timeout_is_transient()
    {
        await using var notify = await StartAsync();
        notify.ScriptDelay(TimeSpan.FromSeconds(10));

        var outcome = await Channel(notify.BaseAddress, timeout: TimeSpan.FromMilliseconds(500)).DeliverAsync(Request(DeliveryKind.ToResponsibleBody, "clerk@ashcombe-pc.demo.invalid"), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcomeKind.Transient, outcome.Kind);
        Assert.Equal("GOV.UK Notify did not answer within 0.5 s", outcome.Detail);
    }

    [Fact]
    public async Task Notify_out_of_reach_is_transient()
    {
        // A port that was free a moment ago: nothing listens there.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var outcome = await Channel(new Uri($"http://127.0.0.1:{port}/")).DeliverAsync(Request(DeliveryKind.ToResponsibleBody, "clerk@ashcombe-pc.demo.invalid"), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcomeKind.Transient, outcome.Kind);
        Assert.StartsWith("GOV.UK Notify could not be reached", outcome.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "ApiKey must be a GOV.UK Notify API key")]
    [InlineData("speedingreport_test-not-a-key", "ApiKey must be a GOV.UK Notify API key")]
    public void Settings_are_checked(string apiKey, string problem)
    {
        var options = Options(new Uri("https://api.notifications.service.gov.uk/"), apiKey, TimeSpan.FromSeconds(30));

        Assert.Contains(problem, Validate(options), StringComparison.Ordinal);
        Assert.DoesNotContain(NotifyStandIn.Secret.ToString(), Validate(Options(new Uri("https://x.example/"), NotifyStandIn.ApiKey, TimeSpan.Zero)), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_template_and_reply_to_ids_are_refused()
    {
        var options = Options(new Uri("https://api.notifications.service.gov.uk/"), NotifyStandIn.ApiKey, TimeSpan.FromSeconds(30));
        Assert.Equal("", Validate(options));

        options.ReportTemplateId = "report";
        Assert.Contains("ReportTemplateId must be the id", Validate(options), StringComparison.Ordinal);
        options.ReportTemplateId = ReportTemplate.ToString();
        options.ConfirmationTemplateId = "";
        Assert.Contains("ConfirmationTemplateId must be the id", Validate(options), StringComparison.Ordinal);
        options.ConfirmationTemplateId = ConfirmationTemplate.ToString();
        options.ReplyToId = "reply";
        Assert.Contains("ReplyToId must be the id", Validate(options), StringComparison.Ordinal);
        options.ReplyToId = null;
        options.BaseUrl = new Uri("http://api.notifications.example/");
        Assert.Contains("BaseUrl must be an https URL", Validate(options), StringComparison.Ordinal);
    }

    private static string Validate(NotifyOptions options)
    {
        var services = new ServiceCollection();
        services.AddNotifyDelivery(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();
        var result = provider.GetServices<IValidateOptions<NotifyOptions>>().Select(v => v.Validate(null, options)).FirstOrDefault(r => r.Failed);
        return result?.FailureMessage ?? "";
    }

    private static async Task<NotifyStandIn> StartAsync(TimeProvider? clock = null)
    {
        var notify = await NotifyStandIn.StartAsync(clock);
        notify.AddTemplate(new NotifyTemplate(ReportTemplate, "Speeding report ((reference)): ((road))", "((what_seen))\n\n((answers))\n\nFrom ((reporter_name)), ((reporter_email)), ((reporter_phone))"));
        notify.AddTemplate(new NotifyTemplate(ConfirmationTemplate, "Your speeding report ((reference))", "Dear ((reporter_name)), ((dealt_with_by)) will deal with it."));
        return notify;
    }

    private static NotifyOptions Options(Uri baseUrl, string apiKey, TimeSpan timeout) => new()
    {
        ApiKey = apiKey,
        ReportTemplateId = ReportTemplate.ToString(),
        ConfirmationTemplateId = ConfirmationTemplate.ToString(),
        ReplyToId = NotifyStandIn.ReplyToId.ToString(),
        BaseUrl = baseUrl,
        Timeout = timeout,
    };

    private static NotifyEmailChannel Channel(Uri baseUrl, string? apiKey = null, TimeSpan? timeout = null)
    {
        // Without the app's DI, as a client must be usable: a handler factory and the settings.
        var services = new ServiceCollection();
        services.AddHttpClient(NotifyEmailChannel.HttpClientName);
        var provider = services.BuildServiceProvider();
        return new NotifyEmailChannel(
            provider.GetRequiredService<IHttpMessageHandlerFactory>(),
            Microsoft.Extensions.Options.Options.Create(Options(baseUrl, apiKey ?? NotifyStandIn.ApiKey, timeout ?? TimeSpan.FromSeconds(10))),
            Microsoft.Extensions.Options.Options.Create(new SpeedingReportOptions { CouncilName = "Demo Vale District Council (DEMO)" }),
            Routing,
            NullLogger<NotifyEmailChannel>.Instance);
    }

    private static DeliveryRequest Request(DeliveryKind kind, string address) => new(
        Guid.NewGuid(),
        "SR-7KQ4-MXP9",
        kind,
        address,
        new ReportSubmission
        {
            SubmissionId = Guid.NewGuid(),
            Location = new ResolvedLocation { Description = "DM1 1AA", Latitude = 51.975, Longitude = -1.05, ParishCode = "DEMO-P01", ParishName = "Ashcombe", DistrictCode = "DEMO-D01", DistrictName = "Demo Vale" },
            RoutingAnswers = new Dictionary<string, string> { ["speed-limit"] = "30-or-less", ["extent"] = "single", ["speedwatch"] = "yes" },
            DealtWithBy = ResponsibleBody.Parish,
            RuleIndex = 1,
            RuleExplanation = "The parish council runs Community Speedwatch.",
            Recipient = new ContactDetails { Name = "Ashcombe Parish Council (DEMO)", Email = "clerk@ashcombe-pc.demo.invalid", Source = ContactSource.ModernGov },
            Road = "Church Lane",
            Days = ["monday", "friday"],
            Times = ["morning", "evening"],
            WhatSeen = "Cars at 50 mph past the school gate.",
            ReporterName = "Pat Example",
            ReporterEmail = "pat@example.demo.invalid",
        },
        new DateTimeOffset(2026, 12, 1, 18, 5, 0, TimeSpan.Zero),
        null);
}
