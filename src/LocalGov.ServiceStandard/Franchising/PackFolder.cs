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

    /// <summary>
    /// Writes <paramref name="pack"/> into <paramref name="folder"/>, which must be missing or empty; see
    /// <see cref="ExportAsync(PeerGroupPack, string, bool, CancellationToken)"/> to write over an earlier export.
    /// </summary>
    /// <param name="pack">The pack.</param>
    /// <param name="folder">The folder.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>A task that completes when the files are written.</returns>
    /// <exception cref="InvalidDocumentException">A session or material id cannot be used as a file name.</exception>
    /// <exception cref="UnsafePathException">The folder is not empty, is a file or a link, or holds a link where a pack file or folder goes.</exception>
    public static Task ExportAsync(PeerGroupPack pack, string folder, CancellationToken cancellationToken = default) =>
        ExportAsync(pack, folder, overwrite: false, cancellationToken);

    /// <summary>
    /// Writes <paramref name="pack"/> into <paramref name="folder"/> (created if missing). Only regular files inside the
    /// folder are written: a symbolic link where the folder, <c>sessions/</c>, a session folder or a file goes is refused,
    /// never written through, and each file is written beside its destination and renamed into place.
    /// </summary>
    /// <param name="pack">The pack.</param>
    /// <param name="folder">The folder.</param>
    /// <param name="overwrite">Whether a folder that is not empty may be written into (its pack files are replaced; other files are left alone).</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>A task that completes when the files are written.</returns>
    /// <exception cref="InvalidDocumentException">A session or material id cannot be used as a file name.</exception>
    /// <exception cref="UnsafePathException">The folder is not empty (and <paramref name="overwrite"/> is false), is a file or a link, or holds a link where a pack file or folder goes.</exception>
    public static async Task ExportAsync(PeerGroupPack pack, string folder, bool overwrite, CancellationToken cancellationToken = default)
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

        ContainedFiles.PrepareOutputFolder(folder, overwrite);
        var manifest = pack with
        {
            Sessions = [.. pack.Sessions.Select(s => s with { Materials = [.. s.Materials.Select(m => m with { Markdown = string.Empty })] })],
        };
        await ContainedFiles.WriteTextAsync(folder, ManifestFileName, ServiceStandardJson.Serialize(manifest), cancellationToken).ConfigureAwait(false);
        foreach (var session in pack.Sessions)
        {
            foreach (var material in session.Materials)
            {
                await ContainedFiles.WriteTextAsync(folder, $"sessions/{session.Id}/{material.Id}.md", material.Markdown, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Reads a pack written by <see cref="ExportAsync(PeerGroupPack, string, CancellationToken)"/> (and possibly revised by
    /// hand). Only regular files inside the folder are read: a symbolic link (the manifest, <c>sessions/</c>, a session
    /// folder, a material) is refused rather than followed, and a FIFO or device is refused without being opened for a
    /// blocking read. Each file may be at most 16 MiB.
    /// </summary>
    /// <param name="folder">The folder.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The pack, with material bodies from the Markdown files.</returns>
    /// <exception cref="InvalidDocumentException">The manifest is missing or invalid, or a material file is missing.</exception>
    /// <exception cref="UnsafePathException">A file or folder of the pack is a link, not a regular file, or too large.</exception>
    public static async Task<PeerGroupPack> ImportAsync(string folder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var manifestPath = Path.Combine(folder, ManifestFileName);
        var manifestText = await ContainedFiles.ReadTextAsync(folder, ManifestFileName, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDocumentException(folder, null, $"no {ManifestFileName} in the folder; is it an exported pack?");
        var manifest = ServiceStandardJson.DeserializePack(manifestText, manifestPath);
        var sessions = new List<PackSession>();
        foreach (var session in manifest.Sessions)
        {
            RequireSafeName(session.Id, manifestPath, "session id");
            var materials = new List<PackMaterial>();
            foreach (var material in session.Materials)
            {
                RequireSafeName(material.Id, manifestPath, "material id");
                var relative = $"sessions/{session.Id}/{material.Id}.md";
                var markdown = await ContainedFiles.ReadTextAsync(folder, relative, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidDocumentException(folder, relative, "the material file listed in pack.json is missing");
                materials.Add(material with { Markdown = markdown });
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
