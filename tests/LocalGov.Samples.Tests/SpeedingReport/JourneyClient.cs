using System.Net;
using System.Text.RegularExpressions;

namespace LocalGov.Samples.Tests.SpeedingReport;

/// <summary>A resident's browser without JavaScript: cookies kept, redirects returned rather than followed, antiforgery tokens read from each form.</summary>
public sealed partial class JourneyClient(HttpClient http) : IDisposable
{
    public sealed record Response(HttpStatusCode Status, string? Location, string Html, string? CacheControl = null)
    {
        public string Title => WebUtility.HtmlDecode(TitleRegex().Match(Html).Groups[1].Value);

        public string H1 => WebUtility.HtmlDecode(Regex.Replace(H1Regex().Match(Html).Groups[1].Value, "<[^>]+>", string.Empty).Trim());

        /// <summary>The error summary's links: (href, text).</summary>
        public IReadOnlyList<(string Href, string Text)> SummaryErrors =>
            [.. SummaryRegex().Matches(Html).Select(m => (m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value)))];

        public string Text => WebUtility.HtmlDecode(Regex.Replace(Html, "<[^>]+>", " "));
    }

    public async Task<Response> GetAsync(string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        return await ReadAsync(response);
    }

    /// <summary>GETs the page, then submits its form with these fields (and its antiforgery token).</summary>
    public async Task<Response> SubmitAsync(string path, params (string Name, string Value)[] fields)
    {
        var page = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var token = TokenRegex().Match(page.Html);
        Assert.True(token.Success, $"no antiforgery token on {path}");
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), content, TestContext.Current.CancellationToken);
        return await ReadAsync(response);
    }

    /// <summary>POSTs to a page that has no form, with a valid antiforgery token taken from another page's form.</summary>
    public async Task<Response> PostWithTokenFromAsync(string formPage, string path)
    {
        var page = await GetAsync(formPage);
        var token = TokenRegex().Match(page.Html);
        Assert.True(token.Success, $"no antiforgery token on {formPage}");
        using var content = new FormUrlEncodedContent([new KeyValuePair<string, string>("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))]);
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), content, TestContext.Current.CancellationToken);
        return await ReadAsync(response);
    }

    /// <summary>The antiforgery token of the form on a page already fetched (a browser's page kept by the back button).</summary>
    public static string TokenOn(Response page) => WebUtility.HtmlDecode(TokenRegex().Match(page.Html).Groups[1].Value);

    /// <summary>POSTs with a token taken earlier, as a browser resubmits a page it kept: no fresh GET first.</summary>
    public async Task<Response> PostAsync(string path, string token, params (string Name, string Value)[] fields)
    {
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token));
        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), content, TestContext.Current.CancellationToken);
        return await ReadAsync(response);
    }

    /// <summary>Submits and expects a redirect; returns where to.</summary>
    public async Task<string> SubmitExpectingRedirectAsync(string path, params (string Name, string Value)[] fields)
    {
        var response = await SubmitAsync(path, fields);
        Assert.True(response.Status == HttpStatusCode.Redirect, $"POST {path} answered {(int)response.Status}, not a redirect: {string.Join("; ", response.SummaryErrors.Select(e => e.Text))}");
        return response.Location!;
    }

    /// <summary>
    /// Location and the default questions, up to the first report page (/road). A question the app skips (its answer could not change
    /// who deals with it) is not answered; returns the questions that were asked, in order.
    /// </summary>
    public async Task<IReadOnlyList<string>> AnswerAllAsync(string postcode, string speedLimit, string extent, string speedwatch)
    {
        var asked = new List<string>();
        var next = await SubmitExpectingRedirectAsync("/where", ("postcode", postcode));
        foreach (var (id, answer) in new[] { ("speed-limit", speedLimit), ("extent", extent), ("speedwatch", speedwatch) })
        {
            if (next == $"/question/{id}")
            {
                asked.Add(id);
                next = await SubmitExpectingRedirectAsync(next, ("answer", answer));
            }
        }

        Assert.Equal("/road", next);
        return asked;
    }

    /// <summary>The report pages after the routing questions, up to the check page, which it returns.</summary>
    public async Task<Response> FinishAsync(string road = "High Street", string? place = "By the school", string whatSeen = "Cars at 50 mph every morning.", string name = "Pat Resident", string email = "pat@example.com", string? phone = "01632 960 123")
    {
        Assert.Equal("/when", await SubmitExpectingRedirectAsync("/road", ("road", road), ("place", place ?? "")));
        Assert.Equal("/seen", await SubmitExpectingRedirectAsync("/when", ("days", "monday"), ("days", "friday"), ("times", "morning")));
        Assert.Equal("/contact", await SubmitExpectingRedirectAsync("/seen", ("seen", whatSeen)));
        Assert.Equal("/check", await SubmitExpectingRedirectAsync("/contact", ("name", name), ("email", email), ("phone", phone ?? "")));
        var check = await GetAsync("/check");
        Assert.Equal(HttpStatusCode.OK, check.Status);
        return check;
    }

    /// <summary>Sends the report from the check page and returns the confirmation page.</summary>
    public async Task<Response> SendAsync()
    {
        Assert.Equal("/confirmation", await SubmitExpectingRedirectAsync("/check"));
        var confirmation = await GetAsync("/confirmation");
        Assert.Equal(HttpStatusCode.OK, confirmation.Status);
        return confirmation;
    }

    /// <summary>The reference on a confirmation page.</summary>
    public static string ReferenceOn(Response confirmation) => ReferenceRegex().Match(confirmation.Html).Groups[1].Value;

    public void Dispose() => http.Dispose();

    private static async Task<Response> ReadAsync(HttpResponseMessage response) =>
        new(response.StatusCode, response.Headers.Location?.OriginalString, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), response.Headers.CacheControl?.ToString());

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    [GeneratedRegex("<strong id=\"reference\">([^<]*)</strong>")]
    private static partial Regex ReferenceRegex();

    [GeneratedRegex("<title>([^<]*)</title>")]
    private static partial Regex TitleRegex();

    [GeneratedRegex("<h1[^>]*>(.*?)</h1>", RegexOptions.Singleline)]
    private static partial Regex H1Regex();

    [GeneratedRegex("<li><a href=\"(#[^\"]+)\">([^<]*)</a></li>")]
    private static partial Regex SummaryRegex();
}
