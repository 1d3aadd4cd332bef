using System.Text.Json;
using System.Text.Json.Serialization;

namespace WhoCoversThisPlace;

// Settable properties, not init: System.Text.Json's source generator sets every init property, so a missing one
// would lose its default.

/// <summary>The settings file: the layers (or a saved index), which layers are the parish and the ward, and the services.</summary>
public sealed record PlaceSettings
{
    /// <summary>The layers, in answer order. Ignored when <see cref="Index"/> is set.</summary>
    public IReadOnlyList<LayerSettings> Layers { get; set; } = [];

    /// <summary>An index file from <c>localgov boundaries index --layer …</c>, instead of <see cref="Layers"/>.</summary>
    public string? Index { get; set; }

    /// <summary>The layer whose area is a parish: its clerk comes from Modern.Gov <c>GetParishCouncils</c>.</summary>
    public string ParishLayer { get; set; } = "parish";

    /// <summary>The layer whose area is a ward: its councillors come from Modern.Gov <c>GetCouncillorsByWard</c>.</summary>
    public string WardLayer { get; set; } = "ward";

    /// <summary>postcodes.io, for postcodes.</summary>
    public Uri PostcodesIo { get; set; } = new("https://api.postcodes.io/");

    /// <summary>The district's Modern.Gov (its parish clerks and ward councillors); none to skip Modern.Gov.</summary>
    public Uri? ModernGov { get; set; }

    /// <summary>Offline answers for postcodes.io and Modern.Gov, from files (the demo).</summary>
    public DemoSettings? Demo { get; set; }

    /// <summary>The folder the settings file is in: relative paths are resolved against it.</summary>
    [JsonIgnore]
    public string Folder { get; set; } = ".";

    /// <summary>A path from the settings, made absolute against <see cref="Folder"/>.</summary>
    public string PathOf(string path) => Path.GetFullPath(path, Folder);

    /// <summary>Reads a settings file; the error names the file and what is wrong.</summary>
    /// <exception cref="PlaceSettingsException">The file is missing, is not JSON, or has no layers and no index.</exception>
    public static PlaceSettings Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new PlaceSettingsException($"the settings file '{path}' does not exist.");
        }

        PlaceSettings? settings;
        try
        {
            settings = JsonSerializer.Deserialize(File.ReadAllText(path), PlaceJsonContext.Default.PlaceSettings);
        }
        catch (JsonException ex)
        {
            throw new PlaceSettingsException($"'{path}' is not valid settings JSON: {ex.Message}");
        }

        if (settings is null || (settings.Layers.Count == 0 && settings.Index is null))
        {
            throw new PlaceSettingsException($"'{path}' names no layers and no index.");
        }

        if (settings.Layers.Any(l => string.IsNullOrWhiteSpace(l.Name) || string.IsNullOrWhiteSpace(l.File)))
        {
            throw new PlaceSettingsException($"'{path}': every layer needs a name and a file.");
        }

        return settings with { Folder = Path.GetDirectoryName(Path.GetFullPath(path))! };
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(PlaceSettings))]
internal sealed partial class PlaceJsonContext : JsonSerializerContext;
