using System.Diagnostics;
using System.Text;
using CsCheck;
using LocalGov.ModernGov.Tests.Support;

namespace LocalGov.ModernGov.Tests.Robustness;

/// <summary>
/// Bodies built to make a parser slow or large: one unknown element repeated past the field cap, an element with more
/// attributes than the cap, deep nesting, long field paths. Each must end in a typed error quickly and in bounded memory.
/// </summary>
public sealed class QuadraticParsingTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);
    private static readonly Gen<string> Name = Gen.String[Gen.Char.AlphaNumeric, 1, 12].Select(n => "x" + n);

    private static string Councillors(string inner) =>
        $"<councillorsbyward><wards><ward><wardtitle>W</wardtitle><councillors><councillor><councillorid>1</councillorid>{inner}</councillor></councillors></ward></wards></councillorsbyward>";

    private static async Task<(Exception? Error, TimeSpan Elapsed, long Allocated)> Run(string body, Func<ModernGovClient, Task> call)
    {
        var (client, _) = StubHandler.Client(body, configure: o => o.MaxResponseBytes = 64L * 1024 * 1024);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        Exception? error = null;
        try
        {
            await call(client);
        }
        catch (Exception ex)
        {
            error = ex;
        }

        return (error, clock.Elapsed, GC.GetAllocatedBytesForCurrentThread() - allocated);
    }

    [Fact]
    public void A_repeated_unknown_element_past_the_field_cap_is_refused_quickly_naming_the_cap()
    {
        Gen.Select(Name, Gen.Int[ModernGovCouncilOptions.DefaultMaxFieldsPerRecord + 1, 80_000], Gen.Bool).Sample((name, count, withText) =>
        {
            var element = withText ? $"<{name}>v</{name}>" : $"<{name}>{name}</{name}>";
            var body = Councillors(string.Concat(Enumerable.Repeat(element, count)));

            var (error, elapsed, allocated) = Run(body, c => c.GetCouncillorsByWardAsync()).GetAwaiter().GetResult();

            var limit = Assert.IsType<ModernGovLimitExceededException>(error);
            Assert.Equal("fields per record", limit.Limit);
            Assert.Contains("fields per record", limit.Message, StringComparison.Ordinal);
            Assert.True(elapsed < Bound, $"{count} repeats took {elapsed}");
            Assert.True(allocated < 64L * body.Length + 4_000_000, $"{count} repeats allocated {allocated:N0} bytes for a {body.Length:N0}-byte body");
        }, iter: 12);
    }

    [Fact]
    public async Task Repeats_under_the_cap_are_all_kept_and_the_work_is_linear()
    {
        var body = Councillors(string.Concat(Enumerable.Range(0, ModernGovCouncilOptions.DefaultMaxFieldsPerRecord - 10).Select(i => $"<note>n{i}</note>")));

        var (error, elapsed, _) = await Run(body, async c =>
        {
            var ward = Assert.Single(await c.GetCouncillorsByWardAsync(TestContext.Current.CancellationToken));
            var fields = Assert.Single(ward.Councillors).AdditionalFields;
            Assert.Equal("n0", fields["note"]);
            Assert.Equal("n989", fields[$"note[{ModernGovCouncilOptions.DefaultMaxFieldsPerRecord - 10}]"]);
        });

        Assert.Null(error);
        Assert.True(elapsed < Bound);
    }

    [Fact]
    public void An_element_with_more_attributes_than_the_cap_is_refused_quickly()
    {
        Gen.Select(Gen.Int[ModernGovCouncilOptions.DefaultMaxAttributesPerElement + 1, 500_000], Gen.Bool).Sample((count, lenient) =>
        {
            var attributes = new StringBuilder(count * 10);
            for (var i = 0; i < count; i++)
            {
                attributes.Append(" a").Append(i).Append("=''");
            }

            var body = lenient
                ? $"<parishcouncils><parishcouncil{attributes}><name>P</name></parishcouncil></parishcouncils>"
                : Councillors($"<fullusername{attributes}>N</fullusername>");

            var (error, elapsed, _) = Run(body, c => lenient ? c.GetParishCouncilsAsync() : c.GetCouncillorsByWardAsync()).GetAwaiter().GetResult();

            var limit = Assert.IsType<ModernGovLimitExceededException>(error);
            Assert.Equal("attributes per element", limit.Limit);
            Assert.Equal(1, limit.LineNumber);
            Assert.True(elapsed < Bound, $"{count} attributes took {elapsed}");
        }, iter: 8);
    }

    [Fact]
    public void Nesting_past_the_depth_cap_is_refused_without_overflowing_the_stack()
    {
        Gen.Select(Gen.Int[ModernGovCouncilOptions.DefaultMaxXmlDepth, 100_000], Gen.Bool).Sample((depth, lenient) =>
        {
            var body = new StringBuilder();
            body.Append(lenient ? "<parishcouncils>" : "<committees><committee>");
            for (var i = 0; i < depth; i++)
            {
                body.Append("<d>");
            }

            var (error, elapsed, _) = Run(body.ToString(), c => lenient ? c.GetParishCouncilsAsync() : c.GetCommitteesAsync()).GetAwaiter().GetResult();

            // The streaming parsers keep unknown elements by path, so the path cap may be met before the depth cap.
            var limit = Assert.IsType<ModernGovLimitExceededException>(error);
            if (limit.Limit != "characters in a field's path")
            {
                Assert.Equal("levels of element nesting", limit.Limit);
                Assert.Equal(ModernGovCouncilOptions.DefaultMaxXmlDepth, limit.Maximum);
                Assert.Contains($"nested more than {ModernGovCouncilOptions.DefaultMaxXmlDepth} deep", limit.Message, StringComparison.Ordinal);
            }
            Assert.True(elapsed < Bound);
        }, iter: 8);
    }

    [Fact]
    public void Deep_elements_with_long_names_hit_the_path_cap_rather_than_allocating_gigabytes()
    {
        Gen.Select(Gen.Int[50, 200], Gen.Int[100, 900], Gen.Bool).Sample((nameLength, depth, lenient) =>
        {
            var name = new string('n', nameLength);
            var open = string.Concat(Enumerable.Repeat($"<{name}>", depth));
            var close = string.Concat(Enumerable.Repeat($"</{name}>", depth));
            var body = lenient
                ? $"<parishcouncils><parishcouncil><name>P</name>{open}v{close}</parishcouncil></parishcouncils>"
                : Councillors(open + "v" + close);

            var (error, elapsed, allocated) = Run(body, c => lenient ? c.GetParishCouncilsAsync() : c.GetCouncillorsByWardAsync()).GetAwaiter().GetResult();

            if ((nameLength + 1) * depth > FieldPath.MaxLength)
            {
                var limit = Assert.IsType<ModernGovLimitExceededException>(error);
                Assert.Equal("characters in a field's path", limit.Limit);
            }

            Assert.True(elapsed < Bound);
            Assert.True(allocated < 200_000_000, $"allocated {allocated:N0} bytes");
        }, iter: 10);
    }

    [Fact]
    public void Parsing_honours_cancellation_so_the_timeout_covers_the_parse()
    {
        var body = Encoding.UTF8.GetBytes("<committees>" + string.Concat(Enumerable.Repeat("<committee><committeeid>1</committeeid></committee>", 10_000)) + "</committees>");
        var scanner = Utf8XmlScanner.Create(body, body.Length);
        scanner.CancellationToken = new CancellationToken(canceled: true);

        Assert.Throws<OperationCanceledException>(() =>
        {
            while (scanner.Read())
            {
            }
        });
    }
}
