using System.Net;

namespace LocalGov.Samples.Tests.SpeedingReport.ScaleOut;

/// <summary>The shortest whole journey (coordinates, so no postcode lookup), one form token for every step as a browser's kept token would be.</summary>
internal static class ScaleOutJourney
{
    /// <summary>Answers every page and sends the report; returns its reference.</summary>
    public static async Task<string> SendReportAsync(JourneyClient journey, string road)
    {
        var start = await journey.GetAsync("/where/coordinates");
        Assert.Equal(HttpStatusCode.OK, start.Status);
        var token = JourneyClient.TokenOn(start);
        await StepAsync(journey, "/where/coordinates", token, "/road", ("latitude", "51.92"), ("longitude", "-1.0"));
        await StepAsync(journey, "/road", token, "/when", ("road", road), ("place", "By the school"));
        await StepAsync(journey, "/when", token, "/seen", ("days", "monday"), ("times", "morning"));
        await StepAsync(journey, "/seen", token, "/contact", ("seen", "Cars at 50 mph every morning."));
        await StepAsync(journey, "/contact", token, "/check", ("name", "Pat Resident"), ("email", "pat@example.com"), ("phone", ""));
        await StepAsync(journey, "/check", token, "/confirmation");
        var confirmation = await journey.GetAsync("/confirmation");
        Assert.Equal(HttpStatusCode.OK, confirmation.Status);
        var reference = JourneyClient.ReferenceOn(confirmation);
        Assert.StartsWith("SR-", reference, StringComparison.Ordinal);
        return reference;
    }

    private static async Task StepAsync(JourneyClient journey, string path, string token, string next, params (string Name, string Value)[] fields)
    {
        var response = await journey.PostAsync(path, token, fields);
        Assert.True(
            response.Status == HttpStatusCode.Redirect && response.Location == next,
            $"POST {path} answered {(int)response.Status} {response.Location}, not a redirect to {next}: {string.Join("; ", response.SummaryErrors.Select(e => e.Text))}");
    }
}
