using System.Text;

namespace LocalGov.Cli.Infrastructure;

/// <summary>
/// Makes text from elsewhere (a council's server, a file) safe to print on a terminal: ANSI escape sequences are
/// removed whole, other control characters (C0, DEL, C1) and bidirectional overrides are dropped, and line breaks and
/// tabs become spaces, so one value cannot forge lines or columns, recolour the screen or retitle the window.
/// </summary>
internal static class TerminalText
{
    private const char Escape = '\u001B';

    /// <summary>One line of output: line breaks and tabs become spaces.</summary>
    public static string? Clean(string? text) => Clean(text, keepNewLines: false);

    /// <summary>A message that may span lines (an error): line feeds are kept, everything else as <see cref="Clean(string?)"/>.</summary>
    public static string CleanMessage(string text) => Clean(text, keepNewLines: true)!;

    private static string? Clean(string? text, bool keepNewLines)
    {
        if (text is null || !NeedsCleaning(text))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == Escape)
            {
                i = SkipEscape(text, i);
                continue;
            }

            if (c == '\u009B')
            {
                // The one-character CSI: skip its parameters and final byte as for ESC [.
                i = SkipCsi(text, i + 1);
                continue;
            }

            if (c == '\n' && keepNewLines)
            {
                clean.Append(c);
            }
            else if (c is '\n' or '\r' or '\t')
            {
                clean.Append(' ');
            }
            else if (!char.IsControl(c) && !IsBidiControl(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    private static bool NeedsCleaning(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) || IsBidiControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';

    /// <summary>The index of the last character of the escape sequence starting at <paramref name="at"/>.</summary>
    private static int SkipEscape(string text, int at)
    {
        if (at + 1 >= text.Length)
        {
            return at;
        }

        var kind = text[at + 1];
        if (kind == '[')
        {
            return SkipCsi(text, at + 2);
        }

        if (kind is ']' or 'P' or '_' or '^' or 'X')
        {
            // OSC, DCS, APC, PM, SOS: up to BEL or ESC \ (the string terminator), or the end.
            for (var i = at + 2; i < text.Length; i++)
            {
                if (text[i] == '\u0007')
                {
                    return i;
                }

                if (text[i] == Escape && i + 1 < text.Length && text[i + 1] == '\\')
                {
                    return i + 1;
                }
            }

            return text.Length - 1;
        }

        // A two-character sequence (ESC c, ESC 7...), its intermediate bytes included.
        var j = at + 1;
        while (j < text.Length - 1 && text[j] is >= ' ' and <= '/')
        {
            j++;
        }

        return j;
    }

    private static int SkipCsi(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            // Parameter and intermediate bytes are 0x20–0x3F; the final byte is 0x40–0x7E.
            if (text[i] is >= '@' and <= '~')
            {
                return i;
            }

            if (text[i] is < ' ' or > '?')
            {
                return i - 1;
            }
        }

        return text.Length - 1;
    }
}
