using CsCheck;
using LocalGov.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LocalGov.ModernGov.Tests.Robustness;

/// <summary>A council server that redirects where it should not, and settings that would put bad values into requests.</summary>
public sealed class RedirectAndOptionsTests
{
    private const string Committees = "<committees><committee><committeeid>1</committeeid><committeetitle>Audit</committeetitle></committee></committees>";

    private static (ServiceProvider Provider, IModernGovClient Client) CreateClient(Uri baseUrl, Action<ModernGovCouncilOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddModernGov("Loopback", o =>
        {
            o.BaseUrl = baseUrl;
            o.MaxRetryAttempts = 0;
            o.Timeout = TimeSpan.FromSeconds(20);
            configure?.Invoke(o);
        });
        var provider = services.BuildServiceProvider();
        return (provider, provider.GetRequiredService<IModernGovClientFactory>().GetClient("Loopback"));
    }

    private static Task Redirect(HttpContext context, string location, int status = 302)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    }

    private static Task Xml(HttpContext context, string body)
    {
        context.Response.ContentType = "text/xml; charset=utf-8";
        return context.Response.WriteAsync(body, context.RequestAborted);
    }

    [Fact]
    public async Task A_redirect_to_a_scheme_other_than_http_is_refused_naming_it_and_never_fetched()
    {
        string[] names = ["gopher", "file", "ftp", "javascript", "data", "ws", "ldap", "dict"];
        var schemes = Gen.Int[0, names.Length - 1].Select(i => names[i]);
        var locations = Gen.Select(schemes, Gen.String[Gen.Char.AlphaNumeric, 0, 20], Gen.Int[301, 308].Where(s => s is not (304 or 305 or 306)))
            .Select((scheme, path, status) => (Location: scheme + "://127.0.0.1/" + path, Status: status));
        string? next = null;
        var nextStatus = 302;
        await using var server = await LoopbackServer.StartAsync(context => Redirect(context, next!, nextStatus), TestContext.Current.CancellationToken);
        var (provider, client) = CreateClient(server.BaseAddress);
        using var _ = provider;

        foreach (var (location, status) in locations.Array[12].Single())
        {
            (next, nextStatus) = (location, status);
            var before = server.Requests.Count;

            var error = await Assert.ThrowsAsync<ModernGovRedirectException>(() => client.GetCommitteesAsync(TestContext.Current.CancellationToken));

            Assert.Equal(new Uri(location), error.Location);
            Assert.Contains(new Uri(location).Scheme + ": URL", error.Message, StringComparison.Ordinal);
            Assert.Contains("only http and https", error.Message, StringComparison.Ordinal);
            Assert.Equal(before + 1, server.Requests.Count);
        }
    }

    [Fact]
    public async Task A_redirect_to_another_host_or_port_is_refused_unless_allowed()
    {
        await using var other = await LoopbackServer.StartAsync(200, Committees, cancellationToken: TestContext.Current.CancellationToken);
        string target = "";
        await using var server = await LoopbackServer.StartAsync(context => Redirect(context, target), TestContext.Current.CancellationToken);
        var (provider, client) = CreateClient(server.BaseAddress);
        using var _ = provider;

        // Another port on the same host, then another host name for this very server.
        foreach (var location in new[] { new Uri(other.BaseAddress, "mgWebService.asmx/GetCommittees"), new Uri($"http://localhost:{server.BaseAddress.Port}/x") })
        {
            target = location.ToString();
            var error = await Assert.ThrowsAsync<ModernGovRedirectException>(() => client.GetCommitteesAsync(TestContext.Current.CancellationToken));
            Assert.Equal(location, error.Location);
            Assert.Contains("AllowRedirectsToOtherHosts", error.Message, StringComparison.Ordinal);
        }

        Assert.Empty(other.Requests);

        target = new Uri(other.BaseAddress, "mgWebService.asmx/GetCommittees").ToString();
        var (allowedProvider, allowed) = CreateClient(server.BaseAddress, o => o.AllowRedirectsToOtherHosts = true);
        using var __ = allowedProvider;
        Assert.Equal("Audit", Assert.Single(await allowed.GetCommitteesAsync(TestContext.Current.CancellationToken)).Title);
        Assert.Single(other.Requests);
    }

    [Fact]
    public async Task Redirects_on_the_same_host_are_followed_up_to_the_configured_number()
    {
        await using var server = await LoopbackServer.StartAsync(
            context => context.Request.Path.Value!.EndsWith("GetCommittees", StringComparison.Ordinal)
                ? Redirect(context, "/hop/1")
                : context.Request.Path.Value == "/hop/3" ? Xml(context, Committees) : Redirect(context, "/hop/" + (int.Parse(context.Request.Path.Value![5..], System.Globalization.CultureInfo.InvariantCulture) + 1)),
            TestContext.Current.CancellationToken);

        var (provider, client) = CreateClient(server.BaseAddress, o => o.MaxRedirects = 3);
        using var _ = provider;
        Assert.Equal("Audit", Assert.Single(await client.GetCommitteesAsync(TestContext.Current.CancellationToken)).Title);

        var (strictProvider, strict) = CreateClient(server.BaseAddress, o => o.MaxRedirects = 2);
        using var __ = strictProvider;
        var error = await Assert.ThrowsAsync<ModernGovRedirectException>(() => strict.GetCommitteesAsync(TestContext.Current.CancellationToken));
        Assert.Contains("more than 2 redirects", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("/hop/3", error.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endless_redirect_loop_stops_at_the_cap()
    {
        await using var server = await LoopbackServer.StartAsync(context => Redirect(context, "/loop"), TestContext.Current.CancellationToken);
        var options = new ModernGovCouncilOptions { BaseUrl = server.BaseAddress, MaxRetryAttempts = 0, Timeout = TimeSpan.FromSeconds(20) };
        using var http = new HttpClient(ModernGovClient.CreateResilientHandler(options));
        var client = new ModernGovClient(http, options, "Loopback");

        var error = await Assert.ThrowsAsync<ModernGovRedirectException>(() => client.GetCommitteesAsync(TestContext.Current.CancellationToken));

        Assert.Contains("more than 5 redirects", error.Message, StringComparison.Ordinal);
        Assert.Equal(6, server.Requests.Count);
    }

    [Fact]
    public void A_user_agent_with_a_control_character_is_refused_at_validation()
    {
        var controls = Gen.OneOf(Gen.Char[(char)0, (char)31].Select(c => c.ToString()), Gen.Const("\r\n"), Gen.Const("\u007F"), Gen.Const("\n"));
        // At least one visible character: a user agent of control characters that are also white space (\n, U+001C–U+001F)
        // is refused as empty, by the check before this one.
        Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 1, 20], controls, Gen.String[Gen.Char.AlphaNumeric, 0, 20]).Sample((before, control, after) =>
        {
            var agent = before + control + after;
            var options = new ModernGovCouncilOptions { BaseUrl = new Uri("https://democracy.example.gov.uk/"), UserAgent = agent };

            var direct = Assert.Throws<ArgumentException>(() => new ModernGovClient(new HttpClient(), options));
            Assert.Contains("UserAgent must not hold control characters", direct.Message, StringComparison.Ordinal);

            var services = new ServiceCollection();
            services.AddModernGov("Bad", o => { o.BaseUrl = options.BaseUrl; o.UserAgent = agent; });
            using var provider = services.BuildServiceProvider();
            var validation = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IModernGovClientFactory>().GetClient("Bad"));
            Assert.Contains("control characters", validation.Message, StringComparison.Ordinal);
        }, iter: 40);
    }

    [Fact]
    public void Option_values_out_of_range_are_refused_with_a_message_naming_the_option()
    {
        var cases = Gen.OneOf(
            Gen.Double[3600.001, 1e6].Select(s => (Set: (Action<ModernGovCouncilOptions>)(o => o.Timeout = TimeSpan.FromSeconds(s)), Name: "Timeout")),
            Gen.Double[3600.001, 1e6].Select(s => (Set: (Action<ModernGovCouncilOptions>)(o => o.AttemptTimeout = TimeSpan.FromSeconds(s)), Name: "AttemptTimeout")),
            Gen.Int.Where(n => n is < 0 or > 20).Select(n => (Set: (Action<ModernGovCouncilOptions>)(o => o.MaxRedirects = n), Name: "MaxRedirects")),
            Gen.Long.Where(n => n is < 1024 or > int.MaxValue).Select(n => (Set: (Action<ModernGovCouncilOptions>)(o => o.MaxResponseBytes = n), Name: "MaxResponseBytes")),
            Gen.Int.Where(n => n is < 1 or > 2000).Select(n => (Set: (Action<ModernGovCouncilOptions>)(o => o.MaxXmlDepth = n), Name: "MaxXmlDepth")),
            Gen.Int.Where(n => n is < 1 or > 512).Select(n => (Set: (Action<ModernGovCouncilOptions>)(o => o.MaxAttributesPerElement = n), Name: "MaxAttributesPerElement")),
            Gen.Int.Where(n => n is < 1 or > 100_000).Select(n => (Set: (Action<ModernGovCouncilOptions>)(o => o.MaxFieldsPerRecord = n), Name: "MaxFieldsPerRecord")));
        cases.Sample(c =>
        {
            var options = new ModernGovCouncilOptions { BaseUrl = new Uri("https://democracy.example.gov.uk/") };
            c.Set(options);

            var error = Assert.Throws<ArgumentException>(() => ModernGovClient.CreateResilientHandler(options));

            Assert.Contains(c.Name + " must be between", error.Message, StringComparison.Ordinal);
        }, iter: 90);
    }
}
