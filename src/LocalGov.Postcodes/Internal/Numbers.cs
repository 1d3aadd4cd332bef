using System.Globalization;

namespace LocalGov.Postcodes.Internal;

/// <summary>Culture-invariant, round-trippable number text for URLs.</summary>
internal static class Numbers
{
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string? Format(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string? Format(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => null,
    };

    public static double RequireFinite(double value, string name) =>
        double.IsFinite(value) ? value : throw new ArgumentException($"{name} must be a finite number, not {value}.", name);

    public static double RequireLongitude(double value, string name) =>
        RequireFinite(value, name) is >= -180 and <= 180 ? value : throw new ArgumentException($"{name} must be a WGS84 longitude between -180 and 180, not {Format(value)}.", name);

    public static double RequireLatitude(double value, string name) =>
        RequireFinite(value, name) is >= -90 and <= 90 ? value : throw new ArgumentException($"{name} must be a WGS84 latitude between -90 and 90, not {Format(value)}.", name);

    /// <summary>Whether a position a server sent is absent or a real WGS84 one.</summary>
    public static bool IsWgs84OrAbsent(double? longitude, double? latitude) =>
        (longitude is null || (double.IsFinite(longitude.Value) && longitude.Value is >= -180 and <= 180)) &&
        (latitude is null || (double.IsFinite(latitude.Value) && latitude.Value is >= -90 and <= 90));

    /// <summary>Refuses an identifier that would be sent with a control character in it (a trailing newline, say).</summary>
    public static string RequireIdentifier(string value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        return value.Any(char.IsControl)
            ? throw new ArgumentException($"{name} must not contain control characters (a trailing newline, a tab): '{value.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal)}'.", name)
            : value;
    }
}
