namespace LocalGov.ServiceStandard.Catalogue;

/// <summary>The rules every standard version keeps: points numbered 1 to n in order, ids unique and non-empty.</summary>
internal static class StandardValidation
{
    public static void Validate(StandardVersion standard, string source)
    {
        if (string.IsNullOrWhiteSpace(standard.StandardId) || string.IsNullOrWhiteSpace(standard.Version))
        {
            throw new InvalidDocumentException(source, null, "the standard id and version must not be empty");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < standard.Points.Count; i++)
        {
            var point = standard.Points[i];
            if (point.Number != i + 1)
            {
                throw new InvalidDocumentException(source, $"$.points[{i}]", $"point numbers must run 1 to n in order; found {point.Number} in position {i + 1}");
            }

            if (string.IsNullOrWhiteSpace(point.Id))
            {
                throw new InvalidDocumentException(source, $"$.points[{i}]", "a point has an empty id");
            }

            if (!ids.Add(point.Id))
            {
                throw new InvalidDocumentException(source, $"$.points[{i}]", $"point id '{point.Id}' is used twice");
            }
        }
    }
}
