using System.Net;
using System.Text;
using SpeedingReport.Routing;

namespace LocalGov.Samples.Tests.SpeedingReport;

/// <summary>A routing question is asked only when its answer can still change who deals with the report.</summary>
public sealed class QuestionSkippingTests(SpeedingReportFactory factory) : IClassFixture<SpeedingReportFactory>
{
    private static readonly RoutingConfiguration Shipped =
        RoutingConfiguration.Load(Path.Combine(LocalGov.Testing.RepositoryPaths.Root, "samples/SpeedingReport/Data/routing.json"));

    [Fact]
    public void Outside_every_parish_the_shipped_rules_ask_nothing()
    {
        var progress = Shipped.Progress(new Dictionary<string, string>(), inParish: false);

        Assert.True(progress.IsComplete);
        Assert.Equal(["speed-limit", "extent", "speedwatch"], progress.Skipped.Select(q => q.Id));
        Assert.Empty(progress.Answered);
        Assert.Equal(0, progress.RuleIndex);
        Assert.Equal(ResponsibleBody.District, progress.Rule!.DealtWithBy);
    }

    [Theory]
    [InlineData("over-30", null, null, new[] { "speed-limit" }, ResponsibleBody.District, 2)]
    [InlineData("not-sure", null, null, new[] { "speed-limit" }, ResponsibleBody.District, 2)]
    [InlineData("30-or-less", "route", null, new[] { "speed-limit", "extent" }, ResponsibleBody.District, 2)]
    [InlineData("30-or-less", "single", "no", new[] { "speed-limit", "extent", "speedwatch" }, ResponsibleBody.District, 2)]
    [InlineData("30-or-less", "single", "yes", new[] { "speed-limit", "extent", "speedwatch" }, ResponsibleBody.Parish, 1)]
    public void In_a_parish_each_shipped_question_is_asked_only_while_the_parish_is_still_possible(string speed, string? extent, string? watch, string[] asked, ResponsibleBody body, int rule)
    {
        var answers = new Dictionary<string, string> { ["speed-limit"] = speed };
        if (extent is not null)
        {
            answers["extent"] = extent;
        }

        if (watch is not null)
        {
            answers["speedwatch"] = watch;
        }

        var progress = Shipped.Progress(answers, inParish: true);

        Assert.True(progress.IsComplete);
        Assert.Equal(asked, progress.Answered.Select(a => a.Question.Id));
        Assert.Equal(body, progress.Rule!.DealtWithBy);
        Assert.Equal(rule, progress.RuleIndex);
        Assert.Equal(body, Shipped.Decide(answers, inParish: true).DealtWithBy);
    }

    [Fact]
    public void The_next_question_is_the_first_that_matters_and_has_no_answer()
    {
        Assert.Equal("speed-limit", Shipped.Progress(new Dictionary<string, string>(), inParish: true).Next!.Id);
        Assert.Equal("extent", Shipped.Progress(new Dictionary<string, string> { ["speed-limit"] = "30-or-less" }, inParish: true).Next!.Id);
        Assert.Equal("speedwatch", Shipped.Progress(new Dictionary<string, string> { ["speed-limit"] = "30-or-less", ["extent"] = "single" }, inParish: true).Next!.Id);
        Assert.Throws<ArgumentException>(() => Shipped.Decide(new Dictionary<string, string> { ["speed-limit"] = "30-or-less" }, inParish: true));
    }

    [Fact]
    public void Answers_left_from_before_a_change_to_questions_now_skipped_are_not_used()
    {
        // Answered all three, then changed the speed limit: extent and speedwatch can no longer change the outcome.
        var answers = new Dictionary<string, string> { ["speed-limit"] = "over-30", ["extent"] = "single", ["speedwatch"] = "yes" };

        var progress = Shipped.Progress(answers, inParish: true);

        Assert.Equal(["speed-limit"], progress.Answered.Select(a => a.Question.Id));
        Assert.Equal(new Dictionary<string, string> { ["speed-limit"] = "over-30" }, progress.Answers);
        Assert.True(progress.IsSkipped("speedwatch"));
    }

    [Fact]
    public void A_question_no_rule_names_is_never_asked_and_a_later_one_still_is()
    {
        var routing = Parse("""
            { "questions": [ Q(a), Q(b) ],
              "rules": [
                { "when": { "b": "yes" }, "inParish": true, "dealtWithBy": "parish", "explanation": "b" },
                { "dealtWithBy": "district", "explanation": "rest" } ] }
            """);

        var inParish = routing.Progress(new Dictionary<string, string>(), inParish: true);
        Assert.Equal("b", inParish.Next!.Id);
        Assert.Equal(["a"], inParish.Skipped.Select(q => q.Id));

        var outside = routing.Progress(new Dictionary<string, string>(), inParish: false);
        Assert.True(outside.IsComplete);
        Assert.Equal(["a", "b"], outside.Skipped.Select(q => q.Id));
    }

    [Fact]
    public void A_district_rule_that_goes_first_makes_its_question_matter_in_a_parish_only()
    {
        // "a" = yes sends it to the district before the parish rule is reached: in a parish that can change the outcome.
        var routing = Parse("""
            { "questions": [ Q(a), Q(b) ],
              "rules": [
                { "when": { "a": "yes" }, "dealtWithBy": "district", "explanation": "a" },
                { "when": { "b": "yes" }, "inParish": true, "dealtWithBy": "parish", "explanation": "b" },
                { "dealtWithBy": "district", "explanation": "rest" } ] }
            """);

        Assert.Equal("a", routing.Progress(new Dictionary<string, string>(), inParish: true).Next!.Id);
        var afterYes = routing.Progress(new Dictionary<string, string> { ["a"] = "yes" }, inParish: true);
        Assert.True(afterYes.IsComplete);
        Assert.Equal(0, afterYes.RuleIndex);
        Assert.Equal("b", routing.Progress(new Dictionary<string, string> { ["a"] = "no" }, inParish: true).Next!.Id);
        Assert.True(routing.Progress(new Dictionary<string, string>(), inParish: false).IsComplete);
    }

    [Fact]
    public void A_question_that_only_picks_between_two_district_rules_is_skipped_and_the_catch_all_explains()
    {
        var routing = Parse("""
            { "questions": [ Q(a) ],
              "rules": [
                { "when": { "a": "yes" }, "dealtWithBy": "district", "explanation": "because a" },
                { "dealtWithBy": "district", "explanation": "always the district" } ] }
            """);

        var progress = routing.Progress(new Dictionary<string, string>(), inParish: true);

        Assert.True(progress.IsComplete);
        Assert.Equal(["a"], progress.Skipped.Select(q => q.Id));
        Assert.Equal("always the district", progress.Rule!.Explanation);
        Assert.Equal(1, progress.RuleIndex);
    }

    [Fact]
    public void A_question_matters_when_it_matters_for_some_answer_to_a_later_question()
    {
        // Parish only when a = yes and b = yes: "a" must be asked, though a = yes alone decides nothing.
        var routing = Parse("""
            { "questions": [ Q(a), Q(b) ],
              "rules": [
                { "when": { "a": "yes", "b": "yes" }, "inParish": true, "dealtWithBy": "parish", "explanation": "both" },
                { "dealtWithBy": "district", "explanation": "rest" } ] }
            """);

        Assert.Equal("a", routing.Progress(new Dictionary<string, string>(), inParish: true).Next!.Id);
        Assert.Equal("b", routing.Progress(new Dictionary<string, string> { ["a"] = "yes" }, inParish: true).Next!.Id);
        var afterNo = routing.Progress(new Dictionary<string, string> { ["a"] = "no" }, inParish: true);
        Assert.True(afterNo.IsComplete);
        Assert.Equal(["b"], afterNo.Skipped.Select(q => q.Id));
    }

    [Fact]
    public async Task Outside_a_parish_the_journey_goes_from_the_location_to_the_report_pages()
    {
        using var journey = factory.CreateJourney();

        Assert.Equal("/road", await journey.SubmitExpectingRedirectAsync("/where", ("postcode", "DM2 3CC")));

        var road = await journey.GetAsync("/road");
        Assert.Contains("href=\"/where\" class=\"govuk-back-link\"", road.Html, StringComparison.Ordinal);
        Assert.Equal("/road", (await journey.GetAsync("/question/speedwatch")).Location);

        var check = await journey.FinishAsync();
        Assert.Equal("Check your answers before sending your report", check.H1);
        Assert.DoesNotContain("/question/", check.Html, StringComparison.Ordinal);
        Assert.Contains("Your report will be sent to Demo Vale District Council road safety team (DEMO)", check.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_parish_a_fast_road_skips_the_other_questions_and_check_shows_only_what_was_asked()
    {
        using var journey = factory.CreateJourney();

        var asked = await journey.AnswerAllAsync("DM1 1AA", "over-30", "single", "yes");

        Assert.Equal(["speed-limit"], asked);
        Assert.Contains("href=\"/question/speed-limit\" class=\"govuk-back-link\"", (await journey.GetAsync("/road")).Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await journey.GetAsync("/question/extent")).Status);
        var check = await journey.FinishAsync();
        Assert.Contains("href=\"/question/speed-limit?change=true\"", check.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("/question/extent", check.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Community Speedwatch</dt>", check.Html, StringComparison.Ordinal);
        Assert.Contains("Your report will be sent to Demo Vale District Council road safety team (DEMO)", check.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_that_makes_a_question_matter_again_asks_it()
    {
        using var journey = factory.CreateJourney();
        await journey.AnswerAllAsync("DM1 1AA", "over-30", "single", "yes");

        // Now 30 mph: where the speeding is matters again, so it is asked before the check page.
        Assert.Equal("/question/extent", await journey.SubmitExpectingRedirectAsync("/question/speed-limit?change=true", ("answer", "30-or-less")));
        var question = await journey.GetAsync("/question/extent");
        Assert.Contains("href=\"/question/speed-limit\" class=\"govuk-back-link\"", question.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_start_page_keeps_the_capitals_of_names_in_the_questions()
    {
        using var journey = factory.CreateJourney();

        var start = await journey.GetAsync("/");

        Assert.Contains("does the parish run a Community Speedwatch scheme", start.Text, StringComparison.Ordinal);
        Assert.Contains("depending on the place, some of these questions", start.Text, StringComparison.Ordinal);
    }

    private static RoutingConfiguration Parse(string json)
    {
        json = System.Text.RegularExpressions.Regex.Replace(json, @"Q\((\w+)\)", m =>
            $$"""{ "id": "{{m.Groups[1].Value}}", "text": "{{m.Groups[1].Value}}?", "errorMessage": "Answer {{m.Groups[1].Value}}", "options": [ { "value": "yes", "text": "Yes" }, { "value": "no", "text": "No" } ] }""");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return RoutingConfiguration.Parse(stream, "skipping-routing.json");
    }
}
