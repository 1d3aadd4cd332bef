using System.Globalization;
using LocalGov.ModernGov;
using Microsoft.Extensions.Options;
using SpeedingReport.Configuration;

namespace SpeedingReport.Contacts;

/// <summary>
/// Finds contact details: a parish clerk from the council's Modern.Gov when it lists the parish, else from the
/// directory; the district team from the directory. The parish list comes through <see cref="IModernGovCache"/>, so a
/// council whose Modern.Gov is down still has its clerks found from the last good answer (the page says how old).
/// </summary>
public sealed partial class ContactFinder(
    ContactDirectory directory,
    IOptions<SpeedingReportOptions> options,
    ILogger<ContactFinder> logger,
    IModernGovCache? modernGov = null)
{
    /// <summary>The name the council's Modern.Gov is registered under.</summary>
    public const string ModernGovCouncilName = "council";

    public bool UsesModernGov => modernGov is not null;

    public async Task<ContactDetails?> FindParishAsync(string parishCode, string parishName, CancellationToken cancellationToken)
    {
        var entry = directory.Find(parishCode);
        string? note = null;
        if (modernGov is not null)
        {
            try
            {
                var parishes = await modernGov.GetParishCouncilsAsync(ModernGovCouncilName, cancellationToken);
                var match = parishes.Value.FindByParishName(entry?.ModernGovName ?? parishName);
                if (match is not null && (match.Email ?? match.Phone ?? match.Contact) is not null)
                {
                    return FromModernGov(match, parishes.IsStale ? StaleNote(parishes.RetrievedAt) : null);
                }

                note = match is null
                    ? "The council's Modern.Gov does not list this parish council."
                    : "The council's Modern.Gov lists this parish council without contact details.";
            }
            catch (ModernGovException ex)
            {
                LogModernGovFailed(logger, ex);
                note = "The council's Modern.Gov could not be reached.";
            }
        }

        return entry is null ? null : FromDirectory(entry, note);
    }

    /// <exception cref="SpeedingReportConfigurationException">The directory has no entry for the district.</exception>
    public ContactDetails FindDistrict(string districtCode, string districtName)
    {
        var entry = directory.Find(districtCode)
            ?? throw new SpeedingReportConfigurationException(options.Value.ContactDirectory, $"no contact for the district {districtName} ({districtCode}); add one with \"areaCode\": \"{districtCode}\".");
        return FromDirectory(entry, null);
    }

    private static string StaleNote(DateTimeOffset retrievedAt) =>
        string.Create(CultureInfo.GetCultureInfo("en-GB"), $"The council's Modern.Gov could not be reached just now; these details were read from it on {retrievedAt:d MMMM yyyy 'at' HH:mm} UTC.");

    private static ContactDetails FromModernGov(ModernGovParishCouncil parish, string? note) => new()
    {
        Name = parish.Name!,
        ClerkName = parish.ClerkName ?? (parish.Email is null && parish.Phone is null ? parish.Contact : null),
        Email = parish.Email,
        Phone = parish.Phone,
        Address = parish.Address,
        Postcode = parish.Postcode,
        Website = parish.Website,
        Source = ContactSource.ModernGov,
        SourceNote = note,
    };

    private static ContactDetails FromDirectory(DirectoryEntry entry, string? note) => new()
    {
        Name = entry.Name,
        ClerkName = entry.ClerkName,
        Email = entry.Email,
        Phone = entry.Phone,
        Address = entry.Address,
        Postcode = entry.Postcode,
        Website = entry.Website,
        Open311Endpoint = entry.Open311?.Name,
        Source = ContactSource.Directory,
        SourceNote = note,
    };

    [LoggerMessage(EventId = 3101, EventName = "ParishContactFallback", Level = LogLevel.Warning, Message = "Modern.Gov GetParishCouncils failed with nothing cached young enough; using the contact directory")]
    private static partial void LogModernGovFailed(ILogger logger, Exception exception);
}
