using LocalGov.ServiceStandard.Assessments;
using LocalGov.ServiceStandard.Catalogue;
using LocalGov.ServiceStandard.Franchising;
using LocalGov.ServiceStandard.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LocalGov.ServiceStandard.Tests.DependencyInjection;

public sealed class ServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("localgov-standards-di-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Registers_the_built_in_catalogue_and_schemes()
    {
        using var provider = new ServiceCollection().AddLocalGovServiceStandard().BuildServiceProvider(validateScopes: true);

        Assert.Equal(15, provider.GetRequiredService<StandardCatalog>().Get("lgdss").Points.Count);
        Assert.Same(OutcomeSchemes.GlaScore, provider.GetRequiredService<OutcomeSchemeRegistry>().Get(OutcomeSchemes.GlaScoreId));
    }

    [Fact]
    public void Adds_derived_standards_from_a_configured_folder()
    {
        var derived = StandardDerivation.Derive(StandardCatalog.LoadBuiltIn().Get("lgdss"), "south-lgdss", "2017", [new RemovePoint { PointId = "point-13" }]);
        File.WriteAllText(Path.Combine(_folder, "south.json"), ServiceStandardJson.Serialize(derived));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["LocalGov:ServiceStandard:AdditionalStandardsFolder"] = _folder }).Build();

        using var provider = new ServiceCollection().AddLocalGovServiceStandard(configuration.GetSection(ServiceStandardOptions.SectionName)).BuildServiceProvider();

        Assert.Equal(14, provider.GetRequiredService<StandardCatalog>().Get("south-lgdss", "2017").Points.Count);
    }

    [Fact]
    public void A_missing_folder_fails_validation_at_start()
    {
        using var provider = new ServiceCollection().AddLocalGovServiceStandard(o => o.AdditionalStandardsFolder = Path.Combine(_folder, "none")).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ServiceStandardOptions>>().Value);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }
}
