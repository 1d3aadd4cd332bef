using System.Net;
using System.Text.RegularExpressions;

namespace LocalGov.Samples.Tests.SpeedingReport;

/// <summary>Every validation error, in the GOV.UK pattern: "Error: " title, a summary linking to the field, the message beside it.</summary>
public sealed class ValidationTests(SpeedingReportFactory factory) : IClassFixture<SpeedingReportFactory>
{
    [Theory]
    [InlineData("", "Enter a postcode")]
    [InlineData("   ", "Enter a postcode")]
    [InlineData("not a postcode", "Enter a full postcode, like DM1 1AA")]
    [InlineData("DM1", "Enter a full postcode, like DM1 1AA")]
    [InlineData("DM7 7AA", "We cannot find DM7 7AA. Check the postcode, or enter the location's coordinates instead")]
    [InlineData("DM3 4DD", "We do not have a location for DM3 4DD. Enter the location's coordinates instead")]
    [InlineData("DM9 9ZZ", "DM9 9ZZ is not in the Demo Vale District Council (DEMO) area. It is in Elsewhere: contact the council for Elsewhere")]
    public async Task Postcode_errors(string postcode, string message)
    {
        using var journey = factory.CreateJourney();

        var page = await journey.SubmitAsync("/where", ("postcode", postcode));

        AssertFieldError(page, "postcode", message, "What is the postcode where the speeding happens?");
        Assert.Contains("aria-describedby=\"postcode-hint postcode-error\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("govuk-input--error", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Both_coordinates_missing_gives_two_errors_in_field_order()
    {
        using var journey = factory.CreateJourney();

        var page = await journey.SubmitAsync("/where/coordinates", ("latitude", ""), ("longitude", ""));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal([("#latitude", "Enter a latitude"), ("#longitude", "Enter a longitude")], page.SummaryErrors);
        Assert.Contains("id=\"latitude-error\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"longitude-error\"", page.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("north", "-1.0", "latitude", "Latitude must be a number in decimal degrees, like 51.97")]
    [InlineData("51.97", "1°W", "longitude", "Longitude must be a number in decimal degrees, like -1.05")]
    [InlineData("NaN", "-1.0", "latitude", "Latitude must be a number in decimal degrees, like 51.97")]
    [InlineData("12", "-1.0", "latitude", "Latitude must be between 49 and 61 (Great Britain)")]
    [InlineData("51.97", "40", "longitude", "Longitude must be between -9 and 2 (Great Britain)")]
    [InlineData("51.97", "", "longitude", "Enter a longitude")]
    [InlineData("52.5", "-1.0", "latitude", "Latitude 52.5, longitude -1 is not in the Demo Vale District Council (DEMO) area")]
    public async Task Coordinate_errors(string latitude, string longitude, string field, string message)
    {
        using var journey = factory.CreateJourney();

        var page = await journey.SubmitAsync("/where/coordinates", ("latitude", latitude), ("longitude", longitude));

        AssertFieldError(page, field, message, "What are the coordinates of where the speeding happens?");

        // What was typed is shown back.
        Assert.Contains($"id=\"latitude\" name=\"latitude\" type=\"text\" inputmode=\"decimal\" spellcheck=\"false\" value=\"{latitude}\"", page.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("speed-limit", "", "Select whether the speed limit is 30 mph or less")]
    [InlineData("speed-limit", "70", "Select whether the speed limit is 30 mph or less")]
    [InlineData("extent", "", "Select whether the speeding is at a single location or along a route")]
    [InlineData("speedwatch", "maybe", "Select whether the parish runs a Community Speedwatch scheme")]
    public async Task Question_errors(string question, string answer, string message)
    {
        using var journey = factory.CreateJourney();
        await journey.SubmitExpectingRedirectAsync("/where", ("postcode", "DM1 1AA"));

        var page = answer.Length == 0
            ? await journey.SubmitAsync($"/question/{question}")
            : await journey.SubmitAsync($"/question/{question}", ("answer", answer));

        AssertFieldError(page, "answer", message, null);
        Assert.DoesNotContain("checked=\"checked\"", page.Html, StringComparison.Ordinal);
    }

    private static void AssertFieldError(JourneyClient.Response page, string field, string message, string? heading)
    {
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        if (heading is not null)
        {
            Assert.Equal(heading, page.H1);
        }

        Assert.Contains("<h2 class=\"govuk-error-summary__title\">There is a problem</h2>", page.Html, StringComparison.Ordinal);
        Assert.Equal([($"#{field}", message)], page.SummaryErrors);
        Assert.Contains($"id=\"{field}\"", page.Html, StringComparison.Ordinal);
        var inline = Regex.Match(page.Html, $"<p id=\"{field}-error\" class=\"govuk-error-message\">(.*?)</p>", RegexOptions.Singleline);
        Assert.True(inline.Success, $"no inline error for {field}");
        Assert.Equal($"Error: {message}", WebUtility.HtmlDecode(Regex.Replace(inline.Groups[1].Value, "<[^>]+>", string.Empty)).Trim());
        Assert.Contains("govuk-form-group--error", page.Html, StringComparison.Ordinal);
    }
}
