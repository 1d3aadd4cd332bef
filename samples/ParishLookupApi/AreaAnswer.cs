namespace ParishLookupApi;

/// <summary>What covers a point: the parish (or non-parished area) when one does, and the district.</summary>
/// <param name="Longitude">The point's WGS84 longitude.</param>
/// <param name="Latitude">The point's WGS84 latitude.</param>
/// <param name="Postcode">The postcode looked up, when the question was a postcode.</param>
/// <param name="Parish">The parish or non-parished area, or null where none covers the point.</param>
/// <param name="District">The district, or null when the resolver has no district layer.</param>
public sealed record AreaAnswer(double Longitude, double Latitude, string? Postcode, AreaDetails? Parish, AreaDetails? District);
