using System.Text;
using CsCheck;
using LocalGov.ModernGov.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LocalGov.ModernGov.Tests.Robustness;

/// <summary>
/// The parser caps are options: a lowered cap is honoured on every shape (streaming and lenient), the typed error names
/// the cap, its value and the option that sets it, and a body just inside the cap still parses.
/// </summary>
public sealed class ParserLimitOptionTests
{
    private static string Councillor(string inner) =>
        $"<councillorsbyward><wards><ward><wardtitle>W</wardtitle><councillors><councillor><councillorid>1</councillorid>{inner}</councillor></councillors></ward></wards></councillorsbyward>";

    private static async Task<Exception?> Call(string body, Action<ModernGovCouncilOptions> configure, bool lenient)
    {
        var (client, _) = StubHandler.Client(body, configure: configure);
        try
        {
            if (lenient)
            {
                await client.GetParishCouncilsAsync(TestContext.Current.CancellationToken);
            }
            else
            {
                await client.GetCouncillorsByWardAsync(TestContext.Current.CancellationToken);
            }

            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    [Fact]
    public void A_lowered_field_cap_is_honoured_and_named()
    {
        Gen.Select(Gen.Int[1, 200], Gen.Int[0, 3], Gen.Bool).Sample((cap, over, lenient) =>
        {
            // The lenient shapes flatten every field (known ones too) up to four times the cap, but keep only the cap's worth unknown.
            var allowed = cap;
            var count = allowed + over;
            var notes = string.Concat(Enumerable.Range(0, count).Select(i => $"<note>n{i}</note>"));
            var body = lenient ? $"<parishcouncils><parishcouncil>{notes}</parishcouncil></parishcouncils>" : Councillor(notes);

            var error = Call(body, o => o.MaxFieldsPerRecord = cap, lenient).GetAwaiter().GetResult();

            if (over == 0)
            {
                Assert.Null(error);
                return;
            }

            var limit = Assert.IsType<ModernGovLimitExceededException>(error);
            Assert.Equal("fields per record", limit.Limit);
            Assert.Equal(allowed, limit.Maximum);
            Assert.Contains($"limit of {allowed:N0} fields per record", limit.Message, StringComparison.Ordinal);
            Assert.Contains("ModernGovCouncilOptions.MaxFieldsPerRecord", limit.Message, StringComparison.Ordinal);
        }, iter: 40);
    }

    [Fact]
    public void A_lowered_attribute_cap_is_honoured_and_named()
    {
        Gen.Select(Gen.Int[1, 40], Gen.Int[0, 3], Gen.Bool).Sample((cap, over, lenient) =>
        {
            var count = cap + over;
            var attributes = string.Concat(Enumerable.Range(0, count).Select(i => $" a{i}='v'"));
            var body = lenient
                ? $"<parishcouncils><parishcouncil><name{attributes}>P</name></parishcouncil></parishcouncils>"
                : Councillor($"<fullusername{attributes}>N</fullusername>");

            var error = Call(body, o => o.MaxAttributesPerElement = cap, lenient).GetAwaiter().GetResult();

            if (over == 0)
            {
                Assert.Null(error);
                return;
            }

            var limit = Assert.IsType<ModernGovLimitExceededException>(error);
            Assert.Equal("attributes per element", limit.Limit);
            Assert.Equal(cap, limit.Maximum);
            Assert.Equal(1, limit.LineNumber);
            Assert.Contains($"more than {cap} attributes", limit.Message, StringComparison.Ordinal);
            Assert.Contains("ModernGovCouncilOptions.MaxAttributesPerElement", limit.Message, StringComparison.Ordinal);
        }, iter: 40);
    }

    [Fact]
    public void A_lowered_depth_cap_is_honoured_and_named()
    {
        // The councillors shape itself opens 6 levels (to <councillorid>), parish councils 3 (to <name>); the extra levels
        // go inside the record, one of them in place of the innermost level of the shape.
        Gen.Select(Gen.Int[0, 20], Gen.Int[0, 3], Gen.Bool).Sample((extra, over, lenient) =>
        {
            var open = string.Concat(Enumerable.Repeat("<d>", extra + 1 + over));
            var close = string.Concat(Enumerable.Repeat("</d>", extra + 1 + over));
            var baseDepth = lenient ? 3 : 6;
            var cap = baseDepth + extra;
            var body = lenient
                ? $"<parishcouncils><parishcouncil><name>P</name>{open}v{close}</parishcouncil></parishcouncils>"
                : Councillor(open + "v" + close);

            var error = Call(body, o => o.MaxXmlDepth = cap, lenient).GetAwaiter().GetResult();

            if (over == 0)
            {
                Assert.Null(error);
                return;
            }

            var limit = Assert.IsType<ModernGovLimitExceededException>(error);
            Assert.Equal("levels of element nesting", limit.Limit);
            Assert.Equal(cap, limit.Maximum);
            Assert.Contains($"nested more than {cap} deep", limit.Message, StringComparison.Ordinal);
            Assert.Contains("ModernGovCouncilOptions.MaxXmlDepth", limit.Message, StringComparison.Ordinal);
        }, iter: 40);
    }

    [Fact]
    public async Task A_lowered_response_size_cap_is_honoured_and_named()
    {
        var body = Councillor(string.Concat(Enumerable.Repeat("<note>n</note>", 200)));
        var cap = Encoding.UTF8.GetByteCount(body) - 1;

        var error = await Call(body, o => o.MaxResponseBytes = cap, lenient: false);

        var tooLarge = Assert.IsType<ModernGovResponseTooLargeException>(error);
        Assert.Contains($"limit of {cap} bytes", tooLarge.Message, StringComparison.Ordinal);
        Assert.Contains("MaxResponseBytes", tooLarge.Message, StringComparison.Ordinal);
        Assert.Null(await Call(body, o => o.MaxResponseBytes = cap + 1, lenient: false));
    }

    [Fact]
    public void The_caps_are_validated_at_start_through_DI()
    {
        var services = new ServiceCollection();
        services.AddModernGov("Bad", o =>
        {
            o.BaseUrl = new Uri("https://democracy.example.gov.uk/");
            o.MaxXmlDepth = 0;
            o.MaxAttributesPerElement = 100_000;
            o.MaxFieldsPerRecord = -1;
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IModernGovClientFactory>().GetClient("Bad"));

        Assert.Contains("MaxXmlDepth must be between 1 and 2,000; got 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxAttributesPerElement must be between 1 and 512; got 100000", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxFieldsPerRecord must be between 1 and 100,000; got -1", error.Message, StringComparison.Ordinal);
    }
}
