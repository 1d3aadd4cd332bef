using System.Text.Json;
using System.Text.RegularExpressions;
using CsCheck;

namespace LocalGov.Postcodes.Tests;

public sealed partial class PostcodeTests
{
    private static readonly Gen<char> Letter = Gen.Char['A', 'Z'];
    private static readonly Gen<char> Digit = Gen.Char['0', '9'];

    // Outward: A9, A99, A9A, AA9, AA99, AA9A; inward: 9AA.
    private static readonly Gen<string> ValidNormal =
        Gen.Select(
            Gen.Int[1, 2].SelectMany(n => Letter.Array[n, n]),
            Digit,
            Gen.Frequency((1, Gen.Const(string.Empty)), (1, Letter.Select(c => c.ToString())), (1, Digit.Select(c => c.ToString()))),
            Digit,
            Letter.Array[2, 2],
            (area, d, extra, inDigit, unit) => $"{new string(area)}{d}{extra} {inDigit}{new string(unit)}");

    private static readonly Gen<string> Whitespace = Gen.Int[0, 6].Select(i => new[] { "", "", " ", "  ", "\t", "\u00A0", "\n" }[i]);

    [GeneratedRegex("^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$")]
    private static partial Regex CompactOracle();

    [Theory]
    [InlineData("SW1A 1AA", "SW1A 1AA", "SW1A", "1AA", "SW", "SW1A", "SW1A 1", "AA")]
    [InlineData("sw1a1aa", "SW1A 1AA", "SW1A", "1AA", "SW", "SW1A", "SW1A 1", "AA")]
    [InlineData("  ab10   1ab ", "AB10 1AB", "AB10", "1AB", "AB", "AB10", "AB10 1", "AB")]
    [InlineData("M11AE", "M1 1AE", "M1", "1AE", "M", "M1", "M1 1", "AE")]
    [InlineData("b338th", "B33 8TH", "B33", "8TH", "B", "B33", "B33 8", "TH")]
    [InlineData("CR2 6XH", "CR2 6XH", "CR2", "6XH", "CR", "CR2", "CR2 6", "XH")]
    [InlineData("DN55 1PT", "DN55 1PT", "DN55", "1PT", "DN", "DN55", "DN55 1", "PT")]
    [InlineData("W1A 0AX", "W1A 0AX", "W1A", "0AX", "W", "W1A", "W1A 0", "AX")]
    [InlineData("je24wd", "JE2 4WD", "JE2", "4WD", "JE", "JE2", "JE2 4", "WD")]
    [InlineData("SE1P 5ZZ", "SE1P 5ZZ", "SE1P", "5ZZ", "SE", "SE1P", "SE1P 5", "ZZ")]
    [InlineData("gir0aa", "GIR 0AA", "GIR", "0AA", "GIR", "GIR", "GIR 0", "AA")]
    [InlineData("STHL 1ZZ", "STHL 1ZZ", "STHL", "1ZZ", "STHL", "STHL", "STHL 1", "ZZ")]
    [InlineData("GX11 1AA", "GX11 1AA", "GX11", "1AA", "GX", "GX11", "GX11 1", "AA")]
    public void Parses_and_exposes_parts(string input, string normal, string outward, string inward, string area, string district, string sector, string unit)
    {
        var postcode = Postcode.Parse(input);
        Assert.Equal(normal, postcode.ToString());
        Assert.Equal(outward, postcode.OutwardCode);
        Assert.Equal(inward, postcode.InwardCode);
        Assert.Equal(area, postcode.Area);
        Assert.Equal(district, postcode.District);
        Assert.Equal(sector, postcode.Sector);
        Assert.Equal(unit, postcode.Unit);
        Assert.Equal(normal.Replace(" ", "", StringComparison.Ordinal), postcode.ToString("C", null));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("NOTAPOSTCODE")]
    [InlineData("hello")]
    [InlineData("SW1A 1A")]
    [InlineData("SW1A 1AAA")]
    [InlineData("1W1A 1AA")]
    [InlineData("SW1A AAA")]
    [InlineData("SW1A 11A")]
    [InlineData("SWAA 1AA")]
    [InlineData("SW1A-1AA")]
    [InlineData("ＳW1A 1AA")]
    [InlineData("GIR 0AB")]
    [InlineData("ASCN 2ZZ")]
    public void Rejects_what_is_not_a_postcode(string input)
    {
        Assert.False(Postcode.TryParse(input, out var result));
        Assert.True(result.IsEmpty);
        var ex = Assert.Throws<FormatException>(() => Postcode.Parse(input));
        Assert.Contains("not a UK postcode", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_and_default_are_handled()
    {
        Assert.False(Postcode.TryParse((string?)null, out _));
        Assert.Throws<ArgumentNullException>(() => Postcode.Parse(null!));
        var empty = default(Postcode);
        Assert.True(empty.IsEmpty);
        Assert.Equal(string.Empty, empty.ToString());
        Assert.Equal(string.Empty, empty.Area);
        Assert.True(empty < Postcode.Parse("A1 1AA"));
        Assert.Equal(0, empty.CompareTo(default));
        Assert.Equal(1, Postcode.Parse("A1 1AA").CompareTo(null));
    }

    [Fact]
    public void Very_long_input_is_rejected_without_throwing() =>
        Assert.False(Postcode.TryParse(new string(' ', 10_000) + "SW1A1AA", out _));

    [Fact]
    public void Orders_districts_numerically()
    {
        var sorted = new[] { "AB10 1AA", "AB2 1AA", "AB1 9ZZ", "AA9 1AA", "AB1 1AA", "B1 1AA" }.Select(s => Postcode.Parse(s)).Order().Select(p => p.Value).ToArray();
        Assert.Equal(["AA9 1AA", "AB1 1AA", "AB1 9ZZ", "AB2 1AA", "AB10 1AA", "B1 1AA"], sorted);
    }

    [Fact]
    public void Json_round_trips_as_a_string()
    {
        var postcode = Postcode.Parse("sw1a1aa");
        var json = JsonSerializer.Serialize(postcode);
        Assert.Equal("\"SW1A 1AA\"", json);
        Assert.Equal(postcode, JsonSerializer.Deserialize<Postcode>("\"sw1a 1aa\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Postcode>("\"nope\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Postcode>("42"));
    }

    [Fact]
    public void Span_parsing_matches_string_parsing()
    {
        Assert.True(Postcode.TryParse("xx  m1 1ae".AsSpan(4), out var fromSpan));
        Assert.Equal(Postcode.Parse("M1 1AE"), fromSpan);
        Assert.Equal(Postcode.Parse("M1 1AE"), Parse<Postcode>("m11ae"));

        static T Parse<T>(string s) where T : ISpanParsable<T> => T.Parse(s.AsSpan(), null);
    }

    [Fact]
    public void Property_any_spacing_and_case_parses_to_the_normal_form() =>
        Gen.Select(ValidNormal, Gen.Int, Whitespace.Array[9, 9])
            .Sample((normal, seed, spaces) =>
            {
                var random = new Random(seed);
                var compact = normal.Replace(" ", "", StringComparison.Ordinal);
                var noisy = string.Concat(compact.Select((c, i) => spaces[i % spaces.Length] + (random.Next(2) == 0 ? char.ToLowerInvariant(c) : c))) + spaces[^1];
                var parsed = Postcode.Parse(noisy);
                return parsed.Value == normal
                    && Postcode.Parse(parsed.ToString()) == parsed
                    && Postcode.Parse(parsed.ToString("C", null)) == parsed
                    && parsed.OutwardCode + " " + parsed.InwardCode == normal
                    && parsed.Sector + parsed.Unit == normal;
            });

    [Fact]
    public void Property_junk_never_throws_and_only_oracle_matches_parse() =>
        Gen.String.Sample(text =>
        {
            var ok = Postcode.TryParse(text, out var parsed);
            var compact = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
            var oracle = compact.All(char.IsAscii) && CompactOracle().IsMatch(compact);
            return ok == oracle && (!ok || parsed.Value.Replace(" ", "", StringComparison.Ordinal) == compact);
        });

    [Fact]
    public void Property_corrupting_one_character_is_rejected() =>
        Gen.Select(ValidNormal, Gen.Int[0, 7], Gen.Char["!-_/.,#@*£é0"])
            .Sample((normal, position, junk) =>
            {
                var chars = normal.ToCharArray();
                var index = position % chars.Length;
                if (chars[index] == ' ' || (junk == '0' && char.IsAsciiDigit(chars[index])))
                {
                    return true;
                }

                if (junk == '0' && index != chars.Length - 1 && index != chars.Length - 2)
                {
                    // A digit may legitimately replace a letter in the outward code (AB1C -> AB10).
                    return true;
                }

                chars[index] = junk;
                return !Postcode.TryParse(new string(chars), out _);
            });

    [Fact]
    public void Property_ordering_is_a_total_order_consistent_with_equality() =>
        Gen.Select(ValidNormal, ValidNormal, ValidNormal).Sample((a, b, c) =>
        {
            var (x, y, z) = (Postcode.Parse(a), Postcode.Parse(b), Postcode.Parse(c));
            var antisymmetric = Math.Sign(x.CompareTo(y)) == -Math.Sign(y.CompareTo(x));
            var consistent = (x.CompareTo(y) == 0) == (x == y) && (x != y || x.GetHashCode() == y.GetHashCode());
            var transitive = !(x <= y && y <= z) || x <= z;
            return antisymmetric && consistent && transitive;
        });
}
