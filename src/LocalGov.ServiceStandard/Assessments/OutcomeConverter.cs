namespace LocalGov.ServiceStandard.Assessments;

/// <summary>
/// Converts an assessment's outcomes to another scheme when that loses nothing: every value must have exactly
/// one value with the same meaning in the target (pass ↔ met, green → met). Anything else is refused.
/// </summary>
public static class OutcomeConverter
{
    /// <summary>Converts <paramref name="assessment"/> from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="assessment">The assessment, in <paramref name="from"/>.</param>
    /// <param name="from">Its scheme.</param>
    /// <param name="to">The target scheme.</param>
    /// <returns>The assessment with every outcome (and any stated result) in <paramref name="to"/>.</returns>
    /// <exception cref="LossyConversionException">A value has no single counterpart in the target.</exception>
    /// <exception cref="InvalidAssessmentException">The assessment is not in <paramref name="from"/>.</exception>
    public static Assessment Convert(Assessment assessment, IOutcomeScheme from, IOutcomeScheme to)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (!string.Equals(assessment.Scheme, from.Id, StringComparison.Ordinal))
        {
            throw new InvalidAssessmentException(assessment.Id, null, $"its outcomes are in scheme '{assessment.Scheme}', not '{from.Id}'");
        }

        var points = assessment.Points.Select(p => p.Outcome is null
            ? p
            : p with { Outcome = Map(from.PointValues, to.PointValues, p.Outcome, from.Id, to.Id, p.Number, assessment.Id) }).ToList();
        var stated = assessment.StatedResult is null
            ? null
            : Map(from.OverallValues, to.OverallValues, assessment.StatedResult, from.Id, to.Id, null, assessment.Id);
        return assessment with { Scheme = to.Id, Points = points, StatedResult = stated };
    }

    /// <summary>Whether every value of <paramref name="from"/> converts to <paramref name="to"/> and back unchanged.</summary>
    /// <param name="from">The source scheme.</param>
    /// <param name="to">The target scheme.</param>
    /// <returns>True when any assessment in <paramref name="from"/> converts without loss.</returns>
    public static bool IsLossless(IOutcomeScheme from, IOutcomeScheme to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return from.PointValues.All(v => to.PointValues.Count(t => string.Equals(t.Meaning, v.Meaning, StringComparison.Ordinal)) == 1)
            && from.OverallValues.All(v => to.OverallValues.Count(t => string.Equals(t.Meaning, v.Meaning, StringComparison.Ordinal)) == 1);
    }

    private static string Map(IReadOnlyList<OutcomeValue> source, IReadOnlyList<OutcomeValue> target, string value, string fromId, string toId, int? point, string assessmentId)
    {
        var sourceValue = source.FirstOrDefault(v => string.Equals(v.Value, value, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidAssessmentException(assessmentId, point, $"'{value}' is not a value of the '{fromId}' scheme");
        var matches = target.Where(t => string.Equals(t.Meaning, sourceValue.Meaning, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => matches[0].Value,
            0 => throw new LossyConversionException(fromId, toId, point, value,
                $"'{toId}' has no value meaning '{sourceValue.Meaning}' (its values: {string.Join(", ", target.Select(t => t.Value))})"),
            _ => throw new LossyConversionException(fromId, toId, point, value,
                $"'{toId}' has several values meaning '{sourceValue.Meaning}', so the choice would be invented"),
        };
    }
}
