using System.Text.Json;
using System.Text.Json.Serialization;

namespace LocalGov.Postcodes.MapIt;

/// <summary>Reads and writes MapIt's polymorphic shortcut: a number, or <c>{"county":id,"district":id}</c>.</summary>
internal sealed class MapItShortcutJsonConverter : JsonConverter<MapItShortcut>
{
    public override MapItShortcut Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return new MapItShortcut { AreaId = reader.GetInt32() };
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A MapIt shortcut must be an area id or an object, not {reader.TokenType}.");
        }

        int? county = null, district = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            int? value = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32();
            switch (name)
            {
                case "county":
                    county = value;
                    break;
                case "district":
                    district = value;
                    break;
                default:
                    throw new JsonException($"Unexpected MapIt shortcut key '{name}'.");
            }
        }

        return new MapItShortcut { County = county, District = district };
    }

    public override void Write(Utf8JsonWriter writer, MapItShortcut value, JsonSerializerOptions options)
    {
        if (value.AreaId is { } id)
        {
            writer.WriteNumberValue(id);
            return;
        }

        writer.WriteStartObject();
        if (value.County is { } county)
        {
            writer.WriteNumber("county", county);
        }

        if (value.District is { } district)
        {
            writer.WriteNumber("district", district);
        }

        writer.WriteEndObject();
    }
}
