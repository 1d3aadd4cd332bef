namespace LocalGov.ServiceStandard.Assessments;

/// <summary>
/// A scheme whose overall result is the worst point outcome: pass/not pass, met/not met, red/amber/green.
/// Point values are ordered best first; not-applicable values are ignored by the rule.
/// </summary>
public sealed class WorstOfOutcomeScheme : IOutcomeScheme
{
    private readonly Dictionary<string, OutcomeValue> _overallByMeaning;

    /// <summary>Creates the scheme.</summary>
    /// <param name="id">The scheme id.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="pointValues">Point values, best first (not-applicable values anywhere).</param>
    /// <param name="overallValues">Overall values; each non-not-applicable point value's meaning must have one.</param>
    /// <param name="positiveMeanings">Meanings of overall values that let the service progress.</param>
    public WorstOfOutcomeScheme(string id, string name, IReadOnlyList<OutcomeValue> pointValues, IReadOnlyList<OutcomeValue> overallValues, IReadOnlyCollection<string> positiveMeanings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(pointValues);
        ArgumentNullException.ThrowIfNull(overallValues);
        ArgumentNullException.ThrowIfNull(positiveMeanings);
        Id = id;
        Name = name;
        PointValues = pointValues;
        OverallValues = overallValues;
        PositiveMeanings = positiveMeanings;
        _overallByMeaning = overallValues.ToDictionary(v => v.Meaning, StringComparer.Ordinal);
        foreach (var value in pointValues.Where(v => !v.IsNotApplicable))
        {
            if (!_overallByMeaning.ContainsKey(value.Meaning))
            {
                throw new ArgumentException($"Point value '{value.Value}' has no overall value with meaning '{value.Meaning}'.", nameof(overallValues));
            }
        }
    }

    /// <inheritdoc />
    public string Id { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public IReadOnlyList<OutcomeValue> PointValues { get; }

    /// <inheritdoc />
    public IReadOnlyList<OutcomeValue> OverallValues { get; }

    /// <summary>Meanings of overall values that let the service progress.</summary>
    public IReadOnlyCollection<string> PositiveMeanings { get; }

    /// <inheritdoc />
    public bool HasPointFailure => PointValues.Any(v => v.IsFailing);

    /// <inheritdoc />
    public AssessmentResult Derive(IReadOnlyList<PointAssessment> points, int pointCount)
    {
        ArgumentNullException.ThrowIfNull(points);
        var values = OutcomeRules.ResolveValues(this, points, pointCount);
        var assessed = values.Count;
        var worstIndex = -1;
        foreach (var value in values.Values.Where(v => !v.IsNotApplicable))
        {
            worstIndex = Math.Max(worstIndex, IndexOf(value));
        }

        if (worstIndex >= 0 && PointValues[worstIndex].IsFailing)
        {
            return Result(PointValues[worstIndex], true, $"{values.Values.Count(v => v.IsFailing)} of {pointCount} points are failing, so the worst outcome decides.");
        }

        if (assessed < pointCount)
        {
            return new AssessmentResult
            {
                Outcome = "incomplete",
                Label = "Incomplete",
                IsPositive = false,
                IsComplete = false,
                Explanation = $"{pointCount - assessed} of {pointCount} points have no outcome yet.",
            };
        }

        if (worstIndex < 0)
        {
            var best = PointValues.First(v => !v.IsNotApplicable);
            return Result(best, true, "No point applies to the service; nothing fails.");
        }

        return Result(PointValues[worstIndex], true, $"The worst outcome across all {pointCount} points is '{PointValues[worstIndex].Label}'.");
    }

    private int IndexOf(OutcomeValue value)
    {
        for (var i = 0; i < PointValues.Count; i++)
        {
            if (ReferenceEquals(PointValues[i], value))
            {
                return i;
            }
        }

        return -1;
    }

    private AssessmentResult Result(OutcomeValue pointValue, bool complete, string explanation)
    {
        var overall = _overallByMeaning[pointValue.Meaning];
        return new AssessmentResult
        {
            Outcome = overall.Value,
            Label = overall.Label,
            IsPositive = PositiveMeanings.Contains(overall.Meaning),
            IsComplete = complete,
            Explanation = explanation,
        };
    }
}
