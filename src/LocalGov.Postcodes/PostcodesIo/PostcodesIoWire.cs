using System.Text.Json;
using System.Text.Json.Serialization;

namespace LocalGov.Postcodes.PostcodesIo;

/// <summary>postcodes.io's success envelope <c>{"status":200,"result":…}</c>.</summary>
internal sealed record PostcodesIoEnvelope<T>
{
    [JsonPropertyName("status")]
    public int Status { get; init; }

    [JsonPropertyName("result")]
    public T? Result { get; init; }
}

/// <summary>postcodes.io's error body <c>{"status":404,"error":"…","terminated":{…}}</c>.</summary>
internal sealed record PostcodesIoError
{
    [JsonPropertyName("status")]
    public int? Status { get; init; }

    [JsonPropertyName("error")]
    public string? Error { get; init; }

    [JsonPropertyName("terminated")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TerminatedPostcode? Terminated { get; init; }
}

internal sealed record BulkLookupRequest([property: JsonPropertyName("postcodes")] IReadOnlyList<string> Postcodes);

internal sealed record BulkReverseRequest([property: JsonPropertyName("geolocations")] IReadOnlyList<ReverseGeocodeQuery> Geolocations);

internal sealed record BulkLookupItem
{
    [JsonPropertyName("query")]
    public string? Query { get; init; }

    [JsonPropertyName("result")]
    public PostcodeResult? Result { get; init; }
}

internal sealed record BulkReverseItem
{
    /// <summary>The server's echo of the point (query-string defaults come back as strings), kept as sent.</summary>
    [JsonPropertyName("query")]
    public JsonElement Query { get; init; }

    [JsonPropertyName("result")]
    public IReadOnlyList<PostcodeResult>? Result { get; init; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(PostcodesIoEnvelope<PostcodeResult>), TypeInfoPropertyName = "PostcodeEnvelope")]
[JsonSerializable(typeof(PostcodesIoEnvelope<IReadOnlyList<PostcodeResult>>), TypeInfoPropertyName = "PostcodeListEnvelope")]
[JsonSerializable(typeof(PostcodesIoEnvelope<IReadOnlyList<BulkLookupItem>>), TypeInfoPropertyName = "BulkLookupEnvelope")]
[JsonSerializable(typeof(PostcodesIoEnvelope<IReadOnlyList<BulkReverseItem>>), TypeInfoPropertyName = "BulkReverseEnvelope")]
[JsonSerializable(typeof(PostcodesIoEnvelope<bool>), TypeInfoPropertyName = "BoolEnvelope")]
[JsonSerializable(typeof(PostcodesIoEnvelope<string>), TypeInfoPropertyName = "StringEnvelope")]
[JsonSerializable(typeof(PostcodesIoEnvelope<IReadOnlyList<string>>), TypeInfoPropertyName = "StringListEnvelope")]
[JsonSerializable(typeof(PostcodesIoEnvelope<OutcodeResult>), TypeInfoPropertyName = "OutcodeEnvelope")]
[JsonSerializable(typeof(PostcodesIoEnvelope<IReadOnlyList<OutcodeResult>>), TypeInfoPropertyName = "OutcodeListEnvelope")]
[JsonSerializable(typeof(PostcodesIoEnvelope<TerminatedPostcode>), TypeInfoPropertyName = "TerminatedEnvelope")]
[JsonSerializable(typeof(PostcodesIoEnvelope<ScottishPostcode>), TypeInfoPropertyName = "ScottishEnvelope")]
[JsonSerializable(typeof(PostcodesIoEnvelope<Place>), TypeInfoPropertyName = "PlaceEnvelope")]
[JsonSerializable(typeof(PostcodesIoEnvelope<IReadOnlyList<Place>>), TypeInfoPropertyName = "PlaceListEnvelope")]
[JsonSerializable(typeof(PostcodesIoError))]
[JsonSerializable(typeof(BulkLookupRequest))]
[JsonSerializable(typeof(BulkReverseRequest))]
[JsonSerializable(typeof(PostcodeResult))]
internal sealed partial class PostcodesIoJsonContext : JsonSerializerContext;
