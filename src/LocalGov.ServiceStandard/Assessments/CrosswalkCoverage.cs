using LocalGov.ServiceStandard.Catalogue;

namespace LocalGov.ServiceStandard.Assessments;

/// <summary>
/// Carries an assessment across a crosswalk (e.g. an old LGDSS score sheet onto the 2019 Service Standard) as
/// coverage, not as outcomes: for each target point, which source points speak to it and how they fared, and where
/// the old assessment leaves a gap. No target outcome is invented.
/// </summary>
public static class CrosswalkCoverage
{
    /// <summary>Maps <paramref name="assessment"/> onto <paramref name="target"/> through <paramref name="crosswalk"/>.</summary>
    /// <param name="assessment">The assessment, against the crosswalk's source version.</param>
    /// <param name="scheme">The assessment's outcome scheme.</param>
    /// <param name="crosswalk">A crosswalk from the assessed version.</param>
    /// <param name="target">The crosswalk's target version.</param>
    /// <returns>One entry per target point, in order.</returns>
    /// <exception cref="InvalidAssessmentException">The assessment or target does not match the crosswalk.</exception>
    public static IReadOnlyList<TargetPointCoverage> Map(Assessment assessment, IOutcomeScheme scheme, Crosswalk crosswalk, StandardVersion target)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(crosswalk);
        ArgumentNullException.ThrowIfNull(target);
        if (assessment.Standard != crosswalk.From)
        {
            throw new InvalidAssessmentException(assessment.Id, null, $"it assessed {assessment.Standard}, but the crosswalk starts from {crosswalk.From}");
        }

        if (target.Reference != crosswalk.To)
        {
            throw new InvalidAssessmentException(assessment.Id, null, $"the crosswalk leads to {crosswalk.To}, not {target.Reference}");
        }

        return [.. target.Points.Select(point => new TargetPointCoverage
        {
            Number = point.Number,
            Title = point.Title,
            Sources = [.. crosswalk.Mappings
                .Where(m => m.ToPoint == point.Number && m.Relation != CrosswalkRelation.None)
                .Select(m =>
                {
                    var outcome = assessment.FindPoint(m.FromPoint)?.Outcome;
                    var value = outcome is null ? null : scheme.PointValues.FirstOrDefault(v => string.Equals(v.Value, outcome, StringComparison.OrdinalIgnoreCase));
                    return new CrosswalkSource { FromPoint = m.FromPoint, Relation = m.Relation, Weight = m.Weight, Outcome = outcome, IsFailing = value?.IsFailing ?? false };
                })],
        })];
    }
}
