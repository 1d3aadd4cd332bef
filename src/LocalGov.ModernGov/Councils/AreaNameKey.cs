using System.Text;

namespace LocalGov.ModernGov;

/// <summary>
/// An area's name reduced to what identifies it: case, punctuation, hyphens, "&amp;"/"and", "Saint"/"St", a leading
/// "The" and at most one of the given type suffixes ("Parish Council", "Ward") are ignored. Parish and ward names
/// differ only in their suffixes (<see cref="ParishNameKey"/>, <see cref="WardNameKey"/>).
/// </summary>
internal static class AreaNameKey
{
    /// <param name="name">The name as a boundary file or a Modern.Gov record spells it.</param>
    /// <param name="suffixes">Lower-case suffixes, longest first, so that "parish council" goes before "council".</param>
    public static string Of(string name, IReadOnlyList<string> suffixes)
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
        foreach (var suffix in suffixes)
        {
            if (joined.Length > suffix.Length && joined.EndsWith(" " + suffix, StringComparison.Ordinal))
            {
                return joined[..^(suffix.Length + 1)];
            }
        }

        return joined;
    }
}
