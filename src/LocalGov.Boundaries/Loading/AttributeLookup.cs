using NetTopologySuite.Features;

namespace LocalGov.Boundaries.Loading;

/// <summary>Case-insensitive access to a feature's attributes, as field names in files vary in case.</summary>
internal static class AttributeLookup
{
    public static Func<string, object?> For(IAttributesTable? attributes)
    {
        if (attributes is null)
        {
            return _ => null;
        }

        var names = attributes.GetNames();
        return name =>
        {
            foreach (var n in names)
            {
                if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
                {
                    return attributes.GetOptionalValue(n);
                }
            }

            return null;
        };
    }

    public static IReadOnlyList<string> Names(IEnumerable<IFeature> features)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var feature in features)
        {
            if (feature.Attributes is null)
            {
                continue;
            }

            foreach (var n in feature.Attributes.GetNames())
            {
                if (seen.Add(n))
                {
                    names.Add(n);
                }
            }
        }

        return names;
    }
}
