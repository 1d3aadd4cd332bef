using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace LocalGov.ServiceStandard.Franchising;

/// <summary>
/// Reads and writes files inside one folder only: no path component may be a symbolic link, only regular files are
/// read (a FIFO or device is refused without blocking on it), reads are capped, and writes go to a new file that is then
/// renamed into place, so a link planted at the destination is replaced, never written through.
/// </summary>
internal static class ContainedFiles
{
    /// <summary>Far beyond any real pack file (a material is a few kilobytes; a manifest well under a megabyte).</summary>
    internal const long MaxFileBytes = 16L * 1024 * 1024;

    /// <summary>The file's text, or null when it (or a folder on its way) is missing.</summary>
    public static async Task<string?> ReadTextAsync(string root, string relative, CancellationToken cancellationToken)
    {
        var path = CheckedPath(root, relative, forWriting: false);
        var info = new FileInfo(path);
        if (path.Length == 0 || !info.Exists)
        {
            return null;
        }

        var stream = OpenForReading(path);
        await using (stream.ConfigureAwait(false))
        {
            // Pipes and terminals cannot seek; devices such as /dev/zero seek but yield more than their stated length of 0.
            if (!stream.CanSeek)
            {
                throw new UnsafePathException(path, "not a regular file (a FIFO, socket or device), so it is not read");
            }

            var expected = info.Length;
            if (expected > MaxFileBytes)
            {
                throw new UnsafePathException(path, $"larger than the {MaxFileBytes / (1024 * 1024)} MiB a pack file may be");
            }

            var buffer = new byte[expected + 1];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
            }

            if (total > expected)
            {
                throw new UnsafePathException(path, "not a regular file (it yields more than its stated length), so it is not read");
            }

            var text = new UTF8Encoding(false, true);
            var bom = buffer.AsSpan(0, total).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
            try
            {
                return text.GetString(buffer, bom, total - bom);
            }
            catch (DecoderFallbackException)
            {
                throw new InvalidDocumentException(path, null, "the file is not UTF-8 text");
            }
        }
    }

    public static async Task WriteTextAsync(string root, string relative, string content, CancellationToken cancellationToken)
    {
        var path = CheckedPath(root, relative, forWriting: true);
        if (Directory.Exists(path))
        {
            throw new UnsafePathException(path, "a folder is in the way of the file to write");
        }

        var folder = Path.GetDirectoryName(path)!;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            // CreateNew refuses anything already at the name, a link included, so the bytes land in a file of our own.
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes(content), cancellationToken).ConfigureAwait(false);
            }

            // A rename replaces whatever is at the destination (a planted link too) rather than writing through it.
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The folder is refused when it is a link, a file, or (unless <paramref name="overwrite"/>) not empty.</summary>
    public static void PrepareOutputFolder(string folder, bool overwrite)
    {
        var full = Path.GetFullPath(folder);
        if (File.Exists(full) || new FileInfo(full).LinkTarget is not null)
        {
            throw new UnsafePathException(full, File.Exists(full) && new FileInfo(full).LinkTarget is null
                ? "a file is in the way: the output must be a folder"
                : "the output folder is a symbolic link, which is not written through");
        }

        if (Directory.Exists(full))
        {
            if (!overwrite && Directory.EnumerateFileSystemEntries(full).Any())
            {
                throw new UnsafePathException(full, "the output folder exists and is not empty (overwrite it explicitly, e.g. with --force)");
            }

            return;
        }

        Directory.CreateDirectory(full);
    }

    /// <summary>The full path of <paramref name="relative"/> under <paramref name="root"/>, every folder on the way checked (and, for writing, created).</summary>
    private static string CheckedPath(string root, string relative, bool forWriting)
    {
        var full = Path.GetFullPath(root);
        var current = full;
        var parts = relative.Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Length == 0 || part is "." or ".." || part.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || part.Contains(Path.AltDirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new UnsafePathException(Path.Combine(full, relative), "the path leaves the folder");
            }

            current = Path.Combine(current, part);
            var info = new FileInfo(current);
            if (info.LinkTarget is not null)
            {
                throw new UnsafePathException(current, $"a symbolic link (to {info.LinkTarget}), which is not followed");
            }

            if (i < parts.Length - 1)
            {
                if (File.Exists(current))
                {
                    throw new UnsafePathException(current, "a file where a folder should be");
                }

                if (!Directory.Exists(current))
                {
                    if (!forWriting)
                    {
                        return string.Empty;
                    }

                    Directory.CreateDirectory(current);
                }
            }
        }

        return current;
    }

    private static FileStream OpenForReading(string path)
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            // Opened without blocking, so a FIFO planted in the folder cannot hang the read; it is then refused as unseekable.
            var flags = OperatingSystem.IsLinux() ? 0x800 | 0x80000 : 0x4 | 0x1000000;
            var fd = NativeMethods.Open(Encoding.UTF8.GetBytes(path + "\0"), flags);
            if (fd < 0)
            {
                throw new IOException($"{path} could not be opened (error {Marshal.GetLastPInvokeError()})");
            }

            return new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.Read, 1);
        }

        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Open(byte[] utf8Path, int flags);
    }
}
