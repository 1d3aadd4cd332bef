using System.Collections.ObjectModel;

namespace LocalGov.ModernGov;

/// <summary>
/// The fields of one record that no property takes, kept as <c>AdditionalFields</c>. Linear in the fields added, and
/// capped (<see cref="ModernGovCouncilOptions.MaxFieldsPerRecord"/>), so a record repeating one unknown element 80,000
/// times is refused quickly. Made by <see cref="XmlCursor.NewBag"/>, which passes the client's cap.
/// </summary>
internal struct FieldBag(int maxFields)
{
    private readonly int _maxFields = maxFields;

    private Dictionary<string, string>? _fields;

    // How many values each repeated key holds, so the next suffix is found at once rather than by probing name[2], name[3]...
    private Dictionary<string, int>? _repeats;

    public void Add(string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        _fields ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (_fields.Count >= _maxFields)
        {
            throw new XmlLimitException("fields per record", _maxFields, $"A record has more than {_maxFields} unrecognised fields (the last was <{Shorten(key)}>).");
        }

        if (_fields.TryAdd(key, value))
        {
            return;
        }

        // A repeated element keeps every value: name, name[2], name[3]...
        _repeats ??= new Dictionary<string, int>(StringComparer.Ordinal);
        var n = _repeats.TryGetValue(key, out var seen) ? seen : 1;
        do
        {
            n++;
        }
        while (!_fields.TryAdd($"{key}[{n}]", value));

        _repeats[key] = n;
    }

    public readonly IReadOnlyDictionary<string, string> Build() =>
        _fields is null ? ReadOnlyDictionary<string, string>.Empty : new ReadOnlyDictionary<string, string>(_fields);

    private static string Shorten(string key) => key.Length <= 100 ? key : key[..100] + "…";
}
