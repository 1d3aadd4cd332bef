using System.Text.RegularExpressions;

namespace LocalGov.Conformance.Tests.Postcodes;

/// <summary>The request of an INDEX.tsv row (<c>curl [-X POST] [-H …] [-d body] http://{base}/path?query</c>).</summary>
internal sealed partial record RecordedRequest(string Method, string Path, string QueryString, IReadOnlyDictionary<string, string> Query, string? Body)
{
    private static readonly HashSet<string> ReproducibleKeys = ["lon", "lat", "longitude", "latitude", "limit", "radius", "q", "outcode"];

    /// <summary>True when the client can send exactly this request: known parameter names, numbers where numbers are expected.</summary>
    public bool IsReproducible =>
        Query.All(kv => ReproducibleKeys.Contains(kv.Key)
            && (kv.Key is "q" or "outcode" || double.TryParse(kv.Value, System.Globalization.CultureInfo.InvariantCulture, out _)));

    /// <summary>Whether <paramref name="sent"/> (a path and query the server received) is this request, in any parameter order.</summary>
    public bool Matches(string sent)
    {
        var other = Parse("curl http://{base}" + sent);
        return other.Path == Path
            && other.Query.Count == Query.Count
            && Query.All(kv => other.Query.TryGetValue(kv.Key, out var v) && SameValue(kv.Value, v));
    }

    private static bool SameValue(string a, string b) =>
        a == b || (double.TryParse(a, System.Globalization.CultureInfo.InvariantCulture, out var x) && double.TryParse(b, System.Globalization.CultureInfo.InvariantCulture, out var y) && x == y);

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
