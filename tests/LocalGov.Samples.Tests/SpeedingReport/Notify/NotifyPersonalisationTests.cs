using System.Text.RegularExpressions;
using SpeedingReport.Contacts;
using SpeedingReport.Delivery;
using SpeedingReport.Delivery.Notify;
using SpeedingReport.Location;
using SpeedingReport.Reports;
using SpeedingReport.Routing;

namespace LocalGov.Samples.Tests.SpeedingReport.Notify;

/// <summary>The personalisation a council builds its Notify templates from: what the README documents is what is sent.</summary>
public sealed partial class NotifyPersonalisationTests
{
    private static readonly RoutingConfiguration Routing =
        RoutingConfiguration.Load(Path.Combine(LocalGov.Testing.RepositoryPaths.Root, "samples/SpeedingReport/Data/routing.json"));

    [Fact]
    public void The_readme_documents_every_field_sent_in_order_and_no_other()
    {
        var readme = File.ReadAllText(Path.Combine(LocalGov.Testing.RepositoryPaths.Root, "samples/SpeedingReport/README.md"));
        var table = readme[readme.IndexOf("| Placeholder | Value |", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n\n", StringComparison.Ordinal)];

        var documented = TableRowPlaceholder().Matches(table).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(NotifyPersonalisation.Fields, documented);
        Assert.Equal(NotifyPersonalisation.Fields, NotifyPersonalisation.For(Request(parish: true), Routing, "Demo Vale District Council (DEMO)").Keys);
    }

    [Fact]
    public void The_example_templates_in_the_readme_use_only_fields_that_are_sent()
    {
        var readme = File.ReadAllText(Path.Combine(LocalGov.Testing.RepositoryPaths.Root, "samples/SpeedingReport/README.md"));

        var section = readme[readme.IndexOf("For example, the report template", StringComparison.Ordinal)..readme.IndexOf("Each email's Notify `reference`", StringComparison.Ordinal)];

        var used = AnyPlaceholder().Matches(section).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.Contains("what_seen", used);
        Assert.All(used, name => Assert.Contains(name, NotifyPersonalisation.Fields));
    }

    [Fact]
    public void A_district_report_with_every_optional_answer_given()
    {
        var fields = NotifyPersonalisation.For(Request(parish: false), Routing, "Demo Vale District Council (DEMO)");

        Assert.Equal("Demo Vale District Council (DEMO)", (string)fields["dealt_with_by"]);
        Assert.Equal("Demo Vale District Council road safety team (DEMO)", (string)fields["recipient_name"]);
        Assert.Equal("Not in a parish", (string)fields["parish"]);
        Assert.Equal("Demo Vale", (string)fields["district"]);
        Assert.Equal("51.92, -1", (string)fields["location"]);
        Assert.Equal("51.92", (string)fields["latitude"]);
        Assert.Equal("-1", (string)fields["longitude"]);
        Assert.Equal("Outside the primary school", (string)fields["place"]);
        Assert.Equal("01632 960 123", (string)fields["reporter_phone"]);
        Assert.Equal("Saturday, Sunday", (string)fields["days"]);
        Assert.Equal("Night", (string)fields["times"]);
        Assert.Equal("Line one\nLine two", (string)fields["what_seen"]);
        // No question was asked (outside every parish), so the answers say so rather than leaving a blank.
        Assert.Equal("Not given", (string)fields["answers"]);
        // Summer time: received_at is UK time, not UTC.
        Assert.Equal("1 July 2026 at 9:30am", (string)fields["received_at"]);
        Assert.All(fields.Values, v => Assert.False(string.IsNullOrWhiteSpace((string)v)));
    }

    private static DeliveryRequest Request(bool parish) => new(
        Guid.NewGuid(),
        "SR-7KQ4-MXP9",
        DeliveryKind.ToResponsibleBody,
        "roadsafety@demovale.demo.invalid",
        new ReportSubmission
        {
            SubmissionId = Guid.NewGuid(),
            Location = parish
                ? new ResolvedLocation { Description = "DM1 1AA", Latitude = 51.975, Longitude = -1.05, ParishCode = "DEMO-P01", ParishName = "Ashcombe", DistrictCode = "DEMO-D01", DistrictName = "Demo Vale" }
                : new ResolvedLocation { Description = "51.92, -1", Latitude = 51.92, Longitude = -1.0, DistrictCode = "DEMO-D01", DistrictName = "Demo Vale" },
            RoutingAnswers = parish ? new Dictionary<string, string> { ["speed-limit"] = "30-or-less" } : new Dictionary<string, string>(),
            DealtWithBy = parish ? ResponsibleBody.Parish : ResponsibleBody.District,
            RuleIndex = 0,
            RuleExplanation = "This location is not in a parish.",
            Recipient = new ContactDetails { Name = parish ? "Ashcombe Parish Council (DEMO)" : "Demo Vale District Council road safety team (DEMO)", Email = "roadsafety@demovale.demo.invalid", Source = ContactSource.Directory },
            Road = "Long Road",
            PlaceDescription = "Outside the primary school",
            Days = ["saturday", "sunday"],
            Times = ["night"],
            WhatSeen = "Line one\nLine two",
            ReporterName = "Sam Example",
            ReporterEmail = "sam@example.demo.invalid",
            ReporterPhone = "01632 960 123",
        },
        new DateTimeOffset(2026, 7, 1, 8, 30, 0, TimeSpan.Zero),
        null);

    [GeneratedRegex(@"`\(\(([a-z_]+)\)\)`")]
    private static partial Regex TableRowPlaceholder();

    [GeneratedRegex(@"\(\(([a-z_]+)\)\)")]
    private static partial Regex AnyPlaceholder();
}
