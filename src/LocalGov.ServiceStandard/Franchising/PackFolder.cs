using System.Text;
using System.Text.RegularExpressions;
using LocalGov.ServiceStandard.Serialization;

namespace LocalGov.ServiceStandard.Franchising;

/// <summary>
/// Writes a pack to a folder and reads it back, so one region can hand its material to another (or put it in git):
/// <c>pack.json</c> holds everything but the material bodies, which are <c>sessions/&lt;session&gt;/&lt;material&gt;.md</c>.
/// </summary>
public static partial class PackFolder
{
    /// <summary>The metadata file's name.</summary>
    public const string ManifestFileName = "pack.json";

    /// <summary>Writes <paramref name="pack"/> into <paramref name="folder"/> (created if missing; existing pack files are overwritten).</summary>
    /// <param name="pack">The pack.</param>
    /// <param name="folder">The folder.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>A task that completes when the files are written.</returns>
    /// <exception cref="InvalidDocumentException">A session or material id cannot be used as a file name.</exception>
    public static async Task ExportAsync(PeerGroupPack pack, string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        foreach (var session in pack.Sessions)
        {
            RequireSafeName(session.Id, folder, "session id");
            foreach (var material in session.Materials)
            {
                RequireSafeName(material.Id, folder, "material id");
            }
        }

        Directory.CreateDirectory(folder);
        var manifest = pack with
        {
            Sessions = [.. pack.Sessions.Select(s => s with { Materials = [.. s.Materials.Select(m => m with { Markdown = string.Empty })] })],
        };
        await File.WriteAllTextAsync(Path.Combine(folder, ManifestFileName), ServiceStandardJson.Serialize(manifest), Encoding.UTF8, cancellationToken).ConfigureAwait(false);
        foreach (var session in pack.Sessions)
        {
            var sessionFolder = Path.Combine(folder, "sessions", session.Id);
            Directory.CreateDirectory(sessionFolder);
            foreach (var material in session.Materials)
            {
                await File.WriteAllTextAsync(Path.Combine(sessionFolder, material.Id + ".md"), material.Markdown, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Reads a pack written by <see cref="ExportAsync"/> (and possibly revised by hand).</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The pack, with material bodies from the Markdown files.</returns>
    /// <exception cref="InvalidDocumentException">The manifest is missing or invalid, or a material file is missing.</exception>
    public static async Task<PeerGroupPack> ImportAsync(string folder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var manifestPath = Path.Combine(folder, ManifestFileName);
        if (!File.Exists(manifestPath))
        {
            throw new InvalidDocumentException(folder, null, $"no {ManifestFileName} in the folder; is it an exported pack?");
        }

        var manifest = ServiceStandardJson.DeserializePack(await File.ReadAllTextAsync(manifestPath, cancellationToken).ConfigureAwait(false), manifestPath);
        var sessions = new List<PackSession>();
        foreach (var session in manifest.Sessions)
        {
            RequireSafeName(session.Id, manifestPath, "session id");
            var materials = new List<PackMaterial>();
            foreach (var material in session.Materials)
            {
                RequireSafeName(material.Id, manifestPath, "material id");
                var path = Path.Combine(folder, "sessions", session.Id, material.Id + ".md");
                if (!File.Exists(path))
                {
                    throw new InvalidDocumentException(folder, $"sessions/{session.Id}/{material.Id}.md", "the material file listed in pack.json is missing");
                }

                materials.Add(material with { Markdown = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) });
            }

            sessions.Add(session with { Materials = materials });
        }

        return manifest with { Sessions = sessions };
    }

    private static void RequireSafeName(string name, string source, string what)
    {
        if (!SafeName().IsMatch(name ?? string.Empty))
        {
            throw new InvalidDocumentException(source, null, $"{what} '{name}' cannot be used as a file name (use letters, digits, '-' and '_')");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeName();
}
