using System.Text.RegularExpressions;

namespace LocalGov.Conformance.Tests.Postcodes;

/// <summary>The request of an INDEX.tsv row (<c>curl [-X POST] [-H …] [-d body] http://{base}/path?query</c>).</summary>
internal sealed partial record RecordedRequest(string Method, string Path, string QueryString, IReadOnlyDictionary<string, string> Query, string? Body)
{
    /// <summary>True when every query value is a number (or there is none), so the client can reproduce the URL exactly.</summary>
    public bool HasOnlyNumericValues =>
        Query.Where(kv => kv.Key is not ("q" or "query" or "outcode")).All(kv => double.TryParse(kv.Value, System.Globalization.CultureInfo.InvariantCulture, out _))
        && !Query.ContainsKey("callback") && !Query.ContainsKey("filter");

    public static RecordedRequest Parse(string curl)
    {
        var url = UrlPattern().Match(curl);
        Assert.True(url.Success, $"no http://{{base}} URL in '{curl}'");
        var pathAndQuery = url.Groups[1].Value;
        var split = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = Uri.UnescapeDataString(split < 0 ? pathAndQuery : pathAndQuery[..split]);
        var queryString = split < 0 ? string.Empty : pathAndQuery[split..];
        var query = queryString.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : string.Empty));
        var method = curl.Contains("-X POST", StringComparison.Ordinal) ? "POST" : "GET";
        var body = BodyPattern().Match(curl) is { Success: true } m ? m.Groups[1].Value : null;
        return new RecordedRequest(method, path, Uri.UnescapeDataString(queryString), query, body);
    }

    [GeneratedRegex(@"http://\{base\}(\S*)")]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@" -d (.*) http://\{base\}")]
    private static partial Regex BodyPattern();
}
