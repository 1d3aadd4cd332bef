using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace LocalGov.ModernGov.Tests.DependencyInjection;

public sealed class AddModernGovTests
{
    [Fact]
    public void A_council_registered_in_code_is_served_by_name_with_its_normalised_url()
    {
        var services = new ServiceCollection();
        services.AddModernGov("Manchester", o => o.BaseUrl = new Uri("https://democracy.manchester.gov.uk/mgWebService.asmx"));
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IModernGovClientFactory>().GetClient("manchester");

        Assert.Equal("Manchester", client.CouncilName);
        Assert.Equal(new Uri("https://democracy.manchester.gov.uk/"), client.BaseUrl);
    }

    [Fact]
    public void Councils_are_bound_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ModernGov:Councils:Senedd:BaseUrl"] = "https://business.senedd.wales/",
            ["ModernGov:Councils:Senedd:AllCommitteesValue"] = "-1",
            ["ModernGov:Councils:Senedd:Timeout"] = "00:03:00",
            ["ModernGov:Councils:Brighton:BaseUrl"] = "https://democracy.brighton-hove.gov.uk/mgListCommittees.aspx",
        }).Build();
        var services = new ServiceCollection();
        var named = new List<string>();
        services.AddModernGov(configuration.GetSection("ModernGov:Councils"), (name, _) => named.Add(name));
        using var provider = services.BuildServiceProvider();

        var factory = provider.GetRequiredService<IModernGovClientFactory>();
        var options = provider.GetRequiredService<IOptionsMonitor<ModernGovCouncilOptions>>().Get("Senedd");

        Assert.Equal(["Brighton", "Senedd"], named.Order(StringComparer.Ordinal));
        Assert.Equal(2, factory.CouncilNames.Count);
        Assert.Equal(-1, options.AllCommitteesValue);
        Assert.Equal(TimeSpan.FromMinutes(3), options.Timeout);
        Assert.Equal(new Uri("https://democracy.brighton-hove.gov.uk/"), factory.GetClient("Brighton").BaseUrl);
    }

    [Fact]
    public void A_registry_registers_every_council_by_code()
    {
        var councils = ModernGovCouncilRegistry.Parse(new StringReader("register_code,official_name,base_url\nMAN,Manchester City Council,https://democracy.manchester.gov.uk\nLBH,Hackney,https://hackney.moderngov.co.uk\n"));
        var services = new ServiceCollection();
        services.AddModernGov(councils, (council, options) => options.UserAgent = "Test/1.0 (" + council.Code + ")");
        using var provider = services.BuildServiceProvider();

        var factory = provider.GetRequiredService<IModernGovClientFactory>();

        Assert.Equal(new Uri("https://hackney.moderngov.co.uk/"), factory.GetClient("LBH").BaseUrl);
        Assert.Equal("Test/1.0 (MAN)", provider.GetRequiredService<IOptionsMonitor<ModernGovCouncilOptions>>().Get("MAN").UserAgent);
    }

    [Fact]
    public void An_unknown_council_is_a_clear_error()
    {
        var services = new ServiceCollection();
        services.AddModernGov("Manchester", o => o.BaseUrl = new Uri("https://democracy.manchester.gov.uk/"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<KeyNotFoundException>(() => provider.GetRequiredService<IModernGovClientFactory>().GetClient("Leeds"));

        Assert.Contains("Manchester", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 0, 120)]
    [InlineData("ftp://x.example/", 0, 120)]
    [InlineData("https://x.example/", 5, 120)]
    [InlineData("https://x.example/", 0, 0)]
    public void Invalid_options_fail_validation(string? url, int allCommittees, int timeoutSeconds)
    {
        var services = new ServiceCollection();
        services.AddModernGov("Bad", o =>
        {
            o.BaseUrl = url is null ? null : new Uri(url);
            o.AllCommitteesValue = allCommittees;
            o.Timeout = TimeSpan.FromSeconds(timeoutSeconds);
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IModernGovClientFactory>().GetClient("Bad"));

        Assert.Contains("'Bad'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resilience_defaults_suit_slow_council_servers_and_follow_the_options()
    {
        var services = new ServiceCollection();
        services.AddModernGov("Lambeth", o => o.BaseUrl = new Uri("https://moderngov.lambeth.gov.uk/"));
        services.AddModernGov("Quick", o => { o.BaseUrl = new Uri("https://quick.example/"); o.Timeout = TimeSpan.FromSeconds(20); o.AttemptTimeout = TimeSpan.FromSeconds(5); o.MaxRetryAttempts = 5; });
        using var provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<IOptionsMonitor<HttpStandardResilienceOptions>>();

        var lambeth = monitor.Get("LocalGov.ModernGov:Lambeth-standard");
        var quick = monitor.Get("LocalGov.ModernGov:Quick-standard");

        Assert.Equal(TimeSpan.FromSeconds(120), lambeth.TotalRequestTimeout.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(120), lambeth.AttemptTimeout.Timeout);
        Assert.Equal(3, lambeth.Retry.MaxRetryAttempts);
        Assert.True(lambeth.Retry.UseJitter);
        Assert.True(lambeth.CircuitBreaker.SamplingDuration >= TimeSpan.FromSeconds(240));
        Assert.Equal(TimeSpan.FromSeconds(20), quick.TotalRequestTimeout.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(5), quick.AttemptTimeout.Timeout);
        Assert.Equal(5, quick.Retry.MaxRetryAttempts);
    }

    [Fact]
    public void The_client_works_without_di_and_checks_its_options()
    {
        using var http = new HttpClient();

        Assert.Throws<ArgumentException>(() => new ModernGovClient(http, new ModernGovCouncilOptions()));
        var client = new ModernGovClient(http, new ModernGovCouncilOptions { BaseUrl = new Uri("https://x.example/moderngov") }, "X");
        Assert.Equal(new Uri("https://x.example/moderngov/"), http.BaseAddress);
        Assert.Equal("X", client.CouncilName);
    }
}
