namespace LocalGov.Postcodes.PostcodesIo;

/// <summary>Limits for reverse geocoding and nearest-postcode searches. Null leaves the server's default.</summary>
public sealed record NearbySearchOptions
{
    /// <summary>Maximum results (server default 10, capped at 100; at 10 with <see cref="WideSearch"/>).</summary>
    public int? Limit { get; init; }

    /// <summary>Search radius in metres (server default 100, capped at 2000).</summary>
    public int? Radius { get; init; }

    /// <summary>Search up to 20 km when nothing is found in the radius.</summary>
    public bool? WideSearch { get; init; }

    /// <summary>The route used for a reverse geocode (ignored by nearest-postcode searches).</summary>
    public ReverseGeocodeRoute Route { get; init; }
}
