using System.Text;
using LocalGov.Cli.Infrastructure;

namespace LocalGov.Cli.Standards;

/// <summary>
/// Checks an <c>--output</c> before anything is read or written: a folder output must not be a file, a link, an input,
/// or (without <c>--force</c>) a folder that is not empty; a file output must not be a folder, a link, an input, or
/// (without <c>--force</c>) an existing file. Each refusal is a usage error (exit 1) saying what to do.
/// </summary>
internal static class OutputPaths
{
    public static void CheckFolder(string output, bool force, params string[] inputs)
    {
        var full = Path.GetFullPath(output);
        if (IsLink(full))
        {
            throw new CliUsageException($"--output '{output}' is a symbolic link; name a real folder (links are not written through).");
        }

        if (File.Exists(full))
        {
            throw new CliUsageException($"--output '{output}' is a file; a pack is written as a folder, so name a folder that is missing or empty.");
        }

        foreach (var input in inputs)
        {
            var source = Resolve(Path.GetFullPath(input));
            var target = Resolve(full);
            if (IsSameOrInside(target, source))
            {
                throw new CliUsageException($"--output '{output}' is {(SamePath(target, source) ? "the input pack" : "inside the input pack")} '{input}'; write the new pack somewhere else.");
            }
        }

        if (!force && Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
        {
            throw new CliUsageException($"--output '{output}' exists and is not empty; name a new folder, or pass --force to write into it.");
        }
    }

    public static void CheckFile(string? output, bool force, params string?[] inputs)
    {
        if (output is null)
        {
            return;
        }

        var full = Path.GetFullPath(output);
        if (IsLink(full))
        {
            throw new CliUsageException($"--output '{output}' is a symbolic link; name a real file (links are not written through).");
        }

        if (Directory.Exists(full))
        {
            throw new CliUsageException($"--output '{output}' is a folder; name a file to write.");
        }

        foreach (var input in inputs)
        {
            if (input is not null && File.Exists(input) && SamePath(Resolve(Path.GetFullPath(input)), full))
            {
                throw new CliUsageException($"--output '{output}' is an input of this command; write somewhere else.");
            }
        }

        if (!force && File.Exists(full))
        {
            throw new CliUsageException($"--output '{output}' already exists; name a new file, or pass --force to replace it.");
        }
    }

    /// <summary>Writes beside the destination and renames into place, so a link planted meanwhile is replaced, not written through.</summary>
    public static async Task WriteFileAsync(string path, string text, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            throw new CliUsageException($"--output '{path}': the folder '{folder}' does not exist.");
        }

        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;

    private static string Resolve(string path)
    {
        try
        {
            return new DirectoryInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
        }
        catch (IOException)
        {
            return path;
        }
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static bool IsSameOrInside(string path, string folder)
    {
        var parent = Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar;
        return SamePath(path, folder) || path.StartsWith(parent, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }
}
