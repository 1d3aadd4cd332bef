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
}
