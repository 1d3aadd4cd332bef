using System.Text;

namespace SpeedingReport.Contacts;

/// <summary>
/// Matches a boundary file's parish name ("Ashcombe") to a Modern.Gov record ("Ashcombe Parish Council",
/// "ASHCOMBE P.C."): case, punctuation, "&amp;"/"and" and the council-type suffix are ignored.
/// </summary>
public static class ParishNames
{
    private static readonly string[] Suffixes =
    [
        "parish council", "town council", "city council", "village council", "community council", "neighbourhood council",
        "parish meeting", "town meeting", "pc", "tc", "council", "parish",
    ];

    public static string Normalise(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder(name.Length);
        foreach (var c in name.Replace("&", " and ", StringComparison.Ordinal).ToLowerInvariant())
        {
            text.Append(char.IsLetterOrDigit(c) ? c : c == '.' || c == '\'' ? '\0' : ' ');
        }

        var words = text.ToString().Replace("\0", string.Empty, StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var joined = string.Join(' ', words);
        if (joined.StartsWith("the ", StringComparison.Ordinal))
        {
            joined = joined[4..];
        }

        foreach (var suffix in Suffixes)
        {
            if (joined.Length > suffix.Length && joined.EndsWith(" " + suffix, StringComparison.Ordinal))
            {
                joined = joined[..^(suffix.Length + 1)];
                break;
            }
        }

        return joined;
    }
}
