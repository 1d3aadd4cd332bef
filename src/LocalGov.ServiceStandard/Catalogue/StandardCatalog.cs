using System.Reflection;
using LocalGov.ServiceStandard.Serialization;

namespace LocalGov.ServiceStandard.Catalogue;

/// <summary>
/// An immutable set of standard versions and crosswalks. <see cref="LoadBuiltIn"/> reads the catalogue shipped in the
/// package; <see cref="With(StandardVersion)"/> adds your own (derived) versions.
/// </summary>
public sealed class StandardCatalog
{
    private const string ResourcePrefix = "LocalGov.ServiceStandard.Catalogue.Data.";
    private const string CrosswalkResource = ResourcePrefix + "crosswalks.json";

    /// <summary>Creates a catalogue from versions and crosswalks.</summary>
    /// <param name="versions">The standard versions (each <c>id@version</c> once).</param>
    /// <param name="crosswalks">The crosswalks.</param>
    /// <exception cref="ArgumentException">A version appears twice.</exception>
    public StandardCatalog(IEnumerable<StandardVersion> versions, IEnumerable<Crosswalk> crosswalks)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(crosswalks);
        var list = versions.ToList();
        var duplicate = list.GroupBy(v => v.Reference).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"{duplicate.Key} appears more than once.", nameof(versions));
        }

        Versions = [.. list.OrderBy(v => v.StandardId, StringComparer.Ordinal).ThenBy(v => v.Published ?? "\uffff", StringComparer.Ordinal).ThenBy(v => v.Version, StringComparer.Ordinal)];
        Crosswalks = [.. crosswalks];
    }

    /// <summary>Every version, grouped by standard, oldest first.</summary>
    public IReadOnlyList<StandardVersion> Versions { get; }

    /// <summary>The crosswalks between versions.</summary>
    public IReadOnlyList<Crosswalk> Crosswalks { get; }

    /// <summary>The standard ids.</summary>
    public IReadOnlyList<string> StandardIds => [.. Versions.Select(v => v.StandardId).Distinct(StringComparer.Ordinal)];

    /// <summary>Reads the catalogue shipped in the package.</summary>
    /// <returns>The built-in catalogue.</returns>
    /// <exception cref="InvalidDocumentException">A shipped data file is invalid (a packaging bug).</exception>
    public static StandardCatalog LoadBuiltIn()
    {
        var assembly = typeof(StandardCatalog).Assembly;
        var versions = new List<StandardVersion>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            if (string.Equals(name, CrosswalkResource, StringComparison.Ordinal))
            {
                continue;
            }

            versions.Add(ServiceStandardJson.DeserializeStandard(ReadResource(assembly, name), name));
        }

        var crosswalks = ServiceStandardJson.Read(ReadResource(assembly, CrosswalkResource), CrosswalkResource, ServiceStandardJsonContext.Default.IReadOnlyListCrosswalk);
        return new StandardCatalog(versions, crosswalks);
    }

    /// <summary>The versions of one standard, oldest first.</summary>
    /// <param name="standardId">The standard id.</param>
    /// <returns>Its versions.</returns>
    /// <exception cref="StandardNotFoundException">The standard is not in the catalogue.</exception>
    public IReadOnlyList<StandardVersion> VersionsOf(string standardId)
    {
        var versions = Versions.Where(v => string.Equals(v.StandardId, standardId, StringComparison.Ordinal)).ToList();
        return versions.Count > 0 ? versions : throw new StandardNotFoundException(standardId, null, StandardIds);
    }

    /// <summary>
    /// A version of a standard; without <paramref name="version"/>, its latest one (the version no other version of
    /// the same standard supersedes, preferring current ones).
    /// </summary>
    /// <param name="standardId">The standard id.</param>
    /// <param name="version">The version, or null for the latest.</param>
    /// <returns>The version.</returns>
    /// <exception cref="StandardNotFoundException">The standard or version is not in the catalogue.</exception>
    public StandardVersion Get(string standardId, string? version = null)
    {
        var versions = VersionsOf(standardId);
        if (version is not null)
        {
            return versions.FirstOrDefault(v => string.Equals(v.Version, version, StringComparison.Ordinal))
                ?? throw new StandardNotFoundException(standardId, version, versions.Select(v => v.Version));
        }

        var latest = versions.Where(v => v.SupersededBy is null || !string.Equals(v.SupersededBy.StandardId, standardId, StringComparison.Ordinal)).ToList();
        return latest.LastOrDefault(v => v.Status == StandardStatus.Current) ?? latest.LastOrDefault() ?? versions[^1];
    }

    /// <summary>The version <paramref name="reference"/> names.</summary>
    /// <param name="reference">The reference.</param>
    /// <returns>The version.</returns>
    /// <exception cref="StandardNotFoundException">It is not in the catalogue.</exception>
    public StandardVersion Get(StandardReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return Get(reference.StandardId, reference.Version);
    }

    /// <summary>The version <paramref name="reference"/> names, or null.</summary>
    /// <param name="reference">The reference.</param>
    /// <returns>The version, or null.</returns>
    public StandardVersion? Find(StandardReference reference) => Versions.FirstOrDefault(v => v.Reference == reference);

    /// <summary>A catalogue with <paramref name="version"/> added (or replacing the same <c>id@version</c>).</summary>
    /// <param name="version">The version.</param>
    /// <returns>The new catalogue.</returns>
    public StandardCatalog With(StandardVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        StandardValidation.Validate(version, version.Reference.ToString());
        return new StandardCatalog(Versions.Where(v => v.Reference != version.Reference).Append(version), Crosswalks);
    }

    /// <summary>
    /// The chain from <paramref name="reference"/> back to its origin: each step is the parent it was derived from,
    /// else the version it supersedes. The first item is <paramref name="reference"/> itself.
    /// </summary>
    /// <param name="reference">Where to start.</param>
    /// <returns>The lineage, newest first.</returns>
    /// <exception cref="StandardNotFoundException">The starting version is not in the catalogue.</exception>
    public IReadOnlyList<StandardReference> Lineage(StandardReference reference)
    {
        var lineage = new List<StandardReference>();
        var current = Get(reference);
        while (true)
        {
            lineage.Add(current.Reference);
            var next = current.DerivedFrom?.Parent ?? current.Supersedes;
            if (next is null || lineage.Contains(next))
            {
                break;
            }

            var parent = Find(next);
            if (parent is null)
            {
                lineage.Add(next);
                break;
            }

            current = parent;
        }

        return lineage;
    }

    /// <summary>The crosswalk from one version to another, if the catalogue has one.</summary>
    /// <param name="from">The source version.</param>
    /// <param name="to">The target version.</param>
    /// <returns>The crosswalk, or null.</returns>
    public Crosswalk? FindCrosswalk(StandardReference from, StandardReference to) =>
        Crosswalks.FirstOrDefault(c => c.From == from && c.To == to);

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDocumentException(name, null, "the embedded resource is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
