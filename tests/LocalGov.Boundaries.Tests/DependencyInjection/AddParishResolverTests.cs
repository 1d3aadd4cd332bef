using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static LocalGov.Boundaries.Tests.Resolving.TestSets;

namespace LocalGov.Boundaries.Tests.DependencyInjection;

public sealed class AddParishResolverTests : IDisposable
{
    private const string Crs = "\"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::27700\"}}";

    private readonly string _folder = Directory.CreateTempSubdirectory("localgov-resolver-di-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Boundary_files_are_indexed_and_served_as_one_resolver()
    {
        var (parishes, districts) = WriteLayers();
        var services = new ServiceCollection();
        services.AddParishResolver(o => { o.ParishBoundaries = parishes; o.DistrictBoundaries = districts; });
        using var provider = services.BuildServiceProvider();

        var resolver = provider.GetRequiredService<ParishResolver>();

        Assert.Same(resolver, provider.GetRequiredService<ParishResolver>());
        Assert.Equal(("E04000001", AreaKind.Parish), (resolver.Resolve(400500, 200500).Code, resolver.Resolve(400500, 200500).Kind));
        Assert.Equal("E07000004", resolver.ResolveDistrict(400500, 200500).Code);
        Assert.Equal("E07000004", resolver.Resolve(399500, 200500).Code);
    }

    [Fact]
    public void A_saved_index_is_bound_from_configuration_and_answers_wgs84_queries()
    {
        var index = Path.Combine(_folder, "index.bin");
        ParishResolver.Build(
            Set(BoundaryCrs.BritishNationalGrid, ("E04000001", "POLYGON ((400000 200000, 401000 200000, 401000 201000, 400000 201000, 400000 200000))"))).Save(index);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["LocalGov:Parishes:IndexPath"] = index }).Build();
        var services = new ServiceCollection();
        services.AddParishResolver(configuration.GetSection("LocalGov:Parishes"));
        using var provider = services.BuildServiceProvider();
        var point = new LocalGov.Postcodes.Grid.HelmertGridConverter().ToWgs84(new LocalGov.Postcodes.Grid.BngCoordinate(400500, 200500));

        var area = provider.GetRequiredService<ParishResolver>().Resolve(point.Longitude, point.Latitude, BoundaryCrs.Wgs84);

        Assert.Equal("E04000001", area.Code);
    }

    [Fact]
    public void Field_names_for_each_layer_are_bound_from_configuration()
    {
        var parishes = Path.Combine(_folder, "parishes.geojson");
        File.WriteAllText(parishes, Layer("""{"ref": "P1", "label": "Ashcombe"}""", "[[[0, 0], [1000, 0], [1000, 1000], [0, 1000], [0, 0]]]"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Parishes:ParishBoundaries"] = parishes,
            ["Parishes:ParishLoadOptions:CodeField"] = "ref",
            ["Parishes:ParishLoadOptions:NameField"] = "label",
        }).Build();
        var services = new ServiceCollection();
        services.AddParishResolver(configuration.GetSection("Parishes"));
        using var provider = services.BuildServiceProvider();

        var area = provider.GetRequiredService<ParishResolver>().Resolve(500, 500);

        Assert.Equal(("P1", "Ashcombe"), (area.Code, area.Name));
    }

    [Theory]
    [InlineData(null, null, null, "Set IndexPath (a saved index) or ParishBoundaries")]
    [InlineData("missing.bin", null, null, "IndexPath: the file")]
    [InlineData(null, "missing.geojson", null, "ParishBoundaries: the file")]
    [InlineData(null, "parishes", "missing.shp", "DistrictBoundaries: the file")]
    [InlineData("index", "parishes", null, "not both")]
    public void A_source_that_cannot_work_fails_at_start_up_saying_why(string? index, string? parishes, string? districts, string expected)
    {
        var (parishFile, _) = WriteLayers();
        var indexFile = Path.Combine(_folder, "index.bin");
        File.WriteAllBytes(indexFile, [0]);
        string? Resolve(string? name) => name switch { null => null, "parishes" => parishFile, "index" => indexFile, _ => Path.Combine(_folder, name) };
        var services = new ServiceCollection();
        services.AddParishResolver(o => { o.IndexPath = Resolve(index); o.ParishBoundaries = Resolve(parishes); o.DistrictBoundaries = Resolve(districts); });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_ostn15_folder_fails_at_start_up()
    {
        var (parishes, _) = WriteLayers();
        var services = new ServiceCollection();
        services.AddParishResolver(o => { o.ParishBoundaries = parishes; o.Ostn15Directory = Path.Combine(_folder, "no-grid"); });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Ostn15Directory: the folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_grid_folder_without_a_usable_grid_is_a_crs_error_when_the_resolver_is_built()
    {
        var (parishes, _) = WriteLayers();
        var grid = Directory.CreateDirectory(Path.Combine(_folder, "empty-grid")).FullName;
        var services = new ServiceCollection();
        services.AddParishResolver(o => { o.ParishBoundaries = parishes; o.Ostn15Directory = grid; });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<BoundaryCrsException>(() => provider.GetRequiredService<ParishResolver>());

        Assert.Contains("does not hold a usable OSTN15 grid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_boundary_file_is_a_file_error_when_the_resolver_is_built()
    {
        var parishes = Path.Combine(_folder, "broken.geojson");
        File.WriteAllText(parishes, "{\"type\": \"FeatureCollection\", \"features\": [");
        var services = new ServiceCollection();
        services.AddParishResolver(o => o.ParishBoundaries = parishes);
        using var provider = services.BuildServiceProvider();

        Assert.Throws<BoundaryFileException>(() => provider.GetRequiredService<ParishResolver>());
    }

    private (string Parishes, string Districts) WriteLayers()
    {
        var parishes = Path.Combine(_folder, "parishes.geojson");
        var districts = Path.Combine(_folder, "districts.geojson");
        File.WriteAllText(parishes, Layer("""{"PAR22CD": "E04000001", "PAR22NM": "Ashcombe"}""", "[[[400000, 200000], [401000, 200000], [401000, 201000], [400000, 201000], [400000, 200000]]]"));
        File.WriteAllText(districts, Layer("""{"LAD22CD": "E07000004", "LAD22NM": "Aylesbury Vale"}""", "[[[399000, 199000], [404000, 199000], [404000, 202000], [399000, 202000], [399000, 199000]]]"));
        return (parishes, districts);
    }

    /// <summary>A one-feature GeoJSON layer in British National Grid.</summary>
    private static string Layer(string properties, string polygon) =>
        "{\"type\": \"FeatureCollection\", " + Crs + ", \"features\": [{\"type\": \"Feature\", \"properties\": " + properties
        + ", \"geometry\": {\"type\": \"Polygon\", \"coordinates\": " + polygon + "}}]}";
}
