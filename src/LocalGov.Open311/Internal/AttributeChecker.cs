using System.Globalization;

namespace LocalGov.Open311.Internal;

/// <summary>Checks a submission's attributes against the service definition, naming the first attribute at fault.</summary>
internal static class AttributeChecker
{
    public static void Check(Open311Submission submission, Open311ServiceDefinition definition)
    {
        var service = definition.ServiceCode;
        foreach (var attribute in definition.Attributes.Where(a => a.Variable && a.Required))
        {
            if (!submission.Attributes.TryGetValue(attribute.Code, out var given) || given is null || !given.Any(v => !string.IsNullOrWhiteSpace(v)))
            {
                throw new Open311AttributeException(service, attribute.Code, $"is required{Question(attribute)} but has no value.");
            }
        }

        foreach (var (code, values) in submission.Attributes)
        {
            var attribute = definition.FindAttribute(code)
                ?? throw new Open311AttributeException(service, code, $"is not an attribute of this service (it has: {string.Join(", ", definition.Attributes.Select(a => a.Code))}).");
            var list = values?.Where(v => !string.IsNullOrWhiteSpace(v)).ToList() ?? [];
            if (list.Count == 0)
            {
                continue;
            }

            if (list.Count > 1 && attribute.Datatype != Open311AttributeDatatype.MultiValueList)
            {
                throw new Open311AttributeException(service, code, $"takes one value ({attribute.DatatypeName ?? "unknown datatype"}), not {list.Count}.");
            }

            foreach (var value in list)
            {
                CheckValue(service, attribute, value);
            }
        }
    }

    private static void CheckValue(string service, Open311AttributeDefinition attribute, string value)
    {
        switch (attribute.Datatype)
        {
            case Open311AttributeDatatype.SingleValueList or Open311AttributeDatatype.MultiValueList:
                if (!attribute.Values.Any(v => string.Equals(v.Key, value, StringComparison.Ordinal)))
                {
                    var allowed = string.Join(", ", attribute.Values.Select(v => $"{v.Key} ({v.Name})"));
                    throw new Open311AttributeException(service, attribute.Code, $"'{value}' is not one of its values: {allowed}.");
                }

                break;
            case Open311AttributeDatatype.Number:
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    throw new Open311AttributeException(service, attribute.Code, $"'{value}' is not a number.");
                }

                break;
            case Open311AttributeDatatype.DateTime:
                if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    throw new Open311AttributeException(service, attribute.Code, $"'{value}' is not an ISO 8601 date and time.");
                }

                break;
            case Open311AttributeDatatype.String:
                if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
                {
                    throw new Open311AttributeException(service, attribute.Code, "is a one-line string but the value has line breaks.");
                }

                break;
        }
    }

    private static string Question(Open311AttributeDefinition attribute) =>
        attribute.Description is { } d ? $" (\"{d}\")" : string.Empty;
}
