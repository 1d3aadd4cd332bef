using LocalGov.ServiceStandard.Catalogue;

namespace LocalGov.ServiceStandard.Assessments;

/// <summary>Derives an assessment's overall result by its scheme's rule.</summary>
public static class AssessmentEvaluator
{
    /// <summary>Checks the assessment against the standard and scheme and derives the overall result.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="standard">The standard version it assessed (for the point count).</param>
    /// <param name="scheme">Its outcome scheme.</param>
    /// <returns>The derived result.</returns>
    /// <exception cref="InvalidAssessmentException">The assessment does not fit the standard or scheme.</exception>
    public static AssessmentResult Evaluate(Assessment assessment, StandardVersion standard, IOutcomeScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentNullException.ThrowIfNull(scheme);
        if (!string.Equals(assessment.Scheme, scheme.Id, StringComparison.Ordinal))
        {
            throw new InvalidAssessmentException(assessment.Id, null, $"its outcomes are in scheme '{assessment.Scheme}', not '{scheme.Id}'");
        }

        if (assessment.Standard != standard.Reference)
        {
            throw new InvalidAssessmentException(assessment.Id, null, $"it assessed {assessment.Standard}, not {standard.Reference}");
        }

        try
        {
            return scheme.Derive(assessment.Points, standard.Points.Count);
        }
        catch (InvalidAssessmentException ex) when (ex.AssessmentId is null)
        {
            throw new InvalidAssessmentException(assessment.Id, ex.PointNumber, ex.Reason ?? ex.Message);
        }
    }

    /// <summary>Derives the overall result from the point count alone (when the standard version is not at hand).</summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="pointCount">How many points the assessed standard has.</param>
    /// <param name="scheme">Its outcome scheme.</param>
    /// <returns>The derived result.</returns>
    public static AssessmentResult Evaluate(Assessment assessment, int pointCount, IOutcomeScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(scheme);
        try
        {
            return scheme.Derive(assessment.Points, pointCount);
        }
        catch (InvalidAssessmentException ex) when (ex.AssessmentId is null)
        {
            throw new InvalidAssessmentException(assessment.Id, ex.PointNumber, ex.Reason ?? ex.Message);
        }
    }

    /// <summary>The outcome of each failing point (those a reassessment covers), by point number.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="scheme">Its outcome scheme.</param>
    /// <returns>The failing point numbers, in order.</returns>
    public static IReadOnlyList<int> FailedPoints(Assessment assessment, IOutcomeScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(scheme);
        return [.. assessment.Points
            .Where(p => p.Outcome is not null && OutcomeRules.Find(scheme, p.Outcome) is { IsFailing: true })
            .Select(p => p.Number)
            .Order()];
    }
}
