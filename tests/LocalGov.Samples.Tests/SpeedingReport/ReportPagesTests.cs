using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace LocalGov.Samples.Tests.SpeedingReport;

/// <summary>The report pages after the routing questions (road, when, seen, contact, check): every validation error, the Change links, and a double submit.</summary>
public sealed partial class ReportPagesTests(SpeedingReportFactory factory) : IClassFixture<SpeedingReportFactory>
{
    public static TheoryData<string, string, string> RoadErrors => new()
    {
        { "", "", "road|Enter the road or street where the speeding happens" },
        { "   ", "By the school", "road|Enter the road or street where the speeding happens" },
        { new string('r', 201), "", "road|Road or street must be 200 characters or fewer" },
        { "High Street", new string('p', 501), "place|Where on the road must be 500 characters or fewer" },
        { "", new string('p', 501), "road|Enter the road or street where the speeding happens;place|Where on the road must be 500 characters or fewer" },
    };

    [Theory]
    [MemberData(nameof(RoadErrors))]
    public async Task Road_errors(string road, string place, string expected)
    {
        using var journey = await AtRoadAsync();

        var page = await journey.SubmitAsync("/road", ("road", road), ("place", place));

        AssertErrors(page, "Which road or street is it?", expected);
        // What was typed is shown back, so the resident can correct it.
        if (road.Trim().Length > 0)
        {
            Assert.Contains($"value=\"{road}\"", page.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Road_at_the_limits_is_accepted_and_an_empty_place_is_not_given()
    {
        using var journey = await AtRoadAsync();

        Assert.Equal("/when", await journey.SubmitExpectingRedirectAsync("/road", ("road", new string('r', 200)), ("place", new string('p', 500))));
        Assert.Equal("/when", await journey.SubmitExpectingRedirectAsync("/road", ("road", "  Mill Lane  "), ("place", "   ")));
        var road = await journey.GetAsync("/road");
        Assert.Contains("value=\"Mill Lane\"", road.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], new string[0], "days|Select the days when the speeding happens;times|Select the times of day when the speeding happens")]
    [InlineData(new[] { "monday" }, new string[0], "times|Select the times of day when the speeding happens")]
    [InlineData(new string[0], new[] { "night" }, "days|Select the days when the speeding happens")]
    [InlineData(new[] { "funday" }, new[] { "teatime" }, "days|Select the days when the speeding happens;times|Select the times of day when the speeding happens")]
    public async Task When_errors(string[] days, string[] times, string expected)
    {
        using var journey = await AtRoadAsync();
        await journey.SubmitExpectingRedirectAsync("/road", ("road", "High Street"), ("place", ""));

        var page = await journey.SubmitAsync("/when", [.. days.Select(d => ("days", d)), .. times.Select(t => ("times", t))]);

        AssertErrors(page, null, expected);
        foreach (var day in days.Where(d => d == "monday"))
        {
            Assert.Contains($"value=\"{day}\" checked=\"checked\"", page.Html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("", "Enter what you have seen")]
    [InlineData(" \r\n ", "Enter what you have seen")]
    [InlineData("1201", "What you have seen must be 1200 characters or fewer")]
    public async Task Seen_errors(string seen, string message)
    {
        using var journey = await AtSeenAsync();

        var page = await journey.SubmitAsync("/seen", ("seen", seen == "1201" ? new string('s', 1201) : seen));

        AssertErrors(page, "What have you seen?", $"seen|{message}");
        Assert.Contains("data-maxlength=\"1200\"", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seen_counts_a_line_break_as_one_character_like_the_character_count()
    {
        using var journey = await AtSeenAsync();
        // 600 lines of one character: 1,199 characters with \n, 1,798 with CRLF as a browser sends them.
        var text = string.Join("\r\n", Enumerable.Repeat("x", 600));

        Assert.Equal("/contact", await journey.SubmitExpectingRedirectAsync("/seen", ("seen", text)));
    }

    [Theory]
    [InlineData("", "pat@example.com", "", "name|Enter your full name")]
    [InlineData("Pat", "", "", "email|Enter your email address")]
    [InlineData("", "", "", "name|Enter your full name;email|Enter your email address")]
    [InlineData("Pat", "pat.example.com", "", "email|Enter an email address in the correct format, like name@example.com")]
    [InlineData("Pat", "pat@example", "", "email|Enter an email address in the correct format, like name@example.com")]
    [InlineData("Pat", "pat @example.com", "", "email|Enter an email address in the correct format, like name@example.com")]
    [InlineData("Pat", "pat@@example.com", "", "email|Enter an email address in the correct format, like name@example.com")]
    [InlineData("Pat", "pat@example.com", "not a number", "phone|Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192")]
    [InlineData("Pat", "pat@example.com", "0163", "phone|Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192")]
    [InlineData("Pat", "pat@example.com", "01632 960 001 01632 960 001 0000", "phone|Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192")]
    [InlineData("", "nope", "12", "name|Enter your full name;email|Enter an email address in the correct format, like name@example.com;phone|Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192")]
    public async Task Contact_errors(string name, string email, string phone, string expected)
    {
        using var journey = await AtContactAsync();

        var page = await journey.SubmitAsync("/contact", ("name", name), ("email", email), ("phone", phone));

        AssertErrors(page, null, expected);
    }

    [Fact]
    public async Task Contact_name_over_the_limit_is_an_error()
    {
        using var journey = await AtContactAsync();

        var page = await journey.SubmitAsync("/contact", ("name", new string('n', 201)), ("email", "pat@example.com"), ("phone", ""));

        AssertErrors(page, null, "name|Full name must be 200 characters or fewer");
    }

    [Theory]
    [InlineData("01632 960 001")]
    [InlineData("07700 900 982")]
    [InlineData("+44 808 157 0192")]
    [InlineData("(01632) 960-001")]
    [InlineData("+33 1 23 45 67 89")]
    [InlineData("")]
    public async Task Contact_accepts_these_phone_numbers(string phone)
    {
        using var journey = await AtContactAsync();

        Assert.Equal("/check", await journey.SubmitExpectingRedirectAsync("/contact", ("name", "Pat Resident"), ("email", "pat@example.com"), ("phone", phone)));
    }

    [Fact]
    public async Task Every_answer_on_check_has_a_change_link_that_returns_to_check_with_the_new_answer()
    {
        using var journey = factory.CreateJourney();
        await journey.AnswerAllAsync("DM1 1AA", "30-or-less", "single", "yes");
        var check = await journey.FinishAsync();

        var links = ChangeLinkRegex().Matches(check.Html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(
            ["/where?change=true", "/question/speed-limit?change=true", "/question/extent?change=true", "/question/speedwatch?change=true", "/road?change=true", "/road?change=true#place",
             "/when?change=true", "/when?change=true#times", "/seen?change=true", "/contact?change=true#name", "/contact?change=true#email", "/contact?change=true#phone"],
            links);

        // Each page reached by a Change link shows the answer, goes Back to check, and returns there once saved.
        foreach (var link in links.Select(l => l.Split('#')[0]).Distinct())
        {
            var page = await journey.GetAsync(link);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("href=\"/check\" class=\"govuk-back-link\"", page.Html, StringComparison.Ordinal);
        }

        Assert.Equal("/check", await journey.SubmitExpectingRedirectAsync("/road?change=true", ("road", "Mill Lane"), ("place", "")));
        Assert.Equal("/check", await journey.SubmitExpectingRedirectAsync("/when?change=true", ("days", "sunday"), ("times", "night")));
        Assert.Equal("/check", await journey.SubmitExpectingRedirectAsync("/seen?change=true", ("seen", "Motorbikes racing at night.")));
        Assert.Equal("/check", await journey.SubmitExpectingRedirectAsync("/contact?change=true", ("name", "Sam Other"), ("email", "sam@example.org"), ("phone", "")));

        var changed = await journey.GetAsync("/check");
        foreach (var text in new[] { "Mill Lane", "Sunday", "Night", "Motorbikes racing at night.", "Sam Other", "sam@example.org" })
        {
            Assert.Contains(text, changed.Text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("High Street", changed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("By the school", changed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("01632 960 123", changed.Text, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(changed.Text, "Not given"));

        // An error on a Change page keeps the resident there, still going back to check.
        var error = await journey.SubmitAsync("/road?change=true", ("road", ""), ("place", ""));
        Assert.Equal(HttpStatusCode.OK, error.Status);
        Assert.Contains("href=\"/check\" class=\"govuk-back-link\"", error.Html, StringComparison.Ordinal);

        // And what is sent is what was changed.
        var reference = JourneyClient.ReferenceOn(await journey.SendAsync());
        await using var db = await factory.StoreAsync();
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Reference == reference, TestContext.Current.CancellationToken);
        Assert.Equal("Mill Lane", report.Road);
        Assert.Equal("sam@example.org", report.ReporterEmail);
    }

    [Fact]
    public async Task Sending_twice_and_again_after_the_back_button_stores_one_report()
    {
        using var journey = factory.CreateJourney();
        await journey.AnswerAllAsync("DM1 1AA", "30-or-less", "single", "yes");
        var check = await journey.FinishAsync();
        var kept = JourneyClient.TokenOn(check);
        var before = await CountReportsAsync();

        var first = await journey.PostAsync("/check", kept);
        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        Assert.Equal("/confirmation", first.Location);
        var reference = JourneyClient.ReferenceOn(await journey.GetAsync("/confirmation"));
        Assert.Matches("^SR-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$", reference);

        // The same page pressed again, and the check page again after the back button: the same confirmation.
        var again = await journey.PostAsync("/check", kept);
        Assert.Equal("/confirmation", again.Location);
        var back = await journey.GetAsync("/check");
        Assert.Equal(HttpStatusCode.Redirect, back.Status);
        Assert.Equal("/confirmation", back.Location);
        Assert.Equal("/confirmation", (await journey.PostAsync("/check", kept)).Location);
        Assert.Equal(reference, JourneyClient.ReferenceOn(await journey.GetAsync("/confirmation")));

        // The other pages, reached by the back button, do not reopen the sent report either.
        Assert.Equal("/confirmation", (await journey.GetAsync("/contact")).Location);
        Assert.Equal("/confirmation", (await journey.PostAsync("/contact", kept, ("name", "Pat"), ("email", "pat@example.com"))).Location);

        Assert.Equal(before + 1, await CountReportsAsync());
        await using var db = await factory.StoreAsync();
        var report = await db.Reports.AsNoTracking().Include(r => r.Deliveries).SingleAsync(r => r.Reference == reference, TestContext.Current.CancellationToken);
        Assert.Equal(2, report.Deliveries.Count);
    }

    [Fact]
    public async Task A_double_click_two_presses_at_once_stores_one_report()
    {
        using var journey = factory.CreateJourney();
        await journey.AnswerAllAsync("DM1 2BB", "30-or-less", "single", "yes");
        var kept = JourneyClient.TokenOn(await journey.FinishAsync());
        var before = await CountReportsAsync();

        var presses = await Task.WhenAll(journey.PostAsync("/check", kept), journey.PostAsync("/check", kept), journey.PostAsync("/check", kept));

        Assert.All(presses, p => Assert.Equal("/confirmation", p.Location));
        Assert.Equal(before + 1, await CountReportsAsync());
        Assert.False(string.IsNullOrEmpty(JourneyClient.ReferenceOn(await journey.GetAsync("/confirmation"))));
    }

    [Fact]
    public async Task Starting_again_after_sending_makes_a_new_report()
    {
        using var journey = factory.CreateJourney();
        await journey.AnswerAllAsync("DM1 1AA", "30-or-less", "single", "yes");
        await journey.FinishAsync();
        var first = JourneyClient.ReferenceOn(await journey.SendAsync());

        Assert.Equal("/where", await journey.SubmitExpectingRedirectAsync("/"));
        await journey.AnswerAllAsync("DM1 1AA", "30-or-less", "single", "yes");
        await journey.FinishAsync();
        var second = JourneyClient.ReferenceOn(await journey.SendAsync());

        Assert.NotEqual(first, second);
    }

    private async Task<int> CountReportsAsync()
    {
        await using var db = await factory.StoreAsync();
        return await db.Reports.CountAsync(TestContext.Current.CancellationToken);
    }

    private async Task<JourneyClient> AtRoadAsync()
    {
        var journey = factory.CreateJourney();
        await journey.AnswerAllAsync("DM1 1AA", "30-or-less", "single", "yes");
        return journey;
    }

    private async Task<JourneyClient> AtSeenAsync()
    {
        var journey = await AtRoadAsync();
        await journey.SubmitExpectingRedirectAsync("/road", ("road", "High Street"), ("place", ""));
        await journey.SubmitExpectingRedirectAsync("/when", ("days", "monday"), ("times", "morning"));
        return journey;
    }

    private async Task<JourneyClient> AtContactAsync()
    {
        var journey = await AtSeenAsync();
        await journey.SubmitExpectingRedirectAsync("/seen", ("seen", "Cars at 50 mph."));
        return journey;
    }

    /// <summary>Expected is "field|message;field|message" in page order; each is in the summary, linked to its field, and beside it.</summary>
    private static void AssertErrors(JourneyClient.Response page, string? heading, string expected)
    {
        var errors = expected.Split(';').Select(e => e.Split('|')).Select(e => ($"#{e[0]}", e[1])).ToList();
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        if (heading is not null)
        {
            Assert.Contains(heading, page.Text, StringComparison.Ordinal);
        }

        Assert.Contains("<h2 class=\"govuk-error-summary__title\">There is a problem</h2>", page.Html, StringComparison.Ordinal);
        Assert.Equal(errors, page.SummaryErrors);
        foreach (var (href, message) in errors)
        {
            var field = href[1..];
            Assert.Contains($"id=\"{field}\"", page.Html, StringComparison.Ordinal);
            var inline = Regex.Match(page.Html, $"<p id=\"{field}-error\" class=\"govuk-error-message\">(.*?)</p>", RegexOptions.Singleline);
            Assert.True(inline.Success, $"no inline error for {field}");
            Assert.Equal($"Error: {message}", WebUtility.HtmlDecode(Regex.Replace(inline.Groups[1].Value, "<[^>]+>", string.Empty)).Trim());
        }

        Assert.Contains("govuk-form-group--error", page.Html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<a class=\"govuk-link\" href=\"([^\"]+)\">Change<")]
    private static partial Regex ChangeLinkRegex();
}
