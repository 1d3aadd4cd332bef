using System.Text;
using CsCheck;

namespace LocalGov.ModernGov.Tests.Parsing;

public sealed class ModernGovTextTests
{
    [Theory]
    [InlineData("10.00 am", 10, 0)]
    [InlineData("2.00 pm", 14, 0)]
    [InlineData("12.00 pm", 12, 0)]
    [InlineData("12.30 am", 0, 30)]
    [InlineData("12.00noon", 12, 0)]
    [InlineData("6.30pm", 18, 30)]
    [InlineData("14:30", 14, 30)]
    [InlineData("09:15:00", 9, 15)]
    [InlineData("10am", 10, 0)]
    public void Times_are_read_in_every_form_seen(string text, int hour, int minute) =>
        Assert.Equal(new TimeOnly(hour, minute), ModernGovText.ParseTime(text));

    [Theory]
    [InlineData("")]
    [InlineData("TBC")]
    [InlineData("13.00 pm")]
    [InlineData("25:00")]
    public void Times_that_are_not_times_are_null(string text) => Assert.Null(ModernGovText.ParseTime(text));

    [Theory]
    [InlineData("10/02/2026", 2026, 2, 10)]
    [InlineData("1/2/2026", 2026, 2, 1)]
    [InlineData("10/02/2026 00:00:00", 2026, 2, 10)]
    [InlineData("19/04/2018, 10:52", 2018, 4, 19)]
    public void Dates_are_day_first(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), ModernGovText.ParseDate(text));

    [Fact]
    public void Date_times_keep_the_time() =>
        Assert.Equal(new DateTime(2018, 4, 19, 10, 52, 0), ModernGovText.ParseDateTime("19/04/2018, 10:52"));

    [Theory]
    [InlineData(" 3", 3)]
    [InlineData("\n  12 ", 12)]
    public void Padded_counts_are_trimmed(string text, int expected) => Assert.Equal(expected, ModernGovText.ParseInt(text));

    [Theory]
    [InlineData("True", true)]
    [InlineData("False", false)]
    [InlineData("true", true)]
    public void Booleans_are_read(string text, bool expected) => Assert.Equal(expected, ModernGovText.ParseBool(text));

    [Theory]
    [InlineData("\r\n    ")]
    [InlineData("unspecified")]
    [InlineData("")]
    public void Blank_and_unspecified_are_null(string text) => Assert.Null(ModernGovText.Clean(text));

    [Theory]
    [InlineData("&quot;Tangmeer&quot;", "\"Tangmeer\"")]
    [InlineData("Labour &amp; Co-operative", "Labour & Co-operative")]
    [InlineData("O&#39;Brien", "O'Brien")]
    [InlineData("A &amp;amp; B", "A & B")]
    [InlineData("Green & Valley", "Green & Valley")]
    public void Text_escaped_twice_is_decoded_twice(string onceDecoded, string expected) =>
        Assert.Equal(expected, ModernGovText.Clean(onceDecoded));

    [Fact]
    public void Html_is_kept_and_unescaped_once_more_when_escaped_twice()
    {
        Assert.Equal("<p>x</p>", ModernGovText.CleanHtml("&lt;p&gt;x&lt;/p&gt;"));
        Assert.Equal("<p>a &amp; b</p>", ModernGovText.CleanHtml("<p>a &amp; b</p>"));
    }

    [Fact]
    public void Plain_text_of_html_drops_tags_scripts_and_entities()
    {
        var text = ModernGovText.HtmlToPlainText("<div><p>One&nbsp;&amp; two</p><script>var x = 1;</script><p>Three</p><br/>four</div>");

        Assert.Equal("One & two\nThree\nfour", text);
    }

    [Fact]
    public void Dates_are_sent_day_first_never_iso() =>
        Assert.Equal("05/01/2026", ModernGovText.FormatDate(new DateOnly(2026, 1, 5)));

    /// <summary>Values shaped like Modern.Gov's: digits, separators, padding, words, a few non-ASCII characters.</summary>
    private static readonly Gen<string> ValueLike = Gen.OneOf(
        Gen.String[Gen.Char["0123456789/ ,T:-+\t\r\n"], 0, 24],
        Gen.Select(Gen.Int[0, 35], Gen.Int[0, 14], Gen.Int[0, 10000]).Select((d, m, y) => $"{d:00}/{m:00}/{y:0000}"),
        Gen.Select(Gen.Long, Gen.String[Gen.Char[" \u00A0\t"], 0, 3]).Select((n, pad) => pad + n + pad),
        Gen.OneOf(Gen.Const("True"), Gen.Const("false"), Gen.Const(" YES "), Gen.Const("0"), Gen.Const("unspecified"), Gen.Const("\u00A012\u00A0")));

    [Fact]
    public void Values_parsed_from_utf8_agree_with_the_character_parsers_or_defer_to_them()
    {
        // The byte parsers are a fast path: each must give the character parser's answer, or null to let it decide.
        ValueLike.Sample(text =>
        {
            var utf8 = Encoding.UTF8.GetBytes(text);
            Assert.True(ModernGovText.ParseDate(utf8) is not { } date || date == ModernGovText.ParseDate(text), text);
            Assert.True(ModernGovText.ParseLong(utf8) is not { } number || number == ModernGovText.ParseLong(text), text);
            Assert.True(ModernGovText.ParseInt(utf8) is not { } count || count == ModernGovText.ParseInt(text), text);
            Assert.True(ModernGovText.ParseBool(utf8) is not { } flag || flag == ModernGovText.ParseBool(text), text);
        }, iter: 5000);
    }

    [Theory]
    [InlineData("05/05/2011", 2011, 5, 5)]
    [InlineData(" 31/12/2025 00:00:00 ", 2025, 12, 31)]
    [InlineData("19/04/2018, 10:52", 2018, 4, 19)]
    public void The_usual_date_form_is_read_straight_from_utf8(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), ModernGovText.ParseDate(Encoding.UTF8.GetBytes(text)));

    [Theory]
    [InlineData("31/02/2025")]
    [InlineData("5/5/2011")]
    [InlineData("2011-05-05")]
    [InlineData("unspecified")]
    [InlineData("00/01/2020")]
    public void Other_date_forms_and_impossible_dates_are_left_to_the_character_parser(string text) =>
        Assert.Null(ModernGovText.ParseDate(Encoding.UTF8.GetBytes(text)));
}
