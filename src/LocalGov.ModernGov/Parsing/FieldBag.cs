using System.Collections.ObjectModel;

namespace LocalGov.ModernGov;

/// <summary>Collects the elements a model has no property for, so nothing a council sends is lost.</summary>
internal struct FieldBag
{
    private Dictionary<string, string>? _fields;

    public void Add(string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        _fields ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (_fields.TryAdd(key, value))
        {
            return;
        }

        // A repeated element keeps every value: name, name[2], name[3]...
        for (var n = 2; ; n++)
        {
            if (_fields.TryAdd($"{key}[{n}]", value))
            {
                return;
            }
        }
    }

    public readonly IReadOnlyDictionary<string, string> Build() =>
        _fields is null ? ReadOnlyDictionary<string, string>.Empty : new ReadOnlyDictionary<string, string>(_fields);
}
