using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LocalGov.Open311.Internal;

// The wire shapes, shared by both formats: the JSON reader fills them by name, the XML reader element by element.
// Every scalar is read as text first, because servers send the same field as a number, a string or a boolean
// (the spec's own examples write service_code as 001 and keys as 123).
internal sealed record ServiceWire
{
    [JsonPropertyName("service_code")]
    public string? ServiceCode { get; init; }

    [JsonPropertyName("service_name")]
    public string? ServiceName { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("metadata")]
    public string? Metadata { get; init; }

    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("keywords")]
    public string? Keywords { get; init; }

    [JsonPropertyName("group")]
    public string? Group { get; init; }
}

internal sealed record DefinitionWire
{
    [JsonPropertyName("service_code")]
    public string? ServiceCode { get; init; }

    [JsonPropertyName("attributes")]
    public List<AttributeWire>? Attributes { get; init; }
}

internal sealed record AttributeWire
{
    [JsonPropertyName("variable")]
    public string? Variable { get; init; }

    [JsonPropertyName("code")]
    public string? Code { get; init; }

    [JsonPropertyName("datatype")]
    public string? Datatype { get; init; }

    [JsonPropertyName("required")]
    public string? Required { get; init; }

    [JsonPropertyName("datatype_description")]
    public string? DatatypeDescription { get; init; }

    [JsonPropertyName("order")]
    public string? Order { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("values")]
    public List<ValueWire>? Values { get; init; }
}

internal sealed record ValueWire
{
    [JsonPropertyName("key")]
    public string? Key { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }
}

/// <summary>One <c>request</c> element: the answer of POST requests, GET tokens and GET requests all use it.</summary>
internal sealed record RequestWire
{
    [JsonPropertyName("service_request_id")]
    public string? ServiceRequestId { get; init; }

    [JsonPropertyName("token")]
    public string? Token { get; init; }

    [JsonPropertyName("service_notice")]
    public string? ServiceNotice { get; init; }

    [JsonPropertyName("account_id")]
    public string? AccountId { get; init; }

    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("status_notes")]
    public string? StatusNotes { get; init; }

    [JsonPropertyName("service_name")]
    public string? ServiceName { get; init; }

    [JsonPropertyName("service_code")]
    public string? ServiceCode { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("agency_responsible")]
    public string? AgencyResponsible { get; init; }

    [JsonPropertyName("requested_datetime")]
    public string? RequestedDateTime { get; init; }

    [JsonPropertyName("updated_datetime")]
    public string? UpdatedDateTime { get; init; }

    [JsonPropertyName("expected_datetime")]
    public string? ExpectedDateTime { get; init; }

    [JsonPropertyName("address")]
    public string? Address { get; init; }

    [JsonPropertyName("address_id")]
    public string? AddressId { get; init; }

    [JsonPropertyName("zipcode")]
    public string? Zipcode { get; init; }

    [JsonPropertyName("lat")]
    public string? Lat { get; init; }

    [JsonPropertyName("long")]
    public string? Long { get; init; }

    [JsonPropertyName("media_url")]
    public string? MediaUrl { get; init; }
}

internal sealed record ErrorWire
{
    [JsonPropertyName("code")]
    public string? Code { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }
}

/// <summary>Reads any JSON scalar as its text: numbers keep their digits as written (<c>001</c> stays <c>001</c>), booleans become <c>true</c>/<c>false</c>.</summary>
internal sealed class ScalarAsStringConverter : JsonConverter<string>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => throw new JsonException($"Expected a text, number or boolean value, not {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

[JsonSourceGenerationOptions(Converters = [typeof(ScalarAsStringConverter)], AllowTrailingCommas = true, ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(List<ServiceWire>))]
[JsonSerializable(typeof(DefinitionWire))]
[JsonSerializable(typeof(List<RequestWire>))]
[JsonSerializable(typeof(RequestWire))]
[JsonSerializable(typeof(List<ErrorWire>))]
[JsonSerializable(typeof(ErrorWire))]
internal sealed partial class Open311JsonContext : JsonSerializerContext;

/// <summary>Turns wire text into typed values, leniently: what does not parse becomes null, never an exception.</summary>
internal static class WireText
{
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static bool Flag(string? value, bool fallback) => Clean(value)?.ToUpperInvariant() switch
    {
        "TRUE" or "1" or "YES" => true,
        "FALSE" or "0" or "NO" => false,
        _ => fallback,
    };

    public static int? Integer(string? value) =>
        int.TryParse(Clean(value), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static double? Number(string? value) =>
        double.TryParse(Clean(value), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : null;

    public static DateTimeOffset? Date(string? value) =>
        DateTimeOffset.TryParse(Clean(value), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;

    public static Uri? Url(string? value) =>
        Uri.TryCreate(Clean(value), UriKind.Absolute, out var uri) ? uri : null;
}
