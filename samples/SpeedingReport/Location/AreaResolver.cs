using LocalGov.Boundaries;
using LocalGov.Postcodes.Grid;
using SpeedingReport.Configuration;

namespace SpeedingReport.Location;

/// <summary>Point → parish (if one covers it) and district, from the council's boundary files, indexed once at start-up.</summary>
public sealed class AreaResolver
{
    private readonly ParishResolver _areas;

    public AreaResolver(BoundarySet parishes, BoundarySet districts)
    {
        ArgumentNullException.ThrowIfNull(parishes);
        ArgumentNullException.ThrowIfNull(districts);
        var options = new ParishResolverOptions { GridConverter = new HelmertGridConverter(), MaxDegreeOfParallelism = 1 };
        _areas = ParishResolver.Build(parishes, districts, options);
        Districts = districts.Features.Select(f => (f.Code, f.Name)).ToList();
        ParishBoundaries = parishes;
        DistrictBoundaries = districts;
    }

    /// <summary>The parish boundaries as loaded (drawn on the location map).</summary>
    public BoundarySet ParishBoundaries { get; }

    /// <summary>The district boundaries as loaded.</summary>
    public BoundarySet DistrictBoundaries { get; }

    /// <summary>The districts in the boundary file: the council's area.</summary>
    public IReadOnlyList<(string Code, string Name)> Districts { get; }

    /// <summary>Loads both boundary files (any format LocalGov.Boundaries reads).</summary>
    /// <exception cref="SpeedingReportConfigurationException">A path is not set or the file does not exist.</exception>
    /// <exception cref="BoundariesException">A file cannot be read as boundaries.</exception>
    public static AreaResolver Load(string parishPath, string districtPath)
    {
        Require(parishPath, "SpeedingReport:ParishBoundaries");
        Require(districtPath, "SpeedingReport:DistrictBoundaries");
        return new AreaResolver(BoundaryLoader.Load(parishPath), BoundaryLoader.Load(districtPath));
    }

    /// <summary>The parish and district at a WGS84 point, or null when the point is outside every district (outside the council's area).</summary>
    public (string? ParishCode, string? ParishName, string DistrictCode, string DistrictName)? Resolve(double latitude, double longitude)
    {
        // The district deals with reports outside any parish, and is named for those inside one too.
        var district = _areas.ResolveDistrict(longitude, latitude, BoundaryCrs.Wgs84);
        if (!district.IsFound)
        {
            return null;
        }

        var area = _areas.Resolve(longitude, latitude, BoundaryCrs.Wgs84);
        return area.Kind == AreaKind.Parish
            ? (area.Code, area.Name, district.Code!, district.Name!)
            : (null, null, district.Code!, district.Name!);
    }

    private static void Require(string path, string setting)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new SpeedingReportConfigurationException(setting, "is not set: give the path of a boundary file.");
        }

        if (!File.Exists(path))
        {
            throw new SpeedingReportConfigurationException(setting, $"the file '{path}' does not exist.");
        }
    }
}
