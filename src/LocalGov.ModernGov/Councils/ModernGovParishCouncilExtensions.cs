namespace LocalGov.ModernGov;

/// <summary>Finds a parish council from <c>GetParishCouncils</c> by the parish's name, as a boundary file or postcode lookup gives it.</summary>
public static class ModernGovParishCouncilExtensions
{
    /// <summary>
    /// The parish council whose name matches <paramref name="parishName"/> once case, punctuation, hyphens,
    /// "&amp;"/"and", "Saint"/"St", a leading "The" and the council type ("Parish Council", "Town Council", "P.C.",
    /// "CP"…) are ignored: "Ashcombe" finds "Ashcombe Parish Council" and "ASHCOMBE P.C.". When several match, the
    /// first with contact details (an e-mail, a phone or a contact block) is preferred.
    /// </summary>
    /// <param name="parishCouncils">The council's parish councils.</param>
    /// <param name="parishName">The parish's name, e.g. from a boundary file.</param>
    /// <returns>The match, or null when no parish council has that name.</returns>
    public static ModernGovParishCouncil? FindByParishName(this IEnumerable<ModernGovParishCouncil> parishCouncils, string parishName)
    {
        ArgumentNullException.ThrowIfNull(parishCouncils);
        ArgumentException.ThrowIfNullOrWhiteSpace(parishName);
        var wanted = ParishNameKey.Of(parishName);
        ModernGovParishCouncil? first = null;
        foreach (var parish in parishCouncils)
        {
            if (parish.Name is null || ParishNameKey.Of(parish.Name) != wanted)
            {
                continue;
            }

            if ((parish.Email ?? parish.Phone ?? parish.Contact) is not null)
            {
                return parish;
            }

            first ??= parish;
        }

        return first;
    }
}
