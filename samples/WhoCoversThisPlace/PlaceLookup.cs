using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalGov.Boundaries;
using LocalGov.ModernGov;
using LocalGov.Postcodes;
using LocalGov.Postcodes.Grid;
using LocalGov.Postcodes.PostcodesIo;

namespace WhoCoversThisPlace;

/// <summary>
/// "Who covers this place?": a postcode or a longitude/latitude in; every boundary layer's area out (parish, ward,
/// district, county…), with the parish clerk and the ward councillors from the district's Modern.Gov.
/// </summary>
public static class PlaceLookup
{
    private const string Usage =
        "usage: WhoCoversThisPlace [--settings FILE] [--json] (POSTCODE | --point LONGITUDE,LATITUDE)\n" +
        "  --settings  layers and services (default: settings.demo.json, made-up demo data, offline)\n" +
        "  exit codes: 0 found, 1 usage or settings, 2 a service failed, 3 not found, 4 not a postcode or a point";

    /// <summary>Runs the sample; returns the exit code.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Where the answer goes.</param>
    /// <param name="error">Where problems go.</param>
    /// <param name="handler">The HTTP handler for postcodes.io and Modern.Gov (tests); the settings' demo section, else the network, when null.</param>
    /// <param name="cancellationToken">Cancels the lookups.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, HttpMessageHandler? handler = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!TryParseArgs(args, out var request, out var problem))
        {
            await error.WriteLineAsync($"{problem}\n{Usage}").ConfigureAwait(false);
            return 1;
        }

        PlaceSettings settings;
        BoundaryResolver resolver;
        try
        {
            settings = PlaceSettings.Load(request.SettingsPath);
            resolver = BuildResolver(settings);
        }
        catch (Exception ex) when (ex is PlaceSettingsException or BoundariesException or FileNotFoundException)
        {
            await error.WriteLineAsync($"WhoCoversThisPlace cannot start: {ex.Message}").ConfigureAwait(false);
            return 1;
        }

        HttpMessageHandler? owned = null;
        try
        {
            handler ??= owned = settings.Demo is { } demo ? new DemoServicesHandler(settings, demo) : new HttpClientHandler();
            return await AnswerAsync(request, settings, resolver, handler, output, error, cancellationToken).ConfigureAwait(false);
        }
        catch (PlaceSettingsException ex)
        {
            await error.WriteLineAsync($"WhoCoversThisPlace cannot start: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
        finally
        {
            owned?.Dispose();
        }
    }

    private static async Task<int> AnswerAsync(PlaceRequest request, PlaceSettings settings, BoundaryResolver resolver, HttpMessageHandler handler, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (longitude, latitude) = (request.Longitude, request.Latitude);
        if (request.Postcode is { } text)
        {
            if (!Postcode.TryParse(text, out var postcode))
            {
                await error.WriteLineAsync($"'{text}' is not a UK postcode.").ConfigureAwait(false);
                return 4;
            }

            // Each client gets its own HttpClient over the one handler: each sets its own base address.
            using var http = new HttpClient(handler, disposeHandler: false);
            try
            {
                var found = await new PostcodesIoClient(http, new PostcodesIoClientOptions { BaseAddress = settings.PostcodesIo }).LookupAsync(postcode, cancellationToken).ConfigureAwait(false);
                if (found.Longitude is not { } lon || found.Latitude is not { } lat)
                {
                    await error.WriteLineAsync($"postcodes.io has no coordinates for {postcode.Value}.").ConfigureAwait(false);
                    return 3;
                }

                (longitude, latitude) = (lon, lat);
            }
            catch (PostcodeNotFoundException)
            {
                await error.WriteLineAsync($"postcodes.io does not know {postcode.Value}.").ConfigureAwait(false);
                return 3;
            }
            catch (InvalidPostcodeException)
            {
                await error.WriteLineAsync($"postcodes.io says '{text}' is not a postcode.").ConfigureAwait(false);
                return 4;
            }
            catch (PostcodesException ex)
            {
                await error.WriteLineAsync($"postcodes.io failed: {ex.Message}").ConfigureAwait(false);
                return 2;
            }
        }

        var answers = new ResolvedArea[resolver.LayerCount];
        try
        {
            resolver.Resolve(longitude, latitude, BoundaryCrs.Wgs84, answers);
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 4;
        }

        var place = new Place(request.Postcode is null ? null : Postcode.Parse(request.Postcode).Value, longitude, latitude, resolver.LayerNames, answers);
        var exit = answers.Any(a => a.IsFound) ? 0 : 3;
        var moderngovFailed = false;
        if (ModernGovBase(settings) is { } baseUrl)
        {
            try
            {
                using var http = new HttpClient(handler, disposeHandler: false);
                await AddModernGovAsync(place, settings, http, baseUrl, cancellationToken).ConfigureAwait(false);
            }
            catch (ModernGovException ex)
            {
                await error.WriteLineAsync($"Modern.Gov failed: {ex.Message}").ConfigureAwait(false);
                moderngovFailed = true;
            }
        }

        await output.WriteAsync(request.Json ? place.ToJson() : place.ToText()).ConfigureAwait(false);
        if (exit == 3)
        {
            await error.WriteLineAsync("No area of any layer covers this place.").ConfigureAwait(false);
        }

        return moderngovFailed ? 2 : exit;
    }

    private static Uri? ModernGovBase(PlaceSettings settings) =>
        settings.ModernGov ?? (settings.Demo is { ModernGovParishCouncils: not null } or { ModernGovCouncillorsByWard: not null } ? new Uri("https://moderngov.demo.invalid/") : null);

    private static async Task AddModernGovAsync(Place place, PlaceSettings settings, HttpClient http, Uri baseUrl, CancellationToken cancellationToken)
    {
        var client = new ModernGovClient(http, new ModernGovCouncilOptions { BaseUrl = baseUrl, MaxRetryAttempts = 0 }, "district");
        if (place.Area(settings.ParishLayer) is { Kind: AreaKind.Parish, Name: { } parishName })
        {
            var councils = await client.GetParishCouncilsAsync(cancellationToken).ConfigureAwait(false);
            place.ParishCouncil = councils.FindByParishName(parishName);
            place.ParishLookedUp = true;
        }

        if (place.Area(settings.WardLayer) is { IsFound: true, Name: { } wardName })
        {
            var wards = await client.GetCouncillorsByWardAsync(cancellationToken).ConfigureAwait(false);
            place.Ward = wards.FindByWardName(wardName);
            place.WardLookedUp = true;
        }
    }

    private static BoundaryResolver BuildResolver(PlaceSettings settings)
    {
        // Postcodes and --point are WGS84; boundaries in British National Grid are queried through this conversion.
        var options = new BoundaryResolverOptions { GridConverter = new HelmertGridConverter() };
        if (settings.Index is { } index)
        {
            return BoundaryResolver.Load(settings.PathOf(index), options);
        }

        var layers = settings.Layers.Select(l => new BoundaryLayer(
            l.Name,
            BoundaryLoader.Load(settings.PathOf(l.File), new BoundaryLoadOptions { CodeField = l.CodeField, NameField = l.NameField, TopoJsonObject = l.TopoJsonObject })));
        return BoundaryResolver.Build(layers, options);
    }

    private static bool TryParseArgs(string[] args, out PlaceRequest request, out string problem)
    {
        request = new PlaceRequest { SettingsPath = Path.Combine(AppContext.BaseDirectory, "settings.demo.json") };
        problem = string.Empty;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--settings" when i + 1 < args.Length:
                    request = request with { SettingsPath = args[++i] };
                    break;
                case "--json":
                    request = request with { Json = true };
                    break;
                case "--point" when i + 1 < args.Length:
                    var parts = args[++i].Split(',');
                    if (parts.Length != 2
                        || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
                        || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat))
                    {
                        problem = $"--point: expected LONGITUDE,LATITUDE, got '{args[i]}'.";
                        return false;
                    }

                    request = request with { Longitude = lon, Latitude = lat, HasPoint = true };
                    break;
                case var arg when arg.StartsWith("--", StringComparison.Ordinal):
                    problem = $"unknown or incomplete option '{arg}'.";
                    return false;
                default:
                    if (request.Postcode is not null)
                    {
                        problem = "give one postcode.";
                        return false;
                    }

                    request = request with { Postcode = args[i] };
                    break;
            }
        }

        if ((request.Postcode is null) == !request.HasPoint)
        {
            problem = "give a postcode or --point LONGITUDE,LATITUDE (one of them).";
            return false;
        }

        return true;
    }

    private sealed record PlaceRequest
    {
        public required string SettingsPath { get; init; }

        public string? Postcode { get; init; }

        public double Longitude { get; init; }

        public double Latitude { get; init; }

        public bool HasPoint { get; init; }

        public bool Json { get; init; }
    }

    /// <summary>What was found for one place.</summary>
    private sealed class Place(string? postcode, double longitude, double latitude, IReadOnlyList<string> layers, ResolvedArea[] answers)
    {
        public ModernGovParishCouncil? ParishCouncil { get; set; }

        public bool ParishLookedUp { get; set; }

        public ModernGovWard? Ward { get; set; }

        public bool WardLookedUp { get; set; }

        public ResolvedArea? Area(string layer)
        {
            for (var l = 0; l < layers.Count; l++)
            {
                if (string.Equals(layers[l], layer, StringComparison.OrdinalIgnoreCase))
                {
                    return answers[l];
                }
            }

            return null;
        }

        public string ToText()
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"{(postcode is null ? "Point" : postcode)}: longitude {longitude}, latitude {latitude}\n");
            var width = layers.Max(l => l.Length) + 2;
            for (var l = 0; l < layers.Count; l++)
            {
                var a = answers[l];
                text.Append(layers[l].PadRight(width)).Append(a.IsFound ? $"{a.Code}  {a.Name}" : "none").Append('\n');
            }

            if (ParishLookedUp)
            {
                text.Append(ParishCouncil is { } council
                    ? $"Parish clerk ({council.Name}): {Join(council.ClerkName, council.Email, council.Phone)}\n"
                    : "Parish clerk: this parish is not listed in Modern.Gov's parish councils.\n");
            }

            if (WardLookedUp)
            {
                text.Append(Ward is { } ward
                    ? $"Ward councillors ({ward.Title}): {string.Join("; ", ward.Councillors.Select(c => Join(c.FullName, c.Party, c.Email)))}\n"
                    : "Ward councillors: this ward is not listed in Modern.Gov.\n");
            }

            return text.ToString();
        }

        public string ToJson()
        {
            var layerJson = new JsonObject();
            for (var l = 0; l < layers.Count; l++)
            {
                var a = answers[l];
                layerJson[layers[l]] = new JsonObject { ["code"] = a.Code, ["name"] = a.Name, ["kind"] = KindName(a.Kind) };
            }

            var json = new JsonObject
            {
                ["place"] = new JsonObject { ["postcode"] = postcode, ["longitude"] = longitude, ["latitude"] = latitude },
                ["layers"] = layerJson,
                ["parishClerk"] = ParishCouncil is { } c
                    ? new JsonObject { ["council"] = c.Name, ["clerk"] = c.ClerkName, ["email"] = c.Email, ["phone"] = c.Phone, ["website"] = c.Website?.ToString() }
                    : null,
                ["wardCouncillors"] = Ward is { } w
                    ? new JsonObject
                    {
                        ["ward"] = w.Title,
                        ["councillors"] = new JsonArray([.. w.Councillors.Select(m => (JsonNode)new JsonObject { ["name"] = m.FullName, ["party"] = m.Party, ["email"] = m.Email })]),
                    }
                    : null,
            };
            return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        }

        private static string Join(params string?[] parts) => string.Join(", ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));

        private static string KindName(AreaKind kind) => kind switch
        {
            AreaKind.None => "none",
            AreaKind.NonParishedArea => "non-parished-area",
            AreaKind.ElectoralDivision => "division",
            _ => kind.ToString().ToLowerInvariant(),
        };
    }
}
