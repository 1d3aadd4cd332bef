using System.Text.Json.Serialization;

namespace LocalGov.Postcodes.MapIt;

/// <summary>A MapIt area (<c>Area.as_dict</c>): a council, ward, parish, constituency…</summary>
public sealed record MapItArea
{
    /// <summary>MapIt's own numeric id (not a GSS code).</summary>
    [JsonPropertyName("id")]
    public int Id { get; init; }

    /// <summary>The area's name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>The parent area's id, or null.</summary>
    [JsonPropertyName("parent_area")]
    public int? ParentArea { get; init; }

    /// <summary>The area type code, e.g. <c>CPC</c> (civil parish), <c>DIS</c>, <c>UTA</c>, <c>WMC</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = string.Empty;

    /// <summary>The type's description, e.g. <c>Civil parish/community</c>.</summary>
    [JsonPropertyName("type_name")]
    public string? TypeName { get; init; }

    /// <summary>Country code: <c>E</c>, <c>W</c>, <c>S</c>, <c>N</c> or empty.</summary>
    [JsonPropertyName("country")]
    public string? Country { get; init; }

    /// <summary>Country name (<c>-</c> when none).</summary>
    [JsonPropertyName("country_name")]
    public string? CountryName { get; init; }

    /// <summary>The first generation (data release) the area is in.</summary>
    [JsonPropertyName("generation_low")]
    public int? GenerationLow { get; init; }

    /// <summary>The last generation the area is in.</summary>
    [JsonPropertyName("generation_high")]
    public int? GenerationHigh { get; init; }

    /// <summary>Codes by type, e.g. <c>gss</c> → <c>E04011842</c>, <c>ons</c>, <c>unit_id</c>.</summary>
    [JsonPropertyName("codes")]
    public IReadOnlyDictionary<string, string> Codes { get; init; } = new Dictionary<string, string>();

    /// <summary>Other names by name type: type code → [description, name].</summary>
    [JsonPropertyName("all_names")]
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AllNames { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Countries the area spans, when the server lists them.</summary>
    [JsonPropertyName("countries")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Countries { get; init; }

    /// <summary>The GSS code (<c>codes["gss"]</c>), or null.</summary>
    [JsonIgnore]
    public string? GssCode => Codes.TryGetValue("gss", out var gss) ? gss : null;
}
