using System.Text.Json.Serialization;

namespace LocalGov.Postcodes.MapIt;

/// <summary>
/// One entry of a MapIt postcode's <c>shortcuts</c>: a single area id, or, in two-tier areas, the county and
/// district ids (<c>{"county":…,"district":…}</c>).
/// </summary>
[JsonConverter(typeof(MapItShortcutJsonConverter))]
public sealed record MapItShortcut
{
    /// <summary>The area id when the shortcut is a single area.</summary>
    public int? AreaId { get; init; }

    /// <summary>The county-level area id in a two-tier area.</summary>
    public int? County { get; init; }

    /// <summary>The district-level area id in a two-tier area.</summary>
    public int? District { get; init; }
}
