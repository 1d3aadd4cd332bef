using System.Text.Json.Serialization;

namespace LocalGov.Postcodes.MapIt;

/// <summary>MapIt's error body <c>{"error":"…","code":404}</c>.</summary>
internal sealed record MapItError
{
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    [JsonPropertyName("code")]
    public int? Code { get; init; }
}

/// <summary><c>/nearest/…</c> wraps the postcode: <c>{"postcode":{…,"distance":m}}</c>.</summary>
internal sealed record MapItNearest
{
    [JsonPropertyName("postcode")]
    public MapItPostcode? Postcode { get; init; }
}

/// <summary>The body of <c>/quota</c>, when it carries the figures: <c>{"quota":{"current":n,"limit":n}}</c>.</summary>
internal sealed record MapItQuotaBody
{
    [JsonPropertyName("quota")]
    public MapItQuotaFigures? Quota { get; init; }
}

internal sealed record MapItQuotaFigures
{
    [JsonPropertyName("current")]
    public long? Current { get; init; }

    [JsonPropertyName("limit")]
    public long? Limit { get; init; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(MapItArea))]
[JsonSerializable(typeof(IReadOnlyDictionary<int, MapItArea>), TypeInfoPropertyName = "AreaMap")]
[JsonSerializable(typeof(MapItPostcode))]
[JsonSerializable(typeof(MapItNearest))]
[JsonSerializable(typeof(MapItGeometryInfo))]
[JsonSerializable(typeof(MapItError))]
[JsonSerializable(typeof(MapItQuotaBody))]
internal sealed partial class MapItJsonContext : JsonSerializerContext;
