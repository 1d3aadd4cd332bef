using LocalGov.ModernGov;
using LocalGov.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LocalGov.Conformance.Tests.ModernGov;

public sealed class CouncilRegistryTests
{
    [Fact]
    public void The_lgsf_registry_loads_and_registers_every_council()
    {
        var path = SharedData.Require("data/moderngov/registry/lgsf_moderngov_councils.csv");
        var expectedRows = File.ReadLines(path).Skip(1).Count(l => !string.IsNullOrWhiteSpace(l));

        var councils = ModernGovCouncilRegistry.Load(path);

        Assert.Equal(expectedRows, councils.Count);
        Assert.Equal(councils.Count, councils.Select(c => c.Code).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(councils, c =>
        {
            Assert.EndsWith("/", c.BaseUrl.AbsolutePath, StringComparison.Ordinal);
            Assert.DoesNotContain(".asmx", c.BaseUrl.AbsoluteUri, StringComparison.OrdinalIgnoreCase);
        });
        Assert.Contains(councils, c => c.Name.Contains(',', StringComparison.Ordinal));
        Assert.Contains(councils, c => c.EndDate is not null);

        var services = new ServiceCollection();
        services.AddModernGov(councils.Where(c => c.IsCurrent(new DateOnly(2026, 11, 26))));
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IModernGovClientFactory>();

        Assert.All(factory.CouncilNames, name => Assert.Equal(name, factory.GetClient(name).CouncilName));
        Assert.True(factory.CouncilNames.Count > 200);
    }
}
