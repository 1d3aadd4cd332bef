using System.Text.Json;
using LocalGov.ServiceStandard.Assessments;
using LocalGov.ServiceStandard.Catalogue;
using LocalGov.ServiceStandard.Franchising;

namespace LocalGov.ServiceStandard.Serialization;

/// <summary>
/// What a document must satisfy beyond its shape, checked when it is read so that nothing later meets a null or a
/// value it cannot use: no <c>null</c> inside any array, links absolute http(s), a response only to a finalised
/// assessment and only challenging points it has. Each failure names the JSON path.
/// </summary>
internal static class DocumentRules
{
    /// <summary>Far beyond any document here (under 10 levels); the reader's own default is 64.</summary>
    internal const int MaxDepth = 64;

    /// <summary>Every array of every document holds objects, strings or numbers: a null is always a mistake.</summary>
    public static void RefuseNullsInArrays(string json, string source)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth });
        Walk(document.RootElement, [], source);
    }

    public static void Check(Assessment assessment, string source, string path = "$")
    {
        Link(assessment.ServiceUrl, source, path + ".serviceUrl");
        Link(assessment.Source, source, path + ".source");
        for (var i = 0; i < assessment.Evidence.Count; i++)
        {
            Link(assessment.Evidence[i].Url, source, $"{path}.evidence[{i}].url");
        }

        for (var p = 0; p < assessment.Points.Count; p++)
        {
            var point = assessment.Points[p];
            for (var i = 0; i < point.Evidence.Count; i++)
            {
                Link(point.Evidence[i].Url, source, $"{path}.points[{p}].evidence[{i}].url");
            }
        }

        if (assessment.Response is { } response)
        {
            if (assessment.Finalisation is null)
            {
                throw new InvalidDocumentException(source, path + ".response", "it has a service team response but was never finalised (no finalisation); a team responds only to a finalised assessment");
            }

            try
            {
                AssessmentResponseWorkflow.Respond(assessment with { Response = null }, response);
            }
            catch (InvalidAssessmentException ex)
            {
                var at = ex.PointNumber is { } number && response.Challenges.ToList().FindIndex(c => c.Number == number) is var index and >= 0
                    ? $"{path}.response.challenges[{index}]"
                    : path + ".response";
                throw new InvalidDocumentException(source, at, ex.Reason ?? ex.Message, ex);
            }
        }
    }

    public static void Check(PeerGroupPack pack, string source)
    {
        if (pack.Attribution is { } attribution)
        {
            Check(attribution, source, "$.attribution");
        }
    }

    private static void Check(Attribution attribution, string source, string path)
    {
        Link(attribution.LicenceUrl, source, path + ".licenceUrl");
        for (var i = 0; i < attribution.Sources.Count; i++)
        {
            Link(attribution.Sources[i].Url, source, $"{path}.sources[{i}].url");
        }
    }

    private static void Link(Uri? url, string source, string path)
    {
        if (url is null)
        {
            return;
        }

        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidDocumentException(source, path, $"'{Shorten(url.OriginalString)}' is not an absolute http or https URL");
        }
    }

    // The path is kept as segments and only spelled out for an error, so a long property name is never copied per element.
    private static void Walk(JsonElement element, List<object> segments, string source)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    segments.Add(property.Name);
                    Walk(property.Value, segments, source);
                    segments.RemoveAt(segments.Count - 1);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    segments.Add(i++);
                    if (item.ValueKind == JsonValueKind.Null)
                    {
                        throw new InvalidDocumentException(source, Spell(segments), "null is not allowed in a list");
                    }

                    Walk(item, segments, source);
                    segments.RemoveAt(segments.Count - 1);
                }

                break;
            default:
                break;
        }
    }

    private static string Spell(List<object> segments)
    {
        var text = new System.Text.StringBuilder("$");
        foreach (var segment in segments)
        {
            if (segment is int index)
            {
                text.Append('[').Append(index).Append(']');
            }
            else
            {
                text.Append('.').Append(Shorten((string)segment));
            }
        }

        return text.ToString();
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
