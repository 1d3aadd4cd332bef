using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace LocalGov.Postcodes;

/// <summary>
/// A UK postcode in its normal form (upper case, one space before the inward code, e.g. <c>SW1A 1AA</c>).
/// </summary>
/// <remarks>
/// <para>
/// Parsing ignores case and any whitespace, and accepts the format postcodes.io accepts (outward code: one or two
/// letters, a digit, then an optional letter or digit; inward code: a digit and two letters), so a value that
/// parses here is one postcodes.io will look up rather than reject as <c>Invalid postcode</c>. It also accepts the
/// non-geographic special cases <c>GIR 0AA</c> (Girobank) and the British Overseas Territories' codes
/// (<c>ASCN 1ZZ</c>, <c>BBND 1ZZ</c>, <c>BIQQ 1ZZ</c>, <c>FIQQ 1ZZ</c>, <c>PCRN 1ZZ</c>, <c>SIQQ 1ZZ</c>,
/// <c>STHL 1ZZ</c>, <c>TDCU 1ZZ</c>, <c>TKCA 1ZZ</c>); Gibraltar (<c>GX11 1AA</c>) follows the normal format.
/// </para>
/// <para>A valid format does not mean the postcode exists: only a lookup can tell that.</para>
/// <para>
/// Ordering is by area, then district number, then the rest of the outward code, then inward code, so
/// <c>AB2 1AA</c> sorts before <c>AB10 1AA</c>. The <see langword="default"/> value is empty and sorts first.
/// </para>
/// </remarks>
[JsonConverter(typeof(PostcodeJsonConverter))]
public readonly struct Postcode : IEquatable<Postcode>, IComparable<Postcode>, IComparable, ISpanParsable<Postcode>, ISpanFormattable
{
    private const int MaxInputLength = 64;

    private static readonly string[] SpecialCases =
    [
        "GIR 0AA", "ASCN 1ZZ", "BBND 1ZZ", "BIQQ 1ZZ", "FIQQ 1ZZ", "PCRN 1ZZ", "SIQQ 1ZZ", "STHL 1ZZ", "TDCU 1ZZ", "TKCA 1ZZ",
    ];

    private readonly string? _value;

    private Postcode(string value) => _value = value;

    /// <summary>The normalised postcode, e.g. <c>SW1A 1AA</c>; empty for the <see langword="default"/> value.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for the <see langword="default"/> value, which holds no postcode.</summary>
    public bool IsEmpty => _value is null;

    /// <summary>The outward code (the part before the space), e.g. <c>SW1A</c>.</summary>
    public string OutwardCode => _value is null ? string.Empty : _value[.._value.IndexOf(' ', StringComparison.Ordinal)];

    /// <summary>The inward code (the last three characters), e.g. <c>1AA</c>.</summary>
    public string InwardCode => _value is null ? string.Empty : _value[^3..];

    /// <summary>The postcode area: the leading letters of the outward code, e.g. <c>SW</c>; the whole outward code for the special cases.</summary>
    public string Area
    {
        get
        {
            if (_value is null)
            {
                return string.Empty;
            }

            var outward = OutwardCode;
            if (IsSpecialCase)
            {
                return outward;
            }

            var letters = 0;
            while (letters < outward.Length && char.IsAsciiLetter(outward[letters]))
            {
                letters++;
            }

            return outward[..letters];
        }
    }

    /// <summary>The postcode district, which is the outward code, e.g. <c>SW1A</c>.</summary>
    public string District => OutwardCode;

    /// <summary>The postcode sector: the outward code, a space and the inward digit, e.g. <c>SW1A 1</c>.</summary>
    public string Sector => _value is null ? string.Empty : _value[..^2];

    /// <summary>The unit: the inward code's two letters, e.g. <c>AA</c>.</summary>
    public string Unit => _value is null ? string.Empty : _value[^2..];

    /// <summary>True for <c>GIR 0AA</c> and the Overseas Territories' codes, which do not follow the normal format.</summary>
    public bool IsSpecialCase => _value is not null && Array.IndexOf(SpecialCases, _value) >= 0;

    /// <summary>Parses a postcode, ignoring case and whitespace.</summary>
    /// <param name="s">The text, e.g. <c>sw1a1aa</c>.</param>
    /// <returns>The normalised postcode.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not a UK postcode.</exception>
    public static Postcode Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan());
    }

    /// <summary>Parses a postcode, ignoring case and whitespace.</summary>
    /// <param name="s">The text.</param>
    /// <returns>The normalised postcode.</returns>
    /// <exception cref="FormatException"><paramref name="s"/> is not a UK postcode.</exception>
    public static Postcode Parse(ReadOnlySpan<char> s) =>
        TryParse(s, out var result)
            ? result
            : throw new FormatException($"'{Excerpt(s)}' is not a UK postcode (expected e.g. 'SW1A 1AA': outward code, then a digit and two letters).");

    /// <summary>Tries to parse a postcode, ignoring case and whitespace. Never throws.</summary>
    /// <param name="s">The text, or null.</param>
    /// <param name="result">The normalised postcode, or <see langword="default"/> when parsing fails.</param>
    /// <returns>True when <paramref name="s"/> is a UK postcode.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out Postcode result) => TryParse(s.AsSpan(), out result);

    // Postcodes do not depend on culture: the provider forms exist for generic parsing (ISpanParsable) only.
    static Postcode IParsable<Postcode>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<Postcode>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Postcode result) => TryParse(s, out result);

    static Postcode ISpanParsable<Postcode>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<Postcode>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Postcode result) => TryParse(s, out result);

    /// <summary>Tries to parse a postcode, ignoring case and whitespace. Never throws.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The normalised postcode, or <see langword="default"/> when parsing fails.</param>
    /// <returns>True when <paramref name="s"/> is a UK postcode.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out Postcode result)
    {
        result = default;
        if (s.Length > MaxInputLength)
        {
            return false;
        }

        // Compact form: upper case, no whitespace; at most 7 characters for any valid postcode.
        Span<char> compact = stackalloc char[8];
        var length = 0;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (length == compact.Length || !char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }

            compact[length++] = char.ToUpperInvariant(c);
        }

        if (length < 5 || length > 7)
        {
            return false;
        }

        var outward = compact[..(length - 3)];
        var inward = compact[(length - 3)..length];
        if (!char.IsAsciiDigit(inward[0]) || !char.IsAsciiLetter(inward[1]) || !char.IsAsciiLetter(inward[2]))
        {
            return false;
        }

        if (!IsNormalOutward(outward) && !IsSpecialCaseCompact(compact[..length]))
        {
            return false;
        }

        result = new Postcode(string.Concat(outward, " ", inward));
        return true;
    }

    /// <summary>True when <paramref name="s"/> is a UK postcode in any spacing or case.</summary>
    /// <param name="s">The text, or null.</param>
    /// <returns>Whether it parses.</returns>
    public static bool IsValid([NotNullWhen(true)] string? s) => TryParse(s, out _);

    private static bool IsNormalOutward(ReadOnlySpan<char> outward)
    {
        // A9, A9A, A99, AA9, AA9A, AA99 (letters position-agnostic, as postcodes.io's own check).
        if (outward.Length < 2 || !char.IsAsciiLetter(outward[0]))
        {
            return false;
        }

        var i = char.IsAsciiLetter(outward[1]) ? 2 : 1;
        if (i >= outward.Length || !char.IsAsciiDigit(outward[i]))
        {
            return false;
        }

        i++;
        return i == outward.Length || (i == outward.Length - 1 && char.IsAsciiLetterOrDigit(outward[i]));
    }

    private static bool IsSpecialCaseCompact(ReadOnlySpan<char> compact)
    {
        foreach (var special in SpecialCases)
        {
            var space = special.IndexOf(' ', StringComparison.Ordinal);
            if (compact.Length == special.Length - 1
                && compact[..space].SequenceEqual(special.AsSpan(0, space))
                && compact[space..].SequenceEqual(special.AsSpan(space + 1)))
            {
                return true;
            }
        }

        return false;
    }

    private static string Excerpt(ReadOnlySpan<char> s) => s.Length <= 40 ? s.ToString() : string.Concat(s[..40], "…");

    /// <inheritdoc />
    public bool Equals(Postcode other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Postcode other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc />
    public int CompareTo(Postcode other)
    {
        if (_value is null || other._value is null)
        {
            return (_value is null).CompareTo(other._value is null) * -1;
        }

        var byArea = string.CompareOrdinal(Area, other.Area);
        if (byArea != 0)
        {
            return byArea;
        }

        var (number, rest) = DistrictParts(OutwardCode, Area.Length);
        var (otherNumber, otherRest) = DistrictParts(other.OutwardCode, other.Area.Length);
        var byNumber = number.CompareTo(otherNumber);
        if (byNumber != 0)
        {
            return byNumber;
        }

        var byRest = string.CompareOrdinal(rest, otherRest);
        if (byRest != 0)
        {
            return byRest;
        }

        var byInward = string.CompareOrdinal(InwardCode, other.InwardCode);

        // Keeps the order consistent with equality where a district is written with a leading zero (AB01 vs AB1).
        return byInward != 0 ? byInward : string.CompareOrdinal(_value, other._value);
    }

    private static (int Number, string Remainder) DistrictParts(string outward, int areaLength)
    {
        var i = areaLength;
        var number = 0;
        while (i < outward.Length && char.IsAsciiDigit(outward[i]) && i < areaLength + 2)
        {
            number = (number * 10) + (outward[i] - '0');
            i++;
        }

        return (number, outward[i..]);
    }

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Postcode other => CompareTo(other),
        _ => throw new ArgumentException($"Cannot compare a {nameof(Postcode)} with a {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>The normalised postcode, e.g. <c>SW1A 1AA</c>.</summary>
    /// <returns>The normalised text, empty for the <see langword="default"/> value.</returns>
    public override string ToString() => Value;

    /// <summary>Formats the postcode: <c>G</c> (or none) normal form <c>SW1A 1AA</c>, <c>C</c> compact <c>SW1A1AA</c>.</summary>
    /// <param name="format">The format, or null.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The formatted text.</returns>
    /// <exception cref="FormatException">The format is not <c>G</c> or <c>C</c>.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider) => format switch
    {
        null or "" or "G" or "g" => Value,
        "C" or "c" => Value.Replace(" ", string.Empty, StringComparison.Ordinal),
        _ => throw new FormatException($"Unknown postcode format '{format}': use 'G' (SW1A 1AA) or 'C' (SW1A1AA)."),
    };

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var text = ToString(format.IsEmpty ? null : format.ToString(), provider);
        if (text.AsSpan().TryCopyTo(destination))
        {
            charsWritten = text.Length;
            return true;
        }

        charsWritten = 0;
        return false;
    }

    /// <summary>Equality.</summary>
    /// <param name="left">The first postcode.</param>
    /// <param name="right">The second postcode.</param>
    /// <returns>Whether they are the same postcode.</returns>
    public static bool operator ==(Postcode left, Postcode right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The first postcode.</param>
    /// <param name="right">The second postcode.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Postcode left, Postcode right) => !left.Equals(right);

    /// <summary>Ordering.</summary>
    /// <param name="left">The first postcode.</param>
    /// <param name="right">The second postcode.</param>
    /// <returns>Whether <paramref name="left"/> sorts first.</returns>
    public static bool operator <(Postcode left, Postcode right) => left.CompareTo(right) < 0;

    /// <summary>Ordering.</summary>
    /// <param name="left">The first postcode.</param>
    /// <param name="right">The second postcode.</param>
    /// <returns>Whether <paramref name="left"/> sorts first or equal.</returns>
    public static bool operator <=(Postcode left, Postcode right) => left.CompareTo(right) <= 0;

    /// <summary>Ordering.</summary>
    /// <param name="left">The first postcode.</param>
    /// <param name="right">The second postcode.</param>
    /// <returns>Whether <paramref name="left"/> sorts last.</returns>
    public static bool operator >(Postcode left, Postcode right) => left.CompareTo(right) > 0;

    /// <summary>Ordering.</summary>
    /// <param name="left">The first postcode.</param>
    /// <param name="right">The second postcode.</param>
    /// <returns>Whether <paramref name="left"/> sorts last or equal.</returns>
    public static bool operator >=(Postcode left, Postcode right) => left.CompareTo(right) >= 0;
}
