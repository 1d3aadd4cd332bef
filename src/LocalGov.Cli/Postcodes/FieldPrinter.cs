using System.Globalization;
using System.Text.Json;

namespace LocalGov.Cli.Postcodes;

/// <summary>Prints a JSON object as <c>name: value</c> lines using the service's own field names (nested as <c>codes.parish</c>).</summary>
internal static class FieldPrinter
{
    public static async Task WriteAsync(TextWriter output, JsonElement element, string prefix = "")
    {
        foreach (var property in element.EnumerateObject())
        {
            var name = prefix + property.Name;
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                await WriteAsync(output, property.Value, name + ".").ConfigureAwait(false);
                continue;
            }

            await output.WriteLineAsync($"{name}: {Format(property.Value)}").ConfigureAwait(false);
        }
    }

    private static string Format(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => string.Empty,
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Array => string.Join("; ", value.EnumerateArray().Select(Format)),
        JsonValueKind.Number => value.GetDouble().ToString(CultureInfo.InvariantCulture),
        _ => value.GetRawText(),
    };
}
