using LocalGov.Testing;
using Microsoft.AspNetCore.Http;

namespace LocalGov.Samples.Tests.SpeedingReport;

/// <summary>The council's real Modern.Gov (here a loopback server) or only the directory as the source of clerk details.</summary>
public sealed class ContactSourceTests
{
    private const string ParishCouncilsXml = """
        <?xml version="1.0" encoding="utf-8"?>
        <parishcouncils>
          <parishcouncilscount> 1</parishcouncilscount>
          <parishcouncildetails>
            <name>BROOKFIELD P.C.</name>
            <clerk>
              <clerkname>Jo Loopback</clerkname>
              <clerkemail>clerk@brookfield.loopback.invalid</clerkemail>
              <clerkphone>01632 960999</clerkphone>
            </clerk>
          </parishcouncildetails>
        </parishcouncils>
        """;

    [Fact]
    public async Task Modern_gov_parish_councils_supply_the_clerk_matched_by_name()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = context.Request.Path.Value!.EndsWith("/mgWebService.asmx/GetParishCouncils", StringComparison.Ordinal) ? 200 : 404;
            context.Response.ContentType = "text/xml; charset=utf-8";
            await context.Response.WriteAsync(ParishCouncilsXml, context.RequestAborted);
        }, TestContext.Current.CancellationToken);
        await using var factory = new ConfiguredFactory(RealModernGov(server.BaseAddress));

        using var brookfield = factory.CreateJourney();
        await brookfield.AnswerAllAsync("DM1 2BB", "30-or-less", "single", "yes");
        var result = await brookfield.FinishAsync();

        Assert.Contains("Your report will be sent to BROOKFIELD P.C. (clerk@brookfield.loopback.invalid).", result.Text, StringComparison.Ordinal);
        Assert.Contains("The list of parish councils in the council's Modern.Gov committee system.", result.Text, StringComparison.Ordinal);
        Assert.Contains(server.Requests, r => r.StartsWith("/mgWebService.asmx/GetParishCouncils", StringComparison.Ordinal));

        // Ashcombe is not in this Modern.Gov: its directory entry is used, and the page says why.
        using var ashcombe = factory.CreateJourney();
        await ashcombe.AnswerAllAsync("DM1 1AA", "30-or-less", "single", "yes");
        var fallback = await ashcombe.FinishAsync();
        Assert.Contains("clerk@ashcombe-pc.demo.invalid", fallback.Text, StringComparison.Ordinal);
        Assert.Contains("The contact directory kept by Demo Vale District Council (DEMO). The council's Modern.Gov does not list this parish council.", fallback.Text, StringComparison.Ordinal);

        // The list is read once and cached.
        Assert.Single(server.Requests, r => r.StartsWith("/mgWebService.asmx/GetParishCouncils", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_modern_gov_falls_back_to_the_directory_and_says_so()
    {
        await using var server = await LoopbackServer.StartAsync(500, "<html><body>Server Error in '/' Application.</body></html>", "text/html", TestContext.Current.CancellationToken);
        await using var factory = new ConfiguredFactory(RealModernGov(server.BaseAddress));
        using var journey = factory.CreateJourney();
        await journey.AnswerAllAsync("DM1 2BB", "30-or-less", "single", "yes");

        var result = await journey.FinishAsync();

        Assert.Contains("Your report will be sent to Brookfield Parish Council (DEMO) (clerk@brookfield-pc.demo.invalid).", result.Text, StringComparison.Ordinal);
        Assert.Contains("The contact directory kept by Demo Vale District Council (DEMO). The council's Modern.Gov could not be reached.", result.Text, StringComparison.Ordinal);
        Assert.NotEmpty(server.Requests);
    }

    [Fact]
    public async Task Without_modern_gov_the_directory_is_the_only_source()
    {
        await using var factory = new ConfiguredFactory(new Dictionary<string, string?> { ["SpeedingReport:DemoModernGovParishCouncils"] = "" });
        using var journey = factory.CreateJourney();
        await journey.AnswerAllAsync("DM1 1AA", "30-or-less", "single", "yes");

        var result = await journey.FinishAsync();

        Assert.Contains("Your report will be sent to Ashcombe Parish Council (DEMO)", result.Text, StringComparison.Ordinal);
        Assert.Contains("Where these contact details come from: The contact directory kept by Demo Vale District Council (DEMO). ", System.Text.RegularExpressions.Regex.Replace(result.Text, "\\s+", " "), StringComparison.Ordinal);
        Assert.DoesNotContain("Modern.Gov", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parish_in_neither_source_sends_the_resident_to_the_district()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"contacts-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(directory, """{ "contacts": [ { "areaCode": "DEMO-D01", "name": "Road safety team", "email": "team@district.invalid" } ] }""", TestContext.Current.CancellationToken);
        try
        {
            await using var factory = new ConfiguredFactory(new Dictionary<string, string?>
            {
                ["SpeedingReport:DemoModernGovParishCouncils"] = "",
                ["SpeedingReport:ContactDirectory"] = directory,
            });
            using var journey = factory.CreateJourney();
            await journey.AnswerAllAsync("DM1 2BB", "30-or-less", "single", "yes");

            var result = await journey.FinishAsync();

            Assert.Contains("Your report will be sent to Road safety team (team@district.invalid).", result.Text, StringComparison.Ordinal);
            Assert.Contains("No contact details are held for Brookfield parish council, so the district's team passes the report on.", result.Text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(directory);
        }
    }

    private static Dictionary<string, string?> RealModernGov(Uri baseUrl) => new()
    {
        ["SpeedingReport:DemoModernGovParishCouncils"] = "",
        ["ModernGov:BaseUrl"] = baseUrl.ToString(),
        ["ModernGov:MaxRetryAttempts"] = "0",
    };
}

/// <summary>The demo app with some settings replaced.</summary>
public sealed class ConfiguredFactory(IReadOnlyDictionary<string, string?> settings) : SpeedingReportFactory(settings);
