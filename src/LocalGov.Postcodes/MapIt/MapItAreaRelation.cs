namespace LocalGov.Postcodes.MapIt;

/// <summary>How other areas relate to an area (<c>/area/{id}/{relation}</c>).</summary>
public enum MapItAreaRelation
{
    /// <summary>Areas whose parent is this area.</summary>
    Children,

    /// <summary>Areas this area covers entirely (e.g. the parishes in a district).</summary>
    Covers,

    /// <summary>Areas that cover this area entirely.</summary>
    Covered,

    /// <summary>Areas this area covers or overlaps.</summary>
    Coverlaps,

    /// <summary>Areas sharing a boundary.</summary>
    Touches,

    /// <summary>Areas partly overlapping.</summary>
    Overlaps,

    /// <summary>Areas intersecting in any way.</summary>
    Intersects,
}
