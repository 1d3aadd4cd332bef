namespace LocalGov.Boundaries;

/// <summary>What kind of area a point resolved to.</summary>
public enum AreaKind : byte
{
    /// <summary>No loaded parish or district covers the point.</summary>
    None = 0,

    /// <summary>A civil parish (England) or community (Wales).</summary>
    Parish = 1,

    /// <summary>An area of the parish layer that is not a parish: by default, codes starting <c>E43</c> (ONS "non-civil parished area").</summary>
    NonParishedArea = 2,

    /// <summary>No parish covers the point; this is the district (or unitary authority) that does.</summary>
    District = 3,
}
