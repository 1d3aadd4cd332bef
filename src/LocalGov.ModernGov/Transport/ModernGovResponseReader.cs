using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace LocalGov.ModernGov;

/// <summary>
/// Turns an HTTP response into a model or a typed error: status checks, the body read up to a size cap, bodies that
/// are not Modern.Gov XML recognised, then the forward-only <see cref="Utf8XmlScanner"/>, which refuses any DTD (so no
/// entity expansion and nothing external is ever fetched).
/// </summary>
internal static partial class ModernGovResponseReader
{
    private const int SniffLength = 4096;
    private const int ExcerptLength = 300;

    /// <summary>
    /// Safe <see cref="XmlReader"/> settings for a council's body: no DTD (so no entity expansion), no resolver (so no file or
    /// network access). Production parses with <see cref="Utf8XmlScanner"/>; these serve the XDocument baseline benchmark.
    /// </summary>
    public static XmlReaderSettings CreateSettings(long maxCharacters) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = maxCharacters,
        IgnoreWhitespace = true,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        // Some installs emit control characters in free text; reading them beats failing the whole response.
        CheckCharacters = false,
        CloseInput = false,
    };

    /// <summary>
    /// A reader over a whole buffered body. The stream is presented as forward-only so the XML reader sizes its buffers
    /// for streaming (4 KB) rather than for the body's length; the XML reader still honours the declared encoding.
    /// </summary>
    public static XmlReader CreateXmlReader(MemoryStream body, long maxCharacters) =>
        XmlReader.Create(new ForwardOnlyStream(body), CreateSettings(maxCharacters));

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, ModernGovRequestContext context, long maxBytes, XmlLimits limits, ModernGovResponseShape<T> shape, CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        if (response.Content.Headers.ContentLength is { } declared && declared > maxBytes)
        {
            throw new ModernGovResponseTooLargeException(context, status, maxBytes);
        }

        var body = await ReadBodyAsync(response, context, maxBytes, cancellationToken).ConfigureAwait(false);
        ModernGovTelemetry.RecordResponse(context, (int)status, body.Length);
        var prefix = Prefix(body.GetBuffer(), (int)body.Length);
        var excerpt = Excerpt(prefix);

        if (!response.IsSuccessStatusCode)
        {
            ThrowForServiceError(prefix, context, status, excerpt);
            var kind = ContentSniffer.Classify(prefix);
            if (kind == ModernGovContentKind.FirewallChallenge || status == HttpStatusCode.Forbidden && kind is ModernGovContentKind.HtmlPage)
            {
                throw new ModernGovBlockedException("A firewall or bot wall refused the request", context, status, excerpt);
            }

            throw new ModernGovHttpException(
                status == HttpStatusCode.NotFound
                    ? "The server has no web service at this address (HTTP 404): check the base URL, which should be the folder holding mgWebService.asmx"
                    : "The server answered with an error status",
                context,
                status,
                excerpt);
        }

        if (ContentSniffer.ClassifyPrefix(prefix) is { } notXml)
        {
            // ASMX errors are plain text; only a body that is not XML can be one (an agenda may quote anything).
            ThrowForServiceError(prefix, context, status, excerpt);
            throw NotXml(notXml, context, status, excerpt);
        }

        var parseStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var cursor = new XmlCursor(Scanner(body.GetBuffer(), (int)body.Length, ignoreDeclaredEncoding: false, limits, cancellationToken));
            var root = cursor.MoveToRoot();
            if (root == "string" && shape.UnwrapsStrings)
            {
                // An ASMX method declared as returning a string wraps its XML as escaped text: parse the text instead.
                var inner = cursor.ReadRawText()?.Trim();
                if (inner is not null && inner.StartsWith('<'))
                {
                    // Already text, so its declaration's encoding (often utf-16) says nothing about these bytes.
                    var innerBytes = Encoding.UTF8.GetBytes(inner);
                    var innerCursor = new XmlCursor(Scanner(innerBytes, innerBytes.Length, ignoreDeclaredEncoding: true, limits, cancellationToken));
                    return ParseDocument(innerCursor, shape, context, status, excerpt, prefix);
                }

                throw new ModernGovUnexpectedContentException("The server answered with a text value, not Modern.Gov XML", context, status, excerpt, ModernGovContentKind.PlainText);
            }

            return ParseDocument(cursor, shape, context, status, excerpt, prefix, root);
        }
        catch (XmlLimitException ex)
        {
            throw new ModernGovLimitExceededException(ex, context, status, excerpt);
        }
        catch (XmlException ex)
        {
            var what = ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
                ? "The body carries a DTD, which is refused (entity expansion and external entities are never processed)"
                : $"The body is not well-formed XML: {ex.Message}";
            throw new ModernGovMalformedXmlException(what, context, status, excerpt, ex);
        }
        finally
        {
            ModernGovTelemetry.RecordParse(context, parseStarted);
        }
    }

    private static Utf8XmlScanner Scanner(byte[] data, int length, bool ignoreDeclaredEncoding, XmlLimits limits, CancellationToken cancellationToken)
    {
        var scanner = Utf8XmlScanner.Create(data, length, ignoreDeclaredEncoding, limits);
        scanner.CancellationToken = cancellationToken;
        return scanner;
    }

    private static T ParseDocument<T>(XmlCursor cursor, ModernGovResponseShape<T> shape, ModernGovRequestContext context, HttpStatusCode status, string? excerpt, string prefix, string? root = null)
    {
        root ??= cursor.MoveToRoot();
        if (ContentSniffer.ClassifyPrefix("<" + root + ">") is not null)
        {
            throw NotXml(ContentSniffer.Classify(prefix), context, status, excerpt);
        }

        if (!shape.AcceptsRoot(root))
        {
            throw new ModernGovUnexpectedContentException(
                $"The XML root element <{root}> is not what {context.Operation} returns ({shape.ExpectedRootsText})", context, status, excerpt, ModernGovContentKind.UnexpectedXml);
        }

        return shape.Parse(cursor, context, status, excerpt);
    }

    /// <summary>
    /// The start of the body as text, for recognising what it is and quoting it in errors: UTF-16 when a byte order mark
    /// says so (the scanner reads such bodies too), otherwise UTF-8, which every ASCII-based encoding's markup reads as.
    /// </summary>
    private static string Prefix(byte[] body, int length)
    {
        var span = body.AsSpan(0, length);
        Encoding encoding = span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? Encoding.Unicode
            : span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? Encoding.BigEndianUnicode
            : Encoding.UTF8;
        var bom = encoding == Encoding.UTF8 ? 0 : 2;
        var take = Math.Min(length - bom, encoding == Encoding.UTF8 ? SniffLength : SniffLength * 2);
        return encoding.GetString(span.Slice(bom, take));
    }

    internal static string? Excerpt(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var collapsed = WhiteSpace().Replace(text, " ").Trim();
        return collapsed.Length <= ExcerptLength ? collapsed : collapsed[..ExcerptLength] + "…";
    }

    private static ModernGovUnexpectedContentException NotXml(ModernGovContentKind kind, ModernGovRequestContext context, HttpStatusCode status, string? excerpt) => kind switch
    {
        ModernGovContentKind.FirewallChallenge => new ModernGovBlockedException("A firewall or bot wall answered instead of Modern.Gov", context, status, excerpt),
        ModernGovContentKind.JavaScriptRedirect => new ModernGovUnexpectedContentException("The server answered with a page that redirects the browser (often http:// to https://; check the base URL's scheme), not Modern.Gov XML", context, status, excerpt, kind),
        ModernGovContentKind.SharePointError => new ModernGovUnexpectedContentException("The server answered with a SharePoint error page, not Modern.Gov XML (the host now runs another site; check the base URL)", context, status, excerpt, kind),
        ModernGovContentKind.Empty => new ModernGovUnexpectedContentException("The server answered with an empty body, not Modern.Gov XML", context, status, excerpt, kind),
        ModernGovContentKind.PlainText => new ModernGovUnexpectedContentException("The server answered with plain text, not Modern.Gov XML", context, status, excerpt, kind),
        _ => new ModernGovUnexpectedContentException("The server answered with an HTML page, not Modern.Gov XML (check the base URL, and that the web service is enabled)", context, status, excerpt, kind),
    };

    /// <summary>ASP.NET web-service errors, usually HTTP 500 text: an unknown method or a missing parameter.</summary>
    private static void ThrowForServiceError(string prefix, ModernGovRequestContext context, HttpStatusCode status, string? excerpt)
    {
        if (prefix.Contains("method name is not valid", StringComparison.OrdinalIgnoreCase)
            || prefix.Contains("Request format is unrecognized for URL unexpectedly ending in", StringComparison.OrdinalIgnoreCase))
        {
            throw new ModernGovMethodNotAvailableException(context, status, excerpt);
        }

        var missing = MissingParameter().Match(prefix);
        if (missing.Success)
        {
            throw new ModernGovMissingParameterException(context, missing.Groups[1].Value, status, excerpt);
        }
    }

    private static async Task<MemoryStream> ReadBodyAsync(HttpResponseMessage response, ModernGovRequestContext context, long maxBytes, CancellationToken cancellationToken)
    {
        var declared = response.Content.Headers.ContentLength;
        var buffer = new MemoryStream(declared is > 0 ? (int)Math.Min(declared.Value, int.MaxValue) : 16 * 1024);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw new ModernGovResponseTooLargeException(context, response.StatusCode, maxBytes);
                }

                buffer.Write(chunk, 0, read);
            }
        }

        return buffer;
    }

    [GeneratedRegex(@"Missing parameter:?\s*'?([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MissingParameter();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
