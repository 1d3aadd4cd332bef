namespace LocalGov.ServiceStandard.Assessments;

/// <summary>
/// A way of recording outcomes: the values a point can take, the overall values, and the rule that derives the
/// overall result. Implement it to plug in a scheme of your own and add it to an <see cref="OutcomeSchemeRegistry"/>.
/// </summary>
public interface IOutcomeScheme
{
    /// <summary>The scheme's stable id, stored in <see cref="Assessment.Scheme"/>.</summary>
    string Id { get; }

    /// <summary>The scheme's name.</summary>
    string Name { get; }

    /// <summary>The values a point can take.</summary>
    IReadOnlyList<OutcomeValue> PointValues { get; }

    /// <summary>The overall values.</summary>
    IReadOnlyList<OutcomeValue> OverallValues { get; }

    /// <summary>Whether a point failing on its own is meaningful, so a reassessment can cover only the failed points.</summary>
    bool HasPointFailure { get; }

    /// <summary>Derives the overall result from the points of an assessment of a standard with <paramref name="pointCount"/> points.</summary>
    /// <param name="points">The per-point findings (outcomes must be values of this scheme).</param>
    /// <param name="pointCount">How many points the assessed standard version has.</param>
    /// <returns>The overall result.</returns>
    AssessmentResult Derive(IReadOnlyList<PointAssessment> points, int pointCount);
}
