using System.Globalization;

namespace LocalGov.Boundaries.Loading;

/// <summary>Reads JSON sources whole, but never more than the caller's cap, and without a leading UTF-8 BOM.</summary>
internal static class JsonInput
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static ReadOnlyMemory<byte> WithoutBom(ReadOnlyMemory<byte> json) => json.Span.StartsWith(Utf8Bom) ? json[3..] : json;

    public static ReadOnlyMemory<byte> ReadFile(string path, long maxBytes)
    {
        var length = new FileInfo(path).Length;
        if (length > maxBytes)
        {
            throw TooLarge(path, $"is {length.ToString(CultureInfo.InvariantCulture)} bytes", maxBytes);
        }

        using var stream = File.OpenRead(path);
        return Read(stream, path, maxBytes);
    }

    public static ReadOnlyMemory<byte> Read(Stream stream, string source, long maxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes || buffer.Length + read > Array.MaxLength)
            {
                throw TooLarge(source, "goes on past the limit", maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    /// <summary>System.Text.Json's complaint without its own position suffix (the line is reported separately), naming the depth cap when that was hit.</summary>
    public static string Problem(System.Text.Json.JsonException ex, int maxDepth)
    {
        var message = ex.Message;
        var position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (position >= 0)
        {
            message = message[..position];
        }

        return message.Contains("maximum configured depth", StringComparison.Ordinal)
            ? $"the JSON nests deeper than {maxDepth.ToString(CultureInfo.InvariantCulture)} levels (MaxNestingDepth)"
            : message;
    }

    private static BoundaryFileException TooLarge(string source, string what, long maxBytes) =>
        new(source, null, null, $"the JSON {what}, more than the {maxBytes.ToString(CultureInfo.InvariantCulture)}-byte limit (MaxJsonBytes); it was not read");
}
