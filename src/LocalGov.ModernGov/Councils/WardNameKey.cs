using System.Text;

namespace LocalGov.ModernGov;

/// <summary>
/// A ward's name reduced to what identifies it, so that a boundary file's name (ONS <c>WD23NM</c> "Aston Clinton",
/// Boundary-Line "Aston Clinton Ward", "Creigiau &amp; St. Fagans ED") and a Modern.Gov <c>wardtitle</c>
/// ("Aston Clinton", "Creigiau &amp; St Fagans") compare equal: case, punctuation, hyphens, "&amp;"/"and",
/// "Saint"/"St", a leading "The" and a trailing "Ward", "ED", "Electoral Division" or "Division" are ignored.
/// </summary>
internal static class WardNameKey
{
    private static readonly string[] Suffixes = ["electoral division", "division", "ward", "ed"];

    /// <summary>The keys of a name: one, or one per part of a bilingual "English / Cymraeg" name.</summary>
    public static IEnumerable<string> All(string name)
    {
        yield return Of(name);
        if (name.Contains('/', StringComparison.Ordinal))
        {
            foreach (var part in name.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return Of(part);
            }
        }
    }

    public static string Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder(name.Length);
        foreach (var c in name.Replace("&", " and ", StringComparison.Ordinal).ToLowerInvariant())
        {
            if (c is '.' or '\'' or '\u2019')
            {
                continue;
            }

            text.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        var words = text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w == "saint" ? "st" : w).ToList();
        if (words.Count > 1 && words[0] == "the")
        {
            words.RemoveAt(0);
        }

        var joined = string.Join(' ', words);
        foreach (var suffix in Suffixes)
        {
            if (joined.Length > suffix.Length && joined.EndsWith(" " + suffix, StringComparison.Ordinal))
            {
                return joined[..^(suffix.Length + 1)];
            }
        }

        return joined;
    }
}
