namespace LocalGov.Postcodes.PostcodesIo;

/// <summary>Which of postcodes.io's equivalent reverse-geocoding routes to call (all return the same shape).</summary>
public enum ReverseGeocodeRoute
{
    /// <summary><c>/postcodes?lon=…&amp;lat=…</c> (the default).</summary>
    LonLatQuery,

    /// <summary><c>/postcodes?longitude=…&amp;latitude=…</c>.</summary>
    LongitudeLatitudeQuery,

    /// <summary><c>/postcodes/lon/{lon}/lat/{lat}</c>.</summary>
    LonLatPath,

    /// <summary><c>/postcodes/lat/{lat}/lon/{lon}</c>.</summary>
    LatLonPath,
}
