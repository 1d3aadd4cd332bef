using System.Text;
using SpeedingReport.Configuration;
using SpeedingReport.Routing;

namespace LocalGov.Samples.Tests.SpeedingReport;

/// <summary>Routing is data: the app follows whatever questions and rules the council's file holds, and refuses an inconsistent file.</summary>
public sealed class RoutingTests
{
    private const string SchoolRouting = """
        // A council that only asks one question.
        {
          "questions": [
            {
              "id": "school",
              "text": "Is the speeding near a school?",
              "errorMessage": "Select whether the speeding is near a school",
              "options": [ { "value": "yes", "text": "Yes" }, { "value": "no", "text": "No" } ]
            }
          ],
          "rules": [
            { "when": { "school": "yes" }, "inParish": true, "dealtWithBy": "parish", "explanation": "Parishes run school-gate speed checks." },
            { "dealtWithBy": "district", "explanation": "Everything else goes to the district.", },
          ],
        }
        """;

    [Fact]
    public async Task The_app_asks_the_questions_of_the_configured_file_and_follows_its_rules()
    {
        var path = Path.Combine(Path.GetTempPath(), $"routing-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, SchoolRouting, TestContext.Current.CancellationToken);
        try
        {
            await using var factory = new ConfiguredFactory(new Dictionary<string, string?> { ["SpeedingReport:RoutingFile"] = path });

            using var parish = factory.CreateJourney();
            Assert.Equal("/question/school", await parish.SubmitExpectingRedirectAsync("/where", ("postcode", "DM1 1AA")));
            var question = await parish.GetAsync("/question/school");
            Assert.Equal("Is the speeding near a school?", question.H1);
            var error = await parish.SubmitAsync("/question/school");
            Assert.Equal([("#answer", "Select whether the speeding is near a school")], error.SummaryErrors);
            Assert.Equal("/road", await parish.SubmitExpectingRedirectAsync("/question/school", ("answer", "yes")));
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await parish.GetAsync("/question/speed-limit")).Status);
            var result = await parish.FinishAsync();
            Assert.Contains("Your report will be sent to Ashcombe", result.Text, StringComparison.Ordinal);
            Assert.Contains("Parishes run school-gate speed checks.", result.Text, StringComparison.Ordinal);

            using var district = factory.CreateJourney();
            await district.SubmitExpectingRedirectAsync("/where", ("postcode", "DM1 1AA"));
            await district.SubmitExpectingRedirectAsync("/question/school", ("answer", "no"));
            Assert.Contains("Everything else goes to the district.", (await district.FinishAsync()).Text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_answer_the_routing_file_no_longer_offers_is_asked_again()
    {
        // The council renamed an option while a resident's report was in progress.
        var routing = Parse(SchoolRouting.Replace("\"value\": \"yes\"", "\"value\": \"yes-school\"", StringComparison.Ordinal).Replace("\"school\": \"yes\"", "\"school\": \"yes-school\"", StringComparison.Ordinal));
        var state = new global::SpeedingReport.Journey.ReportState
        {
            Location = new global::SpeedingReport.Location.ResolvedLocation { Description = "DM1 1AA", Latitude = 51.975, Longitude = -1.05, ParishCode = "DEMO-P01", ParishName = "Ashcombe", DistrictCode = "DEMO-D01", DistrictName = "Demo Vale" },
            Answers = new(StringComparer.Ordinal) { ["school"] = "yes" },
        };

        Assert.Equal("/question/school", NextStepProbe.For(state, routing));

        state.Answers["school"] = "yes-school";
        Assert.Equal("/road", NextStepProbe.For(state, routing));
    }

    [Fact]
    public void The_shipped_default_decides_every_combination_of_answers()
    {
        var routing = RoutingConfiguration.Load(Path.Combine(LocalGov.Testing.RepositoryPaths.Root, "samples/SpeedingReport/Data/routing.json"));
        Assert.Equal(["speed-limit", "extent", "speedwatch"], routing.Questions.Select(q => q.Id));

        var parishCount = 0;
        foreach (var speed in routing.Questions[0].Options)
        {
            foreach (var extent in routing.Questions[1].Options)
            {
                foreach (var watch in routing.Questions[2].Options)
                {
                    var answers = new Dictionary<string, string> { ["speed-limit"] = speed.Value, ["extent"] = extent.Value, ["speedwatch"] = watch.Value };
                    Assert.Equal(ResponsibleBody.District, routing.Decide(answers, inParish: false).DealtWithBy);
                    if (routing.Decide(answers, inParish: true).DealtWithBy == ResponsibleBody.Parish)
                    {
                        parishCount++;
                    }
                }
            }
        }

        Assert.Equal(1, parishCount);
    }

    [Fact]
    public void A_missing_answer_is_refused()
    {
        var routing = Parse(SchoolRouting);

        Assert.Throws<ArgumentException>(() => routing.Decide(new Dictionary<string, string>(), inParish: true));
    }

    [Theory]
    [InlineData("""{ "questions": [], "rules": [] }""", "'questions' is empty")]
    [InlineData("""{ "questions": [ { "id": "Bad Id", "text": "Q?", "errorMessage": "E", "options": [ { "value": "a", "text": "A" }, { "value": "b", "text": "B" } ] } ] }""", "id 'Bad Id' must be lower-case")]
    [InlineData("""{ "questions": [ { "id": "q", "text": "Q?", "errorMessage": "E", "options": [ { "value": "a", "text": "A" } ] } ] }""", "needs at least two options")]
    [InlineData("""{ "questions": [ { "id": "q", "text": "Q?", "errorMessage": "E", "options": [ { "value": "a", "text": "A" }, { "value": "a", "text": "B" } ] } ] }""", "a 'value' no other option")]
    [InlineData("""{ "questions": [ { "id": "q", "text": "Q?", "options": [ { "value": "a", "text": "A" }, { "value": "b", "text": "B" } ] } ] }""", "needs 'text' and 'errorMessage'")]
    [InlineData("""{ "questions": [ QUESTION, QUESTION ] }""", "is used by two questions")]
    [InlineData("""{ "questions": [ QUESTION ], "rules": [ { "when": { "nope": "a" }, "dealtWithBy": "district", "explanation": "x" } ] }""", "'when' names 'nope', which is not a question")]
    [InlineData("""{ "questions": [ QUESTION ], "rules": [ { "when": { "q": "c" }, "dealtWithBy": "district", "explanation": "x" } ] }""", "accepts 'c', which is not an option")]
    [InlineData("""{ "questions": [ QUESTION ], "rules": [ { "when": { "q": [] }, "dealtWithBy": "district", "explanation": "x" } ] }""", "lists no values")]
    [InlineData("""{ "questions": [ QUESTION ], "rules": [ { "when": { "q": 1 }, "dealtWithBy": "district", "explanation": "x" } ] }""", "must be an option value or a list of them")]
    [InlineData("""{ "questions": [ QUESTION ], "rules": [ { "dealtWithBy": "parish", "explanation": "x" } ] }""", "must say \"inParish\": true")]
    [InlineData("""{ "questions": [ QUESTION ], "rules": [ { "dealtWithBy": "district" } ] }""", "'explanation' is required")]
    [InlineData("""{ "questions": [ QUESTION ], "rules": [ { "dealtWithBy": "police", "explanation": "x" } ] }""", "not a valid routing file")]
    [InlineData("""{ "questions": [ QUESTION ], "rules": [ { "when": { "q": "a" }, "dealtWithBy": "district", "explanation": "x" } ] }""", "no rule without 'when' conditions catches the remaining answers for a location in a parish")]
    [InlineData("""{ "questions": [ QUESTION ], "rules": [ { "inParish": true, "dealtWithBy": "parish", "explanation": "x" } ] }""", "for a location outside a parish")]
    [InlineData("""{ "questions": [ QUESTION ], "rulez": [] }""", "not a valid routing file")]
    [InlineData("""{ "questions": [ QUESTION ] """, "not a valid routing file")]
    [InlineData("null", "the routing file is empty")]
    public void An_inconsistent_file_is_refused_with_the_problem(string json, string problem)
    {
        json = json.Replace("QUESTION", """{ "id": "q", "text": "Q?", "errorMessage": "E", "options": [ { "value": "a", "text": "A" }, { "value": "b", "text": "B" } ] }""", StringComparison.Ordinal);

        var ex = Assert.Throws<SpeedingReportConfigurationException>(() => Parse(json));

        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("test-routing.json", ex.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void A_syntax_error_names_the_line()
    {
        var ex = Assert.Throws<SpeedingReportConfigurationException>(() => Parse("{\n  \"questions\": [\n    oops\n  ]\n}"));

        Assert.Equal("test-routing.json (line 3)", ex.Location);
    }

    [Fact]
    public async Task The_app_does_not_start_on_a_missing_routing_file()
    {
        await using var factory = new ConfiguredFactory(new Dictionary<string, string?> { ["SpeedingReport:RoutingFile"] = "/nowhere/routing.json" });

        var ex = Assert.Throws<SpeedingReportConfigurationException>(() => factory.CreateClient());

        Assert.Equal("/nowhere/routing.json", ex.Location);
        Assert.Contains("the routing file does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_does_not_start_without_a_contact_for_each_district()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"contacts-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(directory, """{ "contacts": [] }""", TestContext.Current.CancellationToken);
        try
        {
            await using var factory = new ConfiguredFactory(new Dictionary<string, string?> { ["SpeedingReport:ContactDirectory"] = directory });

            var ex = Assert.Throws<SpeedingReportConfigurationException>(() => factory.CreateClient());

            Assert.Contains("no contact for the district Demo Vale (DEMO-D01)", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(directory);
        }
    }

    private static RoutingConfiguration Parse(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return RoutingConfiguration.Parse(stream, "test-routing.json");
    }
}

/// <summary>Reaches the journey's protected next-step rule.</summary>
internal sealed class NextStepProbe : global::SpeedingReport.Pages.JourneyPageModel
{
    public static string For(global::SpeedingReport.Journey.ReportState state, RoutingConfiguration routing) => NextStep(state, routing);
}
