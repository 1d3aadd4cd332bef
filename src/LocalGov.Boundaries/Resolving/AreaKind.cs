namespace LocalGov.Boundaries;

/// <summary>What kind of area a point resolved to.</summary>
public enum AreaKind : byte
{
    /// <summary>No area of the layer covers the point.</summary>
    None = 0,

    /// <summary>A civil parish (England) or community (Wales).</summary>
    Parish = 1,

    /// <summary>An area of the parish layer that is not a parish: by default, codes starting <c>E43</c> (ONS "non-civil parished area").</summary>
    NonParishedArea = 2,

    /// <summary>No parish covers the point; this is the district (or unitary authority) that does.</summary>
    District = 3,

    /// <summary>An electoral ward of a district or unitary authority (layer <c>ward</c>).</summary>
    Ward = 4,

    /// <summary>A county council's area (layer <c>county</c>).</summary>
    County = 5,

    /// <summary>A county electoral division (layer <c>division</c>).</summary>
    ElectoralDivision = 6,

    /// <summary>A parliamentary constituency (layer <c>constituency</c>).</summary>
    Constituency = 7,

    /// <summary>An area of a layer with any other name.</summary>
    Other = 8,
}
