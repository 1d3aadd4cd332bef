using System.Text;

namespace LocalGov.ModernGov;

/// <summary>
/// A parish's name reduced to what identifies it, so that a boundary file's name ("Ashcombe", "Adderbury CP") and a
/// Modern.Gov record's ("Ashcombe Parish Council", "ASHCOMBE P.C.") compare equal: case, punctuation, hyphens,
/// "&amp;"/"and", "Saint"/"St", a leading "The" and the council-type suffix are ignored.
/// </summary>
internal static class ParishNameKey
{
    // Longest first, so that "parish council" goes before "council"; one suffix at most is removed.
    private static readonly string[] Suffixes =
    [
        "neighbourhood council", "community council", "village council", "parish council", "parish meeting",
        "town council", "city council", "town meeting", "community", "council", "parish", "cp", "pc", "tc",
    ];

    public static string Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder(name.Length);
        foreach (var c in name.Replace("&", " and ", StringComparison.Ordinal).ToLowerInvariant())
        {
            // Dots and apostrophes join ("P.C." → "pc", "Mary's" → "marys"); anything else that is not a letter or digit separates.
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
