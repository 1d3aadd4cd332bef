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

    public static string Of(string name) => AreaNameKey.Of(name, Suffixes);
}
