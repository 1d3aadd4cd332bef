namespace LocalGov.ModernGov;

/// <summary>Finds a ward from <c>GetCouncillorsByWard</c> by the ward's name, as a boundary file gives it.</summary>
public static class ModernGovWardExtensions
{
    /// <summary>
    /// The ward whose <see cref="ModernGovWard.Title"/> matches <paramref name="wardName"/> (an ONS <c>WDxxNM</c> or
    /// Boundary-Line name) once case, punctuation, hyphens, "&amp;"/"and", "Saint"/"St", a leading "The" and a trailing
    /// "Ward", "ED", "Electoral Division" or "Division" are ignored; either half of a bilingual "English / Cymraeg" name
    /// matches. When several match, the first with councillors is preferred.
    /// </summary>
    /// <param name="wards">The council's wards.</param>
    /// <param name="wardName">The ward's name, e.g. from a boundary file.</param>
    /// <returns>The match, or null when no ward has that name.</returns>
    public static ModernGovWard? FindByWardName(this IEnumerable<ModernGovWard> wards, string wardName)
    {
        ArgumentNullException.ThrowIfNull(wards);
        ArgumentException.ThrowIfNullOrWhiteSpace(wardName);
        var wanted = WardNameKey.All(wardName).ToHashSet(StringComparer.Ordinal);
        ModernGovWard? first = null;
        foreach (var ward in wards)
        {
            if (ward.Title is null || !WardNameKey.All(ward.Title).Any(wanted.Contains))
            {
                continue;
            }

            if (ward.Councillors.Count > 0)
            {
                return ward;
            }

            first ??= ward;
        }

        return first;
    }
}
