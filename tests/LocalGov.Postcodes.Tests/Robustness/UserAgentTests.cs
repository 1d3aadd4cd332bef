using System.Collections.Concurrent;
using CsCheck;
using LocalGov.Postcodes.Grid;
using LocalGov.Postcodes.MapIt;
using LocalGov.Postcodes.PostcodesIo;
using LocalGov.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LocalGov.Postcodes.Tests.Robustness;

/// <summary>
/// The User-Agent option: sent on every request of both clients (with and without DI), and refused at start, never
/// sent, when it holds a CR, LF or other control character, or anything but printable ASCII.
/// </summary>
public sealed class UserAgentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Gen<string> BadAgents = Gen.Select(
        Gen.String[Gen.Char.AlphaNumeric, 0, 20],
        Gen.OneOf(Gen.Char['\0', '\u001f'].Select(c => c.ToString()), Gen.Const("\r\n"), Gen.Const("\u007f"), Gen.Const("\r\nX-Injected: 1"), Gen.Char['\u0080', '\uffff'].Select(c => c.ToString())),
        Gen.String[Gen.Char.AlphaNumeric, 0, 20]).Select((a, bad, b) => a + bad + b);

    private static async Task<(LoopbackServer Server, ConcurrentQueue<string?> Agents)> StartAsync()
    {
        var agents = new ConcurrentQueue<string?>();
        var server = await LoopbackServer.StartAsync(
            context =>
            {
                agents.Enqueue(context.Request.Headers.UserAgent.ToString());
                return context.Request.Path.StartsWithSegments("/point", StringComparison.Ordinal)
                    ? Fixtures.WriteAsync(context, 200, "{}")
                    : Fixtures.WriteAsync(context, 200, Fixtures.Ok(Fixtures.PostcodeJson("SW1A 1AA")));
            },
            Ct);
        return (server, agents);
    }

    [Fact]
    public async Task The_configured_user_agent_reaches_the_server_on_every_request_with_di()
    {
        var (server, agents) = await StartAsync();
        await using var _ = server;
        var services = new ServiceCollection();
        services.AddPostcodesIoClient(o => { o.BaseAddress = server.BaseAddress; o.UserAgent = "CouncilApp/2.1 (+https://example.gov.uk/contact)"; });
        services.AddMapItClient(o => { o.BaseAddress = server.BaseAddress; o.UserAgent = "CouncilMaps/1.0"; });
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<PostcodesIoClient>().LookupAsync("SW1A 1AA", Ct);
        await provider.GetRequiredService<PostcodesIoClient>().LookupAsync("SW1A 1AA", Ct);
        await provider.GetRequiredService<MapItClient>().GetAreasForPointAsync(new BngCoordinate(385400, 158000), cancellationToken: Ct);

        Assert.Equal(["CouncilApp/2.1 (+https://example.gov.uk/contact)", "CouncilApp/2.1 (+https://example.gov.uk/contact)", "CouncilMaps/1.0"], agents);
    }

    [Fact]
    public async Task The_default_user_agent_is_sent_without_di_and_a_clients_own_is_kept()
    {
        var (server, agents) = await StartAsync();
        await using var _ = server;

        await Fixtures.PlainClient(server).LookupAsync("SW1A 1AA", Ct);
        await Fixtures.PlainMapIt(server).GetAreasForPointAsync(new BngCoordinate(385400, 158000), cancellationToken: Ct);
        using var own = new HttpClient { BaseAddress = server.BaseAddress };
        own.DefaultRequestHeaders.UserAgent.ParseAdd("Mine/1.0");
        await new PostcodesIoClient(own, new PostcodesIoClientOptions { UserAgent = "Ignored/1.0" }).LookupAsync("SW1A 1AA", Ct);

        Assert.Equal([PostcodesIoClientOptions.DefaultUserAgent, MapItClientOptions.DefaultUserAgent, "Mine/1.0"], agents);
    }

    [Fact]
    public async Task A_user_agent_with_a_control_or_non_ascii_character_is_refused_at_start_and_never_sent()
    {
        var (server, agents) = await StartAsync();
        await using var _ = server;

        BadAgents.Sample(agent =>
        {
            var direct = Assert.Throws<ArgumentException>(() => new PostcodesIoClient(new HttpClient { BaseAddress = server.BaseAddress }, new PostcodesIoClientOptions { UserAgent = agent }));
            Assert.Contains("PostcodesIo:UserAgent must", direct.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("\n", direct.Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentException>(() => new MapItClient(new HttpClient { BaseAddress = server.BaseAddress }, new MapItClientOptions { UserAgent = agent }));

            var services = new ServiceCollection();
            services.AddPostcodesIoClient(o => { o.BaseAddress = server.BaseAddress; o.UserAgent = agent; });
            services.AddMapItClient(o => { o.BaseAddress = server.BaseAddress; o.UserAgent = agent; });
            using var provider = services.BuildServiceProvider();
            var postcodes = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<PostcodesIoClient>());
            Assert.Contains("PostcodesIo:UserAgent must", postcodes.Message, StringComparison.Ordinal);
            var mapIt = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<MapItClient>());
            Assert.Contains("MapIt:UserAgent must", mapIt.Message, StringComparison.Ordinal);
        }, iter: 40);

        Assert.Empty(agents);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_user_agent_is_refused(string agent)
    {
        var error = Assert.Throws<ArgumentException>(() => new PostcodesIoClient(new HttpClient(), new PostcodesIoClientOptions { UserAgent = agent }));

        Assert.Contains("UserAgent must not be empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_agent_over_512_characters_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new MapItClient(new HttpClient(), new MapItClientOptions { UserAgent = new string('a', 513) }));

        Assert.Contains("at most 512 characters", error.Message, StringComparison.Ordinal);
    }
}
