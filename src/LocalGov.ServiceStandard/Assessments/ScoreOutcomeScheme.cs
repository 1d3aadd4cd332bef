using System.Globalization;

namespace LocalGov.ServiceStandard.Assessments;

/// <summary>
/// A scheme that scores each point from <see cref="MinScore"/> to <see cref="MaxPointScore"/> and passes when the
/// total reaches <see cref="PassMark"/> (the GLA's LGDSS reviews: 0 to 5 a point, total out of 75, pass mark 15).
/// No single point fails on its own.
/// </summary>
public sealed class ScoreOutcomeScheme : IOutcomeScheme
{
    /// <summary>Creates the scheme.</summary>
    /// <param name="id">The scheme id.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="minScore">The lowest point score.</param>
    /// <param name="maxPointScore">The highest point score.</param>
    /// <param name="passMark">The total needed to pass.</param>
    public ScoreOutcomeScheme(string id, string name, int minScore, int maxPointScore, int passMark)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(minScore);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxPointScore, minScore);
        ArgumentOutOfRangeException.ThrowIfNegative(passMark);
        Id = id;
        Name = name;
        MinScore = minScore;
        MaxPointScore = maxPointScore;
        PassMark = passMark;
        PointValues = [.. Enumerable.Range(minScore, maxPointScore - minScore + 1).Select(s => new OutcomeValue
        {
            Value = s.ToString(CultureInfo.InvariantCulture),
            Label = $"{s} of {maxPointScore}",
            Meaning = $"score-{s}-of-{maxPointScore}",
        })];
        OverallValues =
        [
            new OutcomeValue { Value = "pass", Label = "Pass", Meaning = "meets" },
            new OutcomeValue { Value = "not-pass", Label = "Not pass", Meaning = "does-not-meet", IsFailing = true },
        ];
    }

    /// <inheritdoc />
    public string Id { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The lowest point score.</summary>
    public int MinScore { get; }

    /// <summary>The highest point score.</summary>
    public int MaxPointScore { get; }

    /// <summary>The total needed to pass.</summary>
    public int PassMark { get; }

    /// <inheritdoc />
    public IReadOnlyList<OutcomeValue> PointValues { get; }

    /// <inheritdoc />
    public IReadOnlyList<OutcomeValue> OverallValues { get; }

    /// <inheritdoc />
    public bool HasPointFailure => false;

    /// <inheritdoc />
    public AssessmentResult Derive(IReadOnlyList<PointAssessment> points, int pointCount)
    {
        ArgumentNullException.ThrowIfNull(points);
        var values = OutcomeRules.ResolveValues(this, points, pointCount);
        var total = values.Values.Sum(v => int.Parse(v.Value, NumberStyles.None, CultureInfo.InvariantCulture));
        var max = pointCount * MaxPointScore;
        if (values.Count < pointCount)
        {
            return new AssessmentResult
            {
                Outcome = "incomplete",
                Label = "Incomplete",
                IsPositive = false,
                IsComplete = false,
                Score = total,
                MaxScore = max,
                Explanation = $"{pointCount - values.Count} of {pointCount} points have no score yet (so far {total} of {max}).",
            };
        }

        var passed = total >= PassMark;
        var overall = OverallValues[passed ? 0 : 1];
        return new AssessmentResult
        {
            Outcome = overall.Value,
            Label = overall.Label,
            IsPositive = passed,
            IsComplete = true,
            Score = total,
            MaxScore = max,
            Explanation = $"Total {total} of {max}; the pass mark is {PassMark}.",
        };
    }
}
