using System.Xml.Linq;

namespace LocalGov.ModernGov;

/// <summary>
/// For operations whose response shape no recording confirms: finds the repeated records in a document, flattens
/// each to <c>path → text</c>, lets a mapper take the fields it recognises, and keeps the rest.
/// </summary>
internal sealed class LenientRecord
{
    private readonly List<KeyValuePair<string, string>> _fields = [];
    private readonly bool[] _used;
    private readonly XmlLimits _limits;

    // Every field of a record is flattened, known ones included, so the cap is XmlLimits.MaxFlattenedFields: far beyond
    // any real record (an MP with every ward, a few hundred).
    private LenientRecord(XElement element, XmlLimits limits)
    {
        _limits = limits;
        Flatten(element, null, _fields, limits.MaxFlattenedFields);
        _used = new bool[_fields.Count];
    }

    public static IReadOnlyList<LenientRecord> FindRecords(XElement root, IReadOnlyCollection<string> recordNames, XmlLimits limits)
    {
        // The outermost records only: a walk that stops at each record, rather than asking every element for its ancestors
        // (which is quadratic in the nesting depth).
        var named = new List<XElement>();
        FindOutermost(root, recordNames, named);
        if (named.Count > 0)
        {
            return [.. named.Select(e => new LenientRecord(e, limits))];
        }

        // No known record name: the records are the complex children of the innermost list wrapper.
        var container = root;
        while (true)
        {
            var complex = container.Elements().Where(e => e.HasElements).ToList();
            if (complex.Count == 1 && IsListWrapper(complex[0]))
            {
                container = complex[0];
                continue;
            }

            return [.. complex.Select(e => new LenientRecord(e, limits))];
        }
    }

    /// <summary>The first unused field whose name (or last path segment) is one of <paramref name="names"/> and whose value <paramref name="parse"/> accepts.</summary>
    public T? Take<T>(IReadOnlyList<string> names, Func<string, T?> parse)
        where T : struct
    {
        foreach (var name in names)
        {
            for (var i = 0; i < _fields.Count; i++)
            {
                if (!_used[i] && Matches(_fields[i].Key, name) && parse(_fields[i].Value) is { } value)
                {
                    _used[i] = true;
                    return value;
                }
            }
        }

        return null;
    }

    /// <summary>The first unused text field named one of <paramref name="names"/>.</summary>
    public string? TakeText(params IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            for (var i = 0; i < _fields.Count; i++)
            {
                if (!_used[i] && Matches(_fields[i].Key, name))
                {
                    _used[i] = true;
                    return _fields[i].Value;
                }
            }
        }

        return null;
    }

    /// <summary>The first unused text field whose lower-case path satisfies <paramref name="predicate"/>.</summary>
    public string? TakeWhere(Func<string, bool> predicate)
    {
        for (var i = 0; i < _fields.Count; i++)
        {
            if (!_used[i] && predicate(_fields[i].Key.ToLowerInvariant()))
            {
                _used[i] = true;
                return _fields[i].Value;
            }
        }

        return null;
    }

    /// <summary>Every unused text field whose lower-case path satisfies <paramref name="predicate"/>, in order.</summary>
    public List<string> TakeAllWhere(Func<string, bool> predicate)
    {
        var values = new List<string>();
        for (var i = 0; i < _fields.Count; i++)
        {
            if (!_used[i] && predicate(_fields[i].Key.ToLowerInvariant()))
            {
                _used[i] = true;
                values.Add(_fields[i].Value);
            }
        }

        return values;
    }

    public Uri? TakeUri(params IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            for (var i = 0; i < _fields.Count; i++)
            {
                if (!_used[i] && Matches(_fields[i].Key, name) && ModernGovText.ParseUri(_fields[i].Value) is { } uri)
                {
                    _used[i] = true;
                    return uri;
                }
            }
        }

        return null;
    }

    public IReadOnlyDictionary<string, string> Rest()
    {
        var bag = new FieldBag(_limits.MaxFieldsPerRecord);
        for (var i = 0; i < _fields.Count; i++)
        {
            if (!_used[i])
            {
                bag.Add(_fields[i].Key, _fields[i].Value);
            }
        }

        return bag.Build();
    }

    public static long? Long(string value) => ModernGovText.ParseLong(value);

    public static DateOnly? Date(string value) => ModernGovText.ParseDate(value);

    public static TimeOnly? Time(string value) => ModernGovText.ParseTime(value);

    public static bool? Bool(string value) => ModernGovText.ParseBool(value);

    public static bool IsLineKey(string key)
    {
        var slash = key.LastIndexOf('/');
        var last = slash < 0 ? key : key[(slash + 1)..];
        return last.Length > 4 && last.StartsWith("line", StringComparison.OrdinalIgnoreCase) && char.IsAsciiDigit(last[4]);
    }

    private static bool Matches(string key, string name)
    {
        if (key.Equals(name, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var slash = key.LastIndexOf('/');
        return slash >= 0 && key.AsSpan(slash + 1).Equals(name, StringComparison.OrdinalIgnoreCase);
    }

    private static void FindOutermost(XElement parent, IReadOnlyCollection<string> recordNames, List<XElement> found)
    {
        foreach (var child in parent.Elements())
        {
            if (recordNames.Contains(child.Name.LocalName))
            {
                if (child.HasElements || child.HasAttributes)
                {
                    found.Add(child);
                    continue;
                }
            }

            FindOutermost(child, recordNames, found);
        }
    }

    private static void AddField(List<KeyValuePair<string, string>> fields, string key, string value, int maxFields)
    {
        if (fields.Count >= maxFields)
        {
            throw new XmlLimitException("fields per record", maxFields, $"A record has more than {maxFields} fields (the last was <{(key.Length <= 100 ? key : key[..100] + "…")}>).");
        }

        fields.Add(new(key, value));
    }

    private static bool IsListWrapper(XElement element)
    {
        string? recordName = null;
        foreach (var child in element.Elements())
        {
            if (child.HasElements)
            {
                recordName ??= child.Name.LocalName;
                if (child.Name.LocalName != recordName)
                {
                    return false;
                }
            }
            else if (!child.Name.LocalName.EndsWith("count", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return recordName is not null;
    }

    private static void Flatten(XElement element, string? prefix, List<KeyValuePair<string, string>> fields, int maxFields)
    {
        foreach (var attribute in element.Attributes())
        {
            if (attribute.IsNamespaceDeclaration)
            {
                continue;
            }

            if (ModernGovText.Clean(attribute.Value) is { } value)
            {
                AddField(fields, FieldPath.Join(prefix, "@" + attribute.Name.LocalName), value, maxFields);
            }
        }

        foreach (var child in element.Elements())
        {
            var key = FieldPath.Join(prefix, child.Name.LocalName);
            if (child.HasElements)
            {
                Flatten(child, key, fields, maxFields);
            }
            else
            {
                foreach (var attribute in child.Attributes())
                {
                    if (!attribute.IsNamespaceDeclaration && ModernGovText.Clean(attribute.Value) is { } attributeValue)
                    {
                        AddField(fields, FieldPath.Join(key, "@" + attribute.Name.LocalName), attributeValue, maxFields);
                    }
                }

                if (ModernGovText.Clean(child.Value) is { } value)
                {
                    AddField(fields, key, value, maxFields);
                }
            }
        }
    }
}
