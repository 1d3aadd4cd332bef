using System.Net;
using Microsoft.EntityFrameworkCore;
using SpeedingReport.Delivery;

namespace LocalGov.Samples.Tests.SpeedingReport;

/// <summary>Every route of the journey on the embedded demo configuration (Modern.Gov and postcodes.io answered in-process).</summary>
public sealed class JourneyTests(SpeedingReportFactory factory) : IClassFixture<SpeedingReportFactory>
{
    [Fact]
    public async Task Start_page_describes_the_service_marks_demo_data_and_starts_a_fresh_report()
    {
        using var journey = factory.CreateJourney();

        var start = await journey.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, start.Status);
        Assert.Equal("Report speeding traffic", start.H1);
        Assert.Equal("Report speeding traffic – Demo Vale District Council (DEMO)", start.Title);
        Assert.Contains("DEMO DATA", start.Text, StringComparison.Ordinal);
        Assert.Contains("is the speed limit on the road 30 mph or less", start.Text, StringComparison.Ordinal);
        Assert.Contains("href=\"/govuk/govuk-frontend.min.css\"", start.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/css/council.css\"", start.Html, StringComparison.Ordinal);
        Assert.Equal("/where", await journey.SubmitExpectingRedirectAsync("/"));
    }

    [Fact]
    public async Task Govuk_frontend_stylesheet_and_assets_are_served()
    {
        using var journey = factory.CreateJourney();

        var css = await journey.GetAsync("/govuk/govuk-frontend.min.css");
        Assert.Equal(HttpStatusCode.OK, css.Status);
        Assert.Contains(".govuk-error-summary", css.Html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await journey.GetAsync("/assets/images/govuk-crest.svg")).Status);

        // GDS Transport is for GOV.UK only: not shipped, and mapped to Arial by the council stylesheet.
        Assert.Equal(HttpStatusCode.NotFound, (await journey.GetAsync("/assets/fonts/bold-b542beb274-v2.woff2")).Status);
        var council = await journey.GetAsync("/css/council.css");
        Assert.Equal(HttpStatusCode.OK, council.Status);
        Assert.Contains("font-family: \"GDS Transport\"", council.Html, StringComparison.Ordinal);
        Assert.Contains("local(\"Arial\")", council.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parish_case_with_the_clerk_from_modern_gov()
    {
        using var journey = factory.CreateJourney();
        await journey.AnswerAllAsync("dm1 1aa", "30-or-less", "single", "yes");

        var check = await journey.FinishAsync();
        Assert.Equal("Check your answers before sending your report", check.H1);
        Assert.Contains("DM1 1AA", check.Text, StringComparison.Ordinal);
        Assert.Contains("Ashcombe parish, Demo Vale", check.Text, StringComparison.Ordinal);
        Assert.Contains("Yes, 30 mph or less", check.Text, StringComparison.Ordinal);
        Assert.Contains("A single location", check.Text, StringComparison.Ordinal);
        Assert.Contains("href=\"/question/speedwatch?change=true\"", check.Html, StringComparison.Ordinal);

        Assert.Contains("Your report will be sent to Ashcombe", check.Text, StringComparison.Ordinal);
        Assert.Contains("The list of parish councils in the council's Modern.Gov committee system.", check.Text, StringComparison.Ordinal);

        var confirmation = await journey.SendAsync();
        var reference = JourneyClient.ReferenceOn(confirmation);
        await using var db = await factory.StoreAsync();
        var report = db.Reports.Include(r => r.Deliveries).Single(r => r.Reference == reference);
        Assert.Equal("parish", report.DealtWithBy);
        Assert.Contains(report.Deliveries, d => d.Kind == DeliveryKind.ToResponsibleBody && d.RecipientAddress == "clerk@ashcombe-pc.demo.invalid");
        Assert.Contains("Alex Example (DEMO)", report.SubmissionJson, StringComparison.Ordinal);
        Assert.Contains("01632 960001", report.SubmissionJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parish_case_with_the_clerk_from_the_directory_when_modern_gov_does_not_list_the_parish()
    {
        using var journey = factory.CreateJourney();
        await journey.AnswerAllAsync("DM1 2BB", "30-or-less", "single", "yes");

        var check = await journey.FinishAsync();

        Assert.Contains("Your report will be sent to Brookfield Parish Council (DEMO) (clerk@brookfield-pc.demo.invalid).", check.Text, StringComparison.Ordinal);
        Assert.Contains("The contact directory kept by Demo Vale District Council (DEMO). The council's Modern.Gov does not list this parish council.", check.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("over-30", "single", "yes")]
    [InlineData("not-sure", "single", "yes")]
    [InlineData("30-or-less", "route", "yes")]
    [InlineData("30-or-less", "single", "no")]
    [InlineData("30-or-less", "single", "not-sure")]
    public async Task In_a_parish_anything_but_speedwatch_at_one_30_mph_place_goes_to_the_district(string speedLimit, string extent, string speedwatch)
    {
        using var journey = factory.CreateJourney();
        await journey.AnswerAllAsync("DM1 1AA", speedLimit, extent, speedwatch);

        var check = await journey.FinishAsync();

        Assert.Contains("Your report will be sent to Demo Vale District Council road safety team (DEMO) (roadsafety@demovale.demo.invalid).", check.Text, StringComparison.Ordinal);
        Assert.Contains("Speeding on faster roads, along routes, or where no Community Speedwatch runs", check.Text, StringComparison.Ordinal);
        Assert.Contains("The contact directory kept by Demo Vale District Council (DEMO).", check.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task District_case_by_coordinates_outside_any_parish()
    {
        using var journey = factory.CreateJourney();
        // Outside every parish the district deals with it whatever the answers, so no routing question is asked.
        Assert.Equal("/road", await journey.SubmitExpectingRedirectAsync("/where/coordinates", ("latitude", "51.92"), ("longitude", "-1.0")));

        var check = await journey.FinishAsync();
        Assert.Contains("Coordinates", check.Text, StringComparison.Ordinal);
        Assert.Contains("51.92, -1", check.Text, StringComparison.Ordinal);
        Assert.Contains("Demo Vale (not in a parish)", check.Text, StringComparison.Ordinal);
        Assert.Contains("Your report will be sent to Demo Vale District Council road safety team (DEMO) (roadsafety@demovale.demo.invalid).", check.Text, StringComparison.Ordinal);
        Assert.Contains("This location is not in a parish", check.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Change_links_return_to_check_your_answers_and_the_recipient_follows_the_new_answer()
    {
        using var journey = factory.CreateJourney();
        await journey.AnswerAllAsync("DM1 1AA", "30-or-less", "single", "yes");
        await journey.FinishAsync();

        var change = await journey.GetAsync("/question/extent?change=true");
        Assert.Contains("value=\"single\" checked=\"checked\"", change.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/check\" class=\"govuk-back-link\"", change.Html, StringComparison.Ordinal);
        Assert.Equal("/check", await journey.SubmitExpectingRedirectAsync("/question/extent?change=true", ("answer", "route")));
        Assert.Contains("Your report will be sent to Demo Vale District Council road safety team (DEMO) (roadsafety@demovale.demo.invalid).", (await journey.GetAsync("/check")).Text, StringComparison.Ordinal);

        // Changing the location keeps the answers.
        Assert.Equal("/check", await journey.SubmitExpectingRedirectAsync("/where?change=true", ("postcode", "DM2 3CC")));
        Assert.Contains("Demo Vale (not in a parish)", (await journey.GetAsync("/check")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_remember_earlier_answers()
    {
        using var journey = factory.CreateJourney();
        await journey.AnswerAllAsync("DM1 1AA", "over-30", "single", "yes");

        Assert.Contains("value=\"DM1 1AA\"", (await journey.GetAsync("/where")).Html, StringComparison.Ordinal);
        Assert.Contains("value=\"over-30\" checked=\"checked\"", (await journey.GetAsync("/question/speed-limit")).Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/question/speed-limit", "/where")]
    [InlineData("/check", "/where")]
    [InlineData("/result", "/where")]
    public async Task Steps_out_of_order_redirect_to_the_first_unanswered_one(string path, string expected)
    {
        using var journey = factory.CreateJourney();

        var response = await journey.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        Assert.Equal(expected, response.Location);
    }

    [Fact]
    public async Task Check_and_result_wait_for_every_answer_and_for_the_submission()
    {
        using var journey = factory.CreateJourney();
        await journey.SubmitExpectingRedirectAsync("/where", ("postcode", "DM1 1AA"));
        await journey.SubmitExpectingRedirectAsync("/question/speed-limit", ("answer", "30-or-less"));

        Assert.Equal("/question/extent", (await journey.GetAsync("/check")).Location);
        Assert.Equal("/question/extent", (await journey.GetAsync("/result")).Location);
        Assert.Equal("/question/extent", (await journey.GetAsync("/road")).Location);

        await journey.SubmitExpectingRedirectAsync("/question/extent", ("answer", "single"));
        await journey.SubmitExpectingRedirectAsync("/question/speedwatch", ("answer", "no"));

        // The routing questions answered, the report pages not yet.
        Assert.Equal("/road", (await journey.GetAsync("/check")).Location);
        Assert.Equal("/road", (await journey.GetAsync("/result")).Location);
        Assert.Equal("/road", (await journey.GetAsync("/contact")).Location);
    }

    [Fact]
    public async Task An_unknown_question_is_page_not_found()
    {
        using var journey = factory.CreateJourney();
        await journey.SubmitExpectingRedirectAsync("/where", ("postcode", "DM1 1AA"));

        var response = await journey.GetAsync("/question/colour-of-car");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("Page not found", response.H1);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        using var journey = factory.CreateJourney();
        using var http = factory.CreateClient();
        using var content = new FormUrlEncodedContent([new("postcode", "DM1 1AA")]);

        using var response = await http.PostAsync(new Uri("/where", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
