using Microsoft.Extensions.Options;

namespace SpeedingReport.Map;

/// <summary>The location map: its settings, checked at start, and the boundaries it draws as GeoJSON.</summary>
public static class LocationMapExtensions
{
    /// <summary>The address of the boundaries the map draws.</summary>
    public const string BoundariesPath = "/map/boundaries.geojson";

    public static IServiceCollection AddLocationMap(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MapOptions>().Bind(configuration.GetSection(MapOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MapOptions>, MapOptionsValidator>();
        services.AddSingleton<BoundaryGeoJson>();
        return services;
    }

    public static WebApplication MapLocationMap(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(BoundariesPath, (BoundaryGeoJson boundaries, HttpContext context) =>
        {
            // The boundaries are fixed while the app runs: let the browser keep them for an hour.
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(boundaries.Utf8Json, "application/geo+json");
        });
        return app;
    }

    private sealed class MapOptionsValidator : IValidateOptions<MapOptions>
    {
        public ValidateOptionsResult Validate(string? name, MapOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
