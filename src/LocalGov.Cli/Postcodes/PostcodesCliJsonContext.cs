using System.Text.Json.Serialization;
using LocalGov.Postcodes.MapIt;
using LocalGov.Postcodes.PostcodesIo;

namespace LocalGov.Cli.Postcodes;

/// <summary>One line of <c>postcode bulk</c> output.</summary>
internal sealed record BulkLine(string Query, PostcodeResult? Result);

/// <summary>A converted BNG pair.</summary>
internal sealed record BngOutput(double Easting, double Northing, string Method);

/// <summary>A converted WGS84 pair.</summary>
internal sealed record Wgs84Output(double Latitude, double Longitude, string Method);

/// <summary>The answer of <c>postcode validate</c>.</summary>
internal sealed record ValidateOutput(string Postcode, bool Valid, string Check);

// Models keep postcodes.io's and MapIt's own field names (explicit JsonPropertyName); the CLI's own records are camelCase.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PostcodeResult))]
[JsonSerializable(typeof(IReadOnlyList<PostcodeResult>))]
[JsonSerializable(typeof(OutcodeResult))]
[JsonSerializable(typeof(IReadOnlyList<Place>))]
[JsonSerializable(typeof(BulkLine))]
[JsonSerializable(typeof(IReadOnlyDictionary<int, MapItArea>))]
[JsonSerializable(typeof(BngOutput))]
[JsonSerializable(typeof(Wgs84Output))]
[JsonSerializable(typeof(ValidateOutput))]
internal sealed partial class PostcodesCliJsonContext : JsonSerializerContext;
