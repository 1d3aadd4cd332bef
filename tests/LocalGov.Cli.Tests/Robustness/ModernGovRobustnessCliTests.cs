using System.Diagnostics;
using System.Text;
using CsCheck;
using LocalGov.Testing;
using Microsoft.AspNetCore.Http;

namespace LocalGov.Cli.Tests.Robustness;

/// <summary>Hostile Modern.Gov servers and settings through the CLI: exit 1 or 2, the problem named on stderr, no stack trace, a clean terminal.</summary>
public sealed class ModernGovRobustnessCliTests
{
    private static Task<LoopbackServer> Serve(string body) =>
        LoopbackServer.StartAsync(200, body, "text/xml; charset=utf-8", TestContext.Current.CancellationToken);

    private static void NoStackTrace(CliResult result)
    {
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_councillor_repeating_an_unknown_element_ends_in_exit_2_naming_the_cap_well_within_the_timeout()
    {
        var repeated = string.Concat(Enumerable.Repeat("<x>v</x>", 80_000));
        await using var server = await Serve($"<councillorsbyward><wards><ward><councillors><councillor>{repeated}</councillor></councillors></ward></wards></councillorsbyward>");
        var clock = Stopwatch.StartNew();

        var result = await CliRunner.RunAsync("moderngov", "councillors-by-ward", "--url", server.BaseAddress.ToString(), "--timeout", "20", "--retries", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("fields per record", result.Error, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        NoStackTrace(result);
    }

    [Fact]
    public async Task Nesting_100000_deep_ends_in_exit_2_naming_the_cap_and_the_option()
    {
        var deep = string.Concat(Enumerable.Repeat("<d>", 100_000));
        await using var server = await Serve($"<parishcouncils><parishcouncil>{deep}");

        var result = await CliRunner.RunAsync("moderngov", "parish-councils", "--url", server.BaseAddress.ToString(), "--timeout", "20", "--retries", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("1,000 levels of element nesting", result.Error, StringComparison.Ordinal);
        Assert.Contains("MaxXmlDepth", result.Error, StringComparison.Ordinal);
        NoStackTrace(result);
    }

    [Fact]
    public async Task An_element_with_500000_attributes_ends_in_exit_2_naming_the_cap()
    {
        var attributes = new StringBuilder();
        for (var i = 0; i < 500_000; i++)
        {
            attributes.Append(" a").Append(i).Append("=''");
        }

        await using var server = await Serve($"<committees><committee{attributes}><committeeid>1</committeeid></committee></committees>");
        var clock = Stopwatch.StartNew();

        var result = await CliRunner.RunAsync("moderngov", "committees", "--url", server.BaseAddress.ToString(), "--timeout", "20", "--retries", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("attributes per element", result.Error, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        NoStackTrace(result);
    }

    [Theory]
    [InlineData("gopher://127.0.0.1:70/1")]
    [InlineData("file:///etc/passwd")]
    [InlineData("http://localhost:9/elsewhere")]
    public async Task A_refused_redirect_ends_in_exit_2_saying_where_it_pointed(string location)
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = location;
            return Task.CompletedTask;
        }, TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync("moderngov", "committees", "--url", server.BaseAddress.ToString(), "--retries", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(new Uri(location).ToString(), result.Error, StringComparison.Ordinal);
        Assert.Contains("not followed", result.Error, StringComparison.Ordinal);
        Assert.Single(server.Requests);
        NoStackTrace(result);
    }

    [Theory]
    [InlineData("--user-agent", "Agent\r\nX-Injected: 1", "--user-agent must not hold control characters")]
    [InlineData("--user-agent", "Agent\nX", "--user-agent must not hold control characters")]
    [InlineData("--timeout", "3601", "--timeout must be between 1 and 3600 seconds")]
    [InlineData("--timeout", "2000000000", "--timeout must be between 1 and 3600 seconds")]
    [InlineData("--timeout", "0", "--timeout must be between 1 and 3600 seconds")]
    [InlineData("--max-redirects", "21", "--max-redirects must be between 0 and 20")]
    public async Task Settings_out_of_range_or_carrying_line_breaks_are_usage_errors_and_nothing_is_sent(string option, string value, string message)
    {
        await using var server = await Serve("<committees></committees>");

        var result = await CliRunner.RunAsync("moderngov", "committees", "--url", server.BaseAddress.ToString(), option, value);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
        NoStackTrace(result);
    }

    [Fact]
    public async Task Text_mode_prints_no_control_characters_or_escape_sequences_from_the_council()
    {
        var nasty = Gen.OneOf(
            Gen.Const("\u001B[2J\u001B[31m"),
            Gen.Const("\u001B]0;pwned\u0007"),
            Gen.Const("\u001B]8;;http://evil.example/\u001B\\"),
            Gen.Const("\u009B31m"),
            Gen.Const("\r"),
            Gen.Const("\u0007"),
            Gen.Const("\u202E"),
            Gen.Const("\t"),
            Gen.Char['\u0001', '\u001F'].Select(c => c.ToString()));
        var values = Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 1, 8], nasty, Gen.String[Gen.Char.AlphaNumeric, 1, 8]).Select((a, n, b) => (Raw: a + n + b, Visible: a + b));
        foreach (var (title, category) in Gen.Select(values, values).Array[8].Single())
        {
            // Control characters are sent as raw bytes: XML 1.0 forbids them, but some installs emit them anyway.
            var body = $"<committees><committee><committeeid>7</committeeid><committeetitle>{title.Raw}</committeetitle><committeecategory>{category.Raw}</committeecategory></committee></committees>";
            await using var server = await Serve(body);

            var result = await CliRunner.RunAsync("moderngov", "committees", "--url", server.BaseAddress.ToString(), "--retries", "0");

            if (result.ExitCode != 0)
            {
                // A body the scanner refuses is fine too, provided the refusal itself is clean.
                Assert.Equal(2, result.ExitCode);
                Assert.DoesNotContain(result.Error, c => c == '\u001B' || c == '\u009B' || c == '\u0007' || c == '\r' || c == '\u202E');
                continue;
            }

            var line = Assert.Single(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.DoesNotContain(line, c => char.IsControl(c) && c != '\t' || c == '\u202E');
            var fields = line.Split('\t');
            Assert.Equal(3, fields.Length);
            Assert.StartsWith(title.Visible[..1], fields[1], StringComparison.Ordinal);
            Assert.DoesNotContain("pwned", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Reversed_dates_name_the_problem_without_internal_parameter_names()
    {
        await using var server = await Serve("<getmeetings></getmeetings>");

        var result = await CliRunner.RunAsync("moderngov", "meetings", "--url", server.BaseAddress.ToString(), "--from", "2026-02-01", "--to", "2026-01-01");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("is before the start date", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
        NoStackTrace(result);
    }
}
