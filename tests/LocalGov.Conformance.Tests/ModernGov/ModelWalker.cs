using System.Collections;
using LocalGov.ModernGov;

namespace LocalGov.Conformance.Tests.ModernGov;

/// <summary>Every text value a model holds (string properties, list items, additional fields, URLs, HTML), for artefact and "nothing lost" checks.</summary>
internal static class ModelWalker
{
    public static IEnumerable<(string Path, string Value, bool IsHtml)> Strings(object? value, string path = "$")
    {
        switch (value)
        {
            case null:
                yield break;
            case string text:
                yield return (path, text, false);
                yield break;
            case Uri uri:
                yield return (path, uri.OriginalString, false);
                yield break;
            case ModernGovHtml html:
                yield return (path + ".Html", html.Html, true);
                yield return (path + ".PlainText", html.PlainText, false);
                yield break;
            case IReadOnlyDictionary<string, string> fields:
                foreach (var (key, field) in fields)
                {
                    yield return (path + "[" + key + "]", field, false);
                }

                yield break;
            case IEnumerable items:
                var i = 0;
                foreach (var item in items)
                {
                    foreach (var inner in Strings(item, path + "[" + i++ + "]"))
                    {
                        yield return inner;
                    }
                }

                yield break;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is DateOnly or TimeOnly or DateTime or decimal)
        {
            yield break;
        }

        foreach (var property in type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            foreach (var inner in Strings(property.GetValue(value), path + "." + property.Name))
            {
                yield return inner;
            }
        }
    }
}
