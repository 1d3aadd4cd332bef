using System.Text.Json;
using System.Text.Json.Serialization;
using SpeedingReport.Configuration;

namespace SpeedingReport.Contacts;

/// <summary>One entry of the contact directory file, keyed by the area's code in the boundary files.</summary>
public sealed record DirectoryEntry
{
    public string AreaCode { get; set; } = "";

    public string Name { get; set; } = "";

    public string? ClerkName { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public IReadOnlyList<string> Address { get; set; } = [];

    public string? Postcode { get; set; }

    public Uri? Website { get; set; }

    /// <summary>The parish council's name in Modern.Gov, when it differs from the boundary file's name beyond "Parish Council".</summary>
    public string? ModernGovName { get; set; }

    /// <summary>When set, reports for this body go into its case system by Open311 instead of by email.</summary>
    public SpeedingReport.Delivery.Open311.Open311Target? Open311 { get; set; }
}

public sealed record DirectoryDocument
{
    public IReadOnlyList<DirectoryEntry> Contacts { get; set; } = [];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(DirectoryDocument))]
internal sealed partial class DirectoryJsonContext : JsonSerializerContext;

/// <summary>The contact directory the council keeps: the district team, and parishes Modern.Gov does not list.</summary>
public sealed class ContactDirectory
{
    private readonly Dictionary<string, DirectoryEntry> _byCode;

    public ContactDirectory(IEnumerable<DirectoryEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _byCode = new Dictionary<string, DirectoryEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            _byCode[entry.AreaCode] = entry;
        }
    }

    public DirectoryEntry? Find(string areaCode) => _byCode.GetValueOrDefault(areaCode);

    public IEnumerable<DirectoryEntry> Entries => _byCode.Values;

    /// <summary>Loads and checks the directory file.</summary>
    /// <exception cref="SpeedingReportConfigurationException">Missing, not JSON, or an entry without an area code or name, or a code twice.</exception>
    public static ContactDirectory Load(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new SpeedingReportConfigurationException("SpeedingReport:ContactDirectory", "is not set: give the path of the contact directory file.");
        }

        if (!File.Exists(path))
        {
            throw new SpeedingReportConfigurationException("SpeedingReport:ContactDirectory", $"the file '{path}' does not exist.");
        }

        DirectoryDocument? document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonSerializer.Deserialize(stream, DirectoryJsonContext.Default.DirectoryDocument);
        }
        catch (JsonException ex)
        {
            throw new SpeedingReportConfigurationException(ex.LineNumber is { } line ? $"{path} (line {line + 1})" : path, $"not a valid contact directory: {ex.Message}", ex);
        }

        var entries = document?.Contacts ?? [];
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (string.IsNullOrWhiteSpace(entry.AreaCode) || string.IsNullOrWhiteSpace(entry.Name))
            {
                throw new SpeedingReportConfigurationException($"{path}: contacts[{i}]", "every contact needs 'areaCode' and 'name'.");
            }

            if (!codes.Add(entry.AreaCode))
            {
                throw new SpeedingReportConfigurationException($"{path}: contacts[{i}]", $"area code '{entry.AreaCode}' is listed twice.");
            }
        }

        return new ContactDirectory(entries);
    }
}
