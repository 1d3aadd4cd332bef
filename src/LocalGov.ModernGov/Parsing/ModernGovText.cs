using System.Globalization;
using System.Net;
using System.Text;

namespace LocalGov.ModernGov;

/// <summary>
/// The value conventions of Modern.Gov XML: whitespace-only = absent, <c>unspecified</c> = absent, text HTML-escaped
/// before XML-escaping (decode twice), <c>True</c>/<c>False</c>, space-padded counts, <c>dd/MM/yyyy</c> dates,
/// <c>10.00 am</c> times and <c>dd/MM/yyyy, HH:mm</c> date-times.
/// </summary>
internal static class ModernGovText
{
    private const int MaxDecodePasses = 3;

    private static ReadOnlySpan<byte> AsciiWhitespace => " \t\r\n"u8;

    private static readonly System.Buffers.SearchValues<char> TagNameEnd = System.Buffers.SearchValues.Create(" \t\r\n/>");

    /// <summary>Trims, maps empty and <c>unspecified</c> to null, and undoes the server's extra HTML escaping.</summary>
    public static string? Clean(string? raw)
    {
        if (raw is null)
        {
            return null;
        }

        var span = raw.AsSpan().Trim();
        if (span.IsEmpty || span.Equals("unspecified", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var text = span.Length == raw.Length ? raw : span.ToString();
        return text.Contains('&', StringComparison.Ordinal) ? DecodeEntities(text) : text;
    }

    /// <summary>Decodes HTML entities repeatedly (text may have been escaped more than once) until none remain.</summary>
    public static string DecodeEntities(string text)
    {
        for (var pass = 0; pass < MaxDecodePasses && text.Contains('&', StringComparison.Ordinal); pass++)
        {
            var decoded = WebUtility.HtmlDecode(text);
            if (string.Equals(decoded, text, StringComparison.Ordinal))
            {
                break;
            }

            text = decoded;
        }

        return text;
    }

    /// <summary>Keeps HTML as HTML; unescapes it once more when the server escaped the markup twice.</summary>
    public static string? CleanHtml(string? raw)
    {
        if (raw is null)
        {
            return null;
        }

        var text = raw.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (!text.Contains('<', StringComparison.Ordinal) && text.Contains("&lt;", StringComparison.OrdinalIgnoreCase))
        {
            text = WebUtility.HtmlDecode(text);
        }

        return text;
    }

    public static bool? ParseBool(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        if (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("1", StringComparison.Ordinal) || value.Equals("yes", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (value.Equals("false", StringComparison.OrdinalIgnoreCase) || value.Equals("0", StringComparison.Ordinal) || value.Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return null;
    }

    public static bool? ParseBool(ReadOnlySpan<byte> utf8)
    {
        utf8 = utf8.Trim(AsciiWhitespace);
        if (Ascii.EqualsIgnoreCase(utf8, "true"u8) || utf8.SequenceEqual("1"u8) || Ascii.EqualsIgnoreCase(utf8, "yes"u8))
        {
            return true;
        }

        if (Ascii.EqualsIgnoreCase(utf8, "false"u8) || utf8.SequenceEqual("0"u8) || Ascii.EqualsIgnoreCase(utf8, "no"u8))
        {
            return false;
        }

        return null;
    }

    public static long? ParseLong(ReadOnlySpan<byte> utf8) =>
        long.TryParse(utf8.Trim(AsciiWhitespace), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result) ? result : null;

    public static int? ParseInt(ReadOnlySpan<byte> utf8) =>
        int.TryParse(utf8.Trim(AsciiWhitespace), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result) ? result : null;

    /// <summary>
    /// The form Modern.Gov nearly always sends, <c>dd/MM/yyyy</c> (optionally followed by a time), parsed without
    /// decoding; null for anything else, which <see cref="ParseDate(ReadOnlySpan{char})"/> then tries.
    /// </summary>
    public static DateOnly? ParseDate(ReadOnlySpan<byte> utf8)
    {
        utf8 = utf8.Trim(AsciiWhitespace);
        if (utf8.Length < 10 || (utf8.Length > 10 && utf8[10] is not ((byte)' ' or (byte)',' or (byte)'T')) || utf8[2] != (byte)'/' || utf8[5] != (byte)'/')
        {
            return null;
        }

        var day = Digits(utf8[..2]);
        var month = Digits(utf8.Slice(3, 2));
        var year = Digits(utf8.Slice(6, 4));
        return day >= 1 && month is >= 1 and <= 12 && year >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    /// <summary>The value of ASCII digits, or -1 when any byte is not one.</summary>
    private static int Digits(ReadOnlySpan<byte> utf8)
    {
        var value = 0;
        foreach (var b in utf8)
        {
            var digit = b - (byte)'0';
            if ((uint)digit > 9)
            {
                return -1;
            }

            value = (value * 10) + digit;
        }

        return value;
    }

    public static long? ParseLong(ReadOnlySpan<char> value) =>
        long.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result) ? result : null;

    public static int? ParseInt(ReadOnlySpan<char> value) =>
        int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result) ? result : null;

    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    public static DateOnly? ParseDate(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        // A date may carry a time ("10/02/2026 00:00:00", "19/04/2018, 10:52"): the date is the first token.
        var cut = value.IndexOfAny(' ', ',', 'T');
        if (cut > 0)
        {
            value = value[..cut];
        }

        return DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    public static TimeOnly? ParseTime(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        if (value.IsEmpty)
        {
            return null;
        }

        // "10.00 am", "2.00 pm", "12.00noon", "10am", "14:30", "14:30:00"
        var i = 0;
        var hour = ReadNumber(value, ref i, 2);
        if (hour < 0)
        {
            return null;
        }

        var minute = 0;
        var second = 0;
        if (i < value.Length && (value[i] == '.' || value[i] == ':'))
        {
            i++;
            minute = ReadNumber(value, ref i, 2);
            if (minute < 0)
            {
                return null;
            }

            if (i < value.Length && value[i] == ':')
            {
                i++;
                second = ReadNumber(value, ref i, 2);
                if (second < 0)
                {
                    return null;
                }
            }
        }

        var suffix = value[i..].Trim();
        if (suffix.StartsWith("pm", StringComparison.OrdinalIgnoreCase) || suffix.StartsWith("p.m.", StringComparison.OrdinalIgnoreCase))
        {
            if (hour is < 1 or > 12)
            {
                return null;
            }

            hour = hour == 12 ? 12 : hour + 12;
        }
        else if (suffix.StartsWith("am", StringComparison.OrdinalIgnoreCase) || suffix.StartsWith("a.m.", StringComparison.OrdinalIgnoreCase))
        {
            if (hour is < 1 or > 12)
            {
                return null;
            }

            hour = hour == 12 ? 0 : hour;
        }
        else if (suffix.StartsWith("noon", StringComparison.OrdinalIgnoreCase))
        {
            if (hour != 12)
            {
                return null;
            }
        }
        else if (suffix.StartsWith("midnight", StringComparison.OrdinalIgnoreCase))
        {
            hour = hour == 12 ? 0 : hour;
        }
        else if (!suffix.IsEmpty)
        {
            return null;
        }

        return hour is >= 0 and < 24 && minute is >= 0 and < 60 && second is >= 0 and < 60 ? new TimeOnly(hour, minute, second) : null;
    }

    public static DateTime? ParseDateTime(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        var date = ParseDate(value);
        if (date is null)
        {
            return null;
        }

        var cut = value.IndexOfAny(' ', ',', 'T');
        var rest = cut > 0 ? value[(cut + 1)..].TrimStart(", T") : [];
        if (rest.IsEmpty)
        {
            return date.Value.ToDateTime(TimeOnly.MinValue);
        }

        return ParseTime(rest) is { } time ? date.Value.ToDateTime(time) : null;
    }

    public static Uri? ParseUri(string? value) =>
        value is not null && Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : null;

    /// <summary>Formats a date the only way the service understands (<c>dd/MM/yyyy</c>; ISO dates are silently ignored).</summary>
    public static string FormatDate(DateOnly? date) =>
        date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? string.Empty;

    public static string FormatBool(bool value) => value ? "True" : "False";

    /// <summary>The text of an HTML fragment: tags dropped (blocks become line breaks), entities decoded, spaces collapsed.</summary>
    public static string HtmlToPlainText(string html)
    {
        var text = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<')
            {
                var end = html.IndexOf('>', i + 1);
                if (end < 0)
                {
                    break;
                }

                var tag = html.AsSpan(i + 1, end - i - 1).TrimStart('/');
                var nameLength = tag.IndexOfAny(TagNameEnd);
                var name = nameLength < 0 ? tag : tag[..nameLength];
                if (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase))
                {
                    if (html[i + 1] != '/')
                    {
                        var close = html.IndexOf("</" + name.ToString(), end, StringComparison.OrdinalIgnoreCase);
                        end = close < 0 ? html.Length - 1 : html.IndexOf('>', close) is var e && e >= 0 ? e : html.Length - 1;
                    }
                }
                else if (IsBlock(name))
                {
                    text.Append('\n');
                }

                i = end + 1;
                continue;
            }

            text.Append(c);
            i++;
        }

        var decoded = DecodeEntities(text.ToString()).Replace('\u00A0', ' ');
        return CollapseWhitespace(decoded);
    }

    private static bool IsBlock(ReadOnlySpan<char> name) =>
        name.Equals("p", StringComparison.OrdinalIgnoreCase) || name.Equals("div", StringComparison.OrdinalIgnoreCase)
        || name.Equals("br", StringComparison.OrdinalIgnoreCase) || name.Equals("li", StringComparison.OrdinalIgnoreCase)
        || name.Equals("tr", StringComparison.OrdinalIgnoreCase) || name.Equals("table", StringComparison.OrdinalIgnoreCase)
        || name.Equals("ul", StringComparison.OrdinalIgnoreCase) || name.Equals("ol", StringComparison.OrdinalIgnoreCase)
        || (name.Length == 2 && (name[0] == 'h' || name[0] == 'H') && char.IsAsciiDigit(name[1]));

    private static string CollapseWhitespace(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var line in text.Split('\n'))
        {
            var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                continue;
            }

            if (result.Length > 0)
            {
                result.Append('\n');
            }

            result.AppendJoin(' ', words);
        }

        return result.ToString();
    }

    private static int ReadNumber(ReadOnlySpan<char> value, ref int index, int maxDigits)
    {
        var start = index;
        var number = 0;
        while (index < value.Length && index - start < maxDigits && char.IsAsciiDigit(value[index]))
        {
            number = (number * 10) + (value[index] - '0');
            index++;
        }

        return index == start ? -1 : number;
    }
}
