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

    public static string Of(string name) => AreaNameKey.Of(name, Suffixes);
}
