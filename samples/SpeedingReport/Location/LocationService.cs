using System.Globalization;
using LocalGov.Postcodes;
using LocalGov.Postcodes.PostcodesIo;
using Microsoft.Extensions.Options;
using SpeedingReport.Configuration;

namespace SpeedingReport.Location;

/// <summary>Turns what the resident entered into a <see cref="ResolvedLocation"/>, or an error message to show them.</summary>
public sealed partial class LocationService(PostcodesIoClient postcodes, AreaResolver areas, IOptions<SpeedingReportOptions> options, ILogger<LocationService> logger)
{
    private string CouncilName => options.Value.CouncilName;

    public async Task<(ResolvedLocation? Location, string? Error)> FromPostcodeAsync(string? input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return (null, "Enter a postcode");
        }

        if (!Postcode.TryParse(input, out var postcode))
        {
            return (null, "Enter a full postcode, like DM1 1AA");
        }

        PostcodeResult result;
        try
        {
            result = await postcodes.LookupAsync(postcode, cancellationToken);
        }
        catch (PostcodeNotFoundException)
        {
            return (null, $"We cannot find {postcode}. Check the postcode, or enter the location's coordinates instead");
        }
        catch (InvalidPostcodeException)
        {
            return (null, "Enter a full postcode, like DM1 1AA");
        }
        catch (PostcodesException ex)
        {
            LogPostcodeServiceFailed(logger, ex, postcode.Value);
            return (null, "Sorry, we cannot look up postcodes at the moment. Try again later, or enter the location's coordinates instead");
        }

        if (result.Latitude is not { } latitude || result.Longitude is not { } longitude)
        {
            return (null, $"We do not have a location for {postcode}. Enter the location's coordinates instead");
        }

        return Resolve(postcode.Value, latitude, longitude, OutsideMessage(postcode.Value, result.AdminDistrict));
    }

    /// <summary>Which council covers a postcode outside the area, as postcodes.io names its district; no link, as we do not know the council's address.</summary>
    private string OutsideMessage(string postcode, string? adminDistrict)
    {
        var outside = $"{postcode} is not in the {CouncilName} area";
        var isOwn = adminDistrict is not null && areas.Districts.Any(d => string.Equals(d.Name, adminDistrict, StringComparison.OrdinalIgnoreCase));
        return string.IsNullOrWhiteSpace(adminDistrict) || isOwn
            ? $"{outside}. Check the postcode, or contact the council for the area where the speeding happens"
            : $"{outside}. It is in {adminDistrict.Trim()}: contact the council for {adminDistrict.Trim()}";
    }

    public (ResolvedLocation? Location, string? LatitudeError, string? LongitudeError) FromCoordinates(string? latitudeText, string? longitudeText)
    {
        var latitudeError = ParseCoordinate(latitudeText, "latitude", 49, 61, "51.97", out var latitude);
        var longitudeError = ParseCoordinate(longitudeText, "longitude", -9, 2, "-1.05", out var longitude);
        if (latitudeError is not null || longitudeError is not null)
        {
            return (null, latitudeError, longitudeError);
        }

        var description = string.Create(CultureInfo.InvariantCulture, $"{latitude:0.#####}, {longitude:0.#####}");
        var (location, error) = Resolve(description, latitude, longitude, $"Latitude {latitude.ToString(CultureInfo.InvariantCulture)}, longitude {longitude.ToString(CultureInfo.InvariantCulture)} is not in the {CouncilName} area");
        return (location, error, null);
    }

    private (ResolvedLocation? Location, string? Error) Resolve(string description, double latitude, double longitude, string outsideMessage)
    {
        var found = areas.Resolve(latitude, longitude);
        if (found is not { } area)
        {
            return (null, outsideMessage);
        }

        return (new ResolvedLocation
        {
            Description = description,
            Latitude = latitude,
            Longitude = longitude,
            ParishCode = area.ParishCode,
            ParishName = area.ParishName,
            DistrictCode = area.DistrictCode,
            DistrictName = area.DistrictName,
        }, null);
    }

    private static string? ParseCoordinate(string? text, string name, double min, double max, string example, out double value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return $"Enter a {name}";
        }

        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
        {
            return $"{Capitalise(name)} must be a number in decimal degrees, like {example}";
        }

        return value < min || value > max
            ? $"{Capitalise(name)} must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)} (Great Britain)"
            : null;
    }

    private static string Capitalise(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    [LoggerMessage(Level = LogLevel.Warning, Message = "postcodes.io failed looking up {Postcode}")]
    private static partial void LogPostcodeServiceFailed(ILogger logger, Exception exception, string postcode);
}
