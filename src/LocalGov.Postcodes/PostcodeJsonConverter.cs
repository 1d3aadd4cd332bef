using System.Text.Json;
using System.Text.Json.Serialization;

namespace LocalGov.Postcodes;

/// <summary>Reads and writes a <see cref="Postcode"/> as its normalised JSON string, e.g. <c>"SW1A 1AA"</c>.</summary>
public sealed class PostcodeJsonConverter : JsonConverter<Postcode>
{
    /// <inheritdoc />
    /// <exception cref="JsonException">The token is not a string holding a UK postcode.</exception>
    public override Postcode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a postcode string but found {reader.TokenType}.");
        }

        var text = reader.GetString();
        return Postcode.TryParse(text, out var postcode)
            ? postcode
            : throw new JsonException($"'{text}' is not a UK postcode.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Postcode value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
