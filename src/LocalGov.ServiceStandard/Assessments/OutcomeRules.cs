namespace LocalGov.ServiceStandard.Assessments;

/// <summary>Checks shared by the schemes: outcomes belong to the scheme, point numbers are in range and unique.</summary>
internal static class OutcomeRules
{
    /// <summary>Maps each assessed point number to its scheme value; throws on anything invalid.</summary>
    public static Dictionary<int, OutcomeValue> ResolveValues(IOutcomeScheme scheme, IReadOnlyList<PointAssessment> points, int pointCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pointCount);
        var result = new Dictionary<int, OutcomeValue>();
        var seen = new HashSet<int>();
        foreach (var point in points)
        {
            if (point.Number < 1 || point.Number > pointCount)
            {
                throw new InvalidAssessmentException(null, point.Number, $"point {point.Number} is outside the standard's 1 to {pointCount}");
            }

            if (!seen.Add(point.Number))
            {
                throw new InvalidAssessmentException(null, point.Number, $"point {point.Number} appears more than once");
            }

            if (point.Outcome is null)
            {
                continue;
            }

            result[point.Number] = Find(scheme, point.Outcome)
                ?? throw new InvalidAssessmentException(null, point.Number,
                    $"outcome '{point.Outcome}' is not a value of the '{scheme.Id}' scheme ({string.Join(", ", scheme.PointValues.Select(v => v.Value))})");
        }

        return result;
    }

    public static OutcomeValue? Find(IOutcomeScheme scheme, string value) =>
        scheme.PointValues.FirstOrDefault(v => string.Equals(v.Value, value, StringComparison.OrdinalIgnoreCase));
}
