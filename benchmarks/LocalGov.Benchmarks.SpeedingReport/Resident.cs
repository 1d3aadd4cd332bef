using System.Net;
using System.Text.RegularExpressions;

namespace LocalGov.Benchmarks.SpeedingReport;

/// <summary>One resident's browser without JavaScript: its own cookies and connection, redirects returned, the antiforgery token read once.</summary>
internal sealed partial class Resident(Uri baseAddress, int number) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = baseAddress };
    private string? _token;

    /// <summary>Walks the journey up to the check page, untimed: "Start now" (a fresh submission), location, questions, report pages.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (_token is null)
        {
            var start = await _http.GetStringAsync(new Uri("/", UriKind.Relative), cancellationToken);
            _token = WebUtility.HtmlDecode(TokenRegex().Match(start).Groups[1].Value);
        }

        await PostAsync("/", "/where", cancellationToken);
        if (number % 2 == 0)
        {
            // A parish case: every routing question is asked.
            await PostAsync("/where", "/question/speed-limit", cancellationToken, ("postcode", "DM1 1AA"));
            await PostAsync("/question/speed-limit", "/question/extent", cancellationToken, ("answer", "30-or-less"));
            await PostAsync("/question/extent", "/question/speedwatch", cancellationToken, ("answer", "single"));
            await PostAsync("/question/speedwatch", "/road", cancellationToken, ("answer", "yes"));
        }
        else
        {
            // Outside every parish: the district, and no question.
            await PostAsync("/where/coordinates", "/road", cancellationToken, ("latitude", "51.92"), ("longitude", "-1.0"));
        }

        await PostAsync("/road", "/when", cancellationToken, ("road", $"Benchmark Road {number}"), ("place", "By the school"));
        await PostAsync("/when", "/seen", cancellationToken, ("days", "monday"), ("days", "friday"), ("times", "morning"));
        await PostAsync("/seen", "/contact", cancellationToken, ("seen", "Cars at 50 mph every morning."));
        await PostAsync("/contact", "/check", cancellationToken, ("name", $"Resident {number}"), ("email", $"resident{number}@example.com"), ("phone", ""));
    }

    /// <summary>The timed step: "Send report". Returns where it redirected (the confirmation when stored).</summary>
    public async Task<string?> SendAsync(CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent([new KeyValuePair<string, string>("__RequestVerificationToken", _token!)]);
        using var response = await _http.PostAsync(new Uri("/check", UriKind.Relative), content, cancellationToken);
        return response.StatusCode == HttpStatusCode.Redirect ? response.Headers.Location?.OriginalString : $"HTTP {(int)response.StatusCode}";
    }

    /// <summary>The baseline's step: the check page itself (session, routing, contact lookup; no write).</summary>
    public async Task<HttpStatusCode> ViewCheckAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri("/check", UriKind.Relative), HttpCompletionOption.ResponseContentRead, cancellationToken);
        return response.StatusCode;
    }

    /// <summary>The reference the confirmation page shows (untimed, after the send).</summary>
    public async Task<string> ReferenceAsync(CancellationToken cancellationToken)
    {
        var html = await _http.GetStringAsync(new Uri("/confirmation", UriKind.Relative), cancellationToken);
        var match = ReferenceRegex().Match(html);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"Resident {number}: no reference on the confirmation page");
    }

    public void Dispose() => _http.Dispose();

    private async Task PostAsync(string path, string expected, CancellationToken cancellationToken, params (string Name, string Value)[] fields)
    {
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", _token!));
        using var content = new FormUrlEncodedContent(form);
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken);
        var location = response.Headers.Location?.OriginalString;
        if (response.StatusCode != HttpStatusCode.Redirect || location != expected)
        {
            throw new InvalidOperationException($"Resident {number}: POST {path} answered {(int)response.StatusCode} {location}, not a redirect to {expected}");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    [GeneratedRegex("<strong id=\"reference\">([^<]*)</strong>")]
    private static partial Regex ReferenceRegex();
}
