using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LocalGov.Open311.Tests;

public sealed class OptionsTests
{
    [Theory]
    [InlineData(null, "BaseAddress")]
    [InlineData("ftp://example.gov.uk/open311/v2/", "BaseAddress")]
    [InlineData("https://example.gov.uk/open311/v2/?api_key=x", "query")]
    public void A_bad_base_address_is_refused_without_di(string? url, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new Open311Client(new HttpClient(), new Open311ClientOptions { BaseAddress = url is null ? null : new Uri(url) }));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("api_key=x", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_options_are_refused_at_start_with_every_problem()
    {
        var services = new ServiceCollection();
        services.AddOpen311Client(o =>
        {
            o.BaseAddress = new Uri("https://example.gov.uk/open311/v2");
            o.Timeout = TimeSpan.Zero;
            o.MaxResponseBytes = 10;
            o.Format = (Open311Format)7;
        });
        using var provider = services.BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<Open311Client>());
        Assert.Contains("Timeout", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxResponseBytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("Format", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_bind_from_configuration_and_the_base_gets_its_slash()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Open311:BaseAddress"] = "https://example.gov.uk/open311/v2",
            ["Open311:Format"] = "Xml",
            ["Open311:ApiKey"] = "k",
            ["Open311:JurisdictionId"] = "example.gov.uk",
            ["Open311:Timeout"] = "00:00:20",
            ["Open311:MultiValueStyle"] = "Brackets",
        }).Build();
        var services = new ServiceCollection();
        services.AddOpen311Client(configuration.GetSection("Open311"));
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<Open311Client>();
        Assert.Equal(new Uri("https://example.gov.uk/open311/v2/"), client.BaseAddress);
        Assert.Equal(Open311Format.Xml, client.Format);
        var options = provider.GetRequiredService<IOptions<Open311ClientOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(20), options.Timeout);
        Assert.Equal(Open311MultiValueStyle.Brackets, options.MultiValueStyle);
    }

    [Fact]
    public void The_client_keeps_a_copy_of_its_options()
    {
        var options = new Open311ClientOptions { BaseAddress = new Uri("https://example.gov.uk/open311/v2/") };
        var client = new Open311Client(new HttpClient(), options);
        options.Format = Open311Format.Xml;
        Assert.Equal(Open311Format.Json, client.Format);
    }
}
