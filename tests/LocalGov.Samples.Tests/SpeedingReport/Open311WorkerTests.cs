using System.Text.Json.Nodes;
using LocalGov.Testing.Open311;
using Microsoft.EntityFrameworkCore;
using SpeedingReport.Delivery;
using SpeedingReport.Storage;

namespace LocalGov.Samples.Tests.SpeedingReport;

/// <summary>
/// The whole path: a resident's report for a district whose directory entry names an Open311 endpoint is stored with an
/// <c>open311</c> delivery, and the app's own delivery worker sends it to a loopback GeoReport v2 server.
/// </summary>
public sealed class Open311WorkerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The demo directory with the district team taking reports by Open311 at <paramref name="server"/>.</summary>
    private static async Task<string> DirectoryAsync(GeoReportServer server, JsonObject attributes, bool checkAttributes)
    {
        var document = JsonNode.Parse(await File.ReadAllTextAsync(FindDemoContacts(), Ct), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
        var district = document["contacts"]!.AsArray().Single(c => (string?)c!["areaCode"] == "DEMO-D01")!;
        district["open311"] = new JsonObject
        {
            ["name"] = "demovale-crm",
            ["baseAddress"] = server.BaseAddress.AbsoluteUri,
            ["serviceCode"] = "SPEED",
            ["checkAttributes"] = checkAttributes,
            ["attributes"] = attributes,
            ["attributeValues"] = new JsonObject
            {
                ["road_type"] = new JsonObject { ["district"] = "main" },
                ["days"] = new JsonObject { ["monday"] = "mon", ["friday"] = "fri" },
            },
        };
        var path = Path.Combine(Path.GetTempPath(), $"contacts-open311-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, document.ToJsonString(), Ct);
        return path;
    }

    private static string FindDemoContacts()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "samples", "SpeedingReport", "Data", "demo", "contacts.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("samples/SpeedingReport/Data/demo/contacts.json not found above the test folder.");
    }

    private static Open311Factory Factory(string directory) => new(new Dictionary<string, string?>
    {
        ["SpeedingReport:ContactDirectory"] = directory,
        ["SpeedingReport:Open311:demovale-crm:ApiKey"] = "test-key",
        ["SpeedingReport:Delivery:PollInterval"] = "00:00:00.200",
    });

    /// <summary>A report from outside every parish (the district deals with it), sent; returns its reference.</summary>
    private static async Task<string> ReportAsync(SpeedingReportFactory factory)
    {
        using var journey = factory.CreateJourney();
        await journey.AnswerAllAsync("DM2 3CC", "over-30", "route", "no");
        await journey.FinishAsync(road: "High Street", place: "By the school", whatSeen: "Cars at 50 in the 30 zone at school time.");
        return JourneyClient.ReferenceOn(await journey.SendAsync());
    }

    /// <summary>Waits for the worker to finish the report's delivery to the body (delivered or failed).</summary>
    private static async Task<DeliveryRecord> WorkedAsync(SpeedingReportFactory factory, string reference)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            await using (var db = await factory.StoreAsync())
            {
                var delivery = await db.Deliveries.AsNoTracking().Include(d => d.Attempts)
                    .SingleAsync(d => d.Report!.Reference == reference && d.Kind == DeliveryKind.ToResponsibleBody, Ct);
                if (delivery.Status is DeliveryStatus.Delivered or DeliveryStatus.Failed || DateTime.UtcNow > until)
                {
                    return delivery;
                }
            }

            await Task.Delay(100, Ct);
        }
    }

    [Fact]
    public async Task A_report_to_an_open311_body_reaches_the_case_system_with_its_attributes_and_the_id_is_stored()
    {
        await using var server = await GeoReportServer.StartAsync(GeoReportServer.SampleServices(), Ct);
        var directory = await DirectoryAsync(server, new JsonObject { ["dealtWithBy"] = "road_type", ["days"] = "days", ["road"] = "road_name" }, checkAttributes: true);
        try
        {
            await using var factory = Factory(directory);
            var reference = await ReportAsync(factory);

            var delivery = await WorkedAsync(factory, reference);

            Assert.Equal((DeliveryStatus.Delivered, "open311", "demovale-crm"), (delivery.Status, delivery.Channel, delivery.RecipientAddress));
            var made = Assert.Single(server.Requests);
            Assert.Equal(made.Id, delivery.RemoteId);
            Assert.Equal(made.Id, Assert.Single(delivery.Attempts).RemoteId);
            Assert.Equal("SPEED", made.ServiceCode);
            Assert.Equal("main", made.Attributes["road_type"].Single());
            Assert.Equal(["mon", "fri"], made.Attributes["days"]);
            Assert.Equal("High Street", made.Attributes["road_name"].Single());
            Assert.Equal("test-key", made.Field("api_key"));
            Assert.Equal("pat@example.com", made.Field("email"));
            Assert.Contains($"Reference: {reference}", made.Field("description"), StringComparison.Ordinal);

            // The definition was read for the check, then one POST: nothing filed twice.
            Assert.Single(server.Calls, c => c.Method == "POST");
            Assert.Contains(server.Calls, c => c.PathAndQuery.StartsWith("/open311/v2/services/SPEED.json", StringComparison.Ordinal));

            // The resident's confirmation still goes by the demo outbox, not to the case system.
            await using var db = await factory.StoreAsync();
            var confirmation = await db.Deliveries.AsNoTracking().SingleAsync(d => d.Report!.Reference == reference && d.Kind == DeliveryKind.ConfirmationToResident, Ct);
            Assert.Equal(("email", "pat@example.com"), (confirmation.Channel, confirmation.RecipientAddress));
        }
        finally
        {
            File.Delete(directory);
        }
    }

    [Fact]
    public async Task A_400_from_the_server_is_a_failed_delivery_with_the_servers_description()
    {
        await using var server = await GeoReportServer.StartAsync(GeoReportServer.SampleServices(), Ct);

        // The road name sent as the list attribute: the server refuses it (no definition check to catch it first).
        var directory = await DirectoryAsync(server, new JsonObject { ["road"] = "road_type" }, checkAttributes: false);
        try
        {
            await using var factory = Factory(directory);
            var reference = await ReportAsync(factory);

            var delivery = await WorkedAsync(factory, reference);

            Assert.Equal(DeliveryStatus.Failed, delivery.Status);
            Assert.Contains("HTTP 400", delivery.LastError, StringComparison.Ordinal);
            Assert.Contains("Attribute road_type: 'High Street' is not a valid value", delivery.LastError, StringComparison.Ordinal);
            Assert.Null(delivery.RemoteId);
            Assert.Equal(DeliveryOutcomeKind.Permanent, Assert.Single(delivery.Attempts).Outcome);
            Assert.Single(server.Calls, c => c.Method == "POST");
            Assert.Empty(server.Requests);
        }
        finally
        {
            File.Delete(directory);
        }
    }

    private sealed class Open311Factory(IReadOnlyDictionary<string, string?> settings) : SpeedingReportFactory(settings);
}
