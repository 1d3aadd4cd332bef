namespace LocalGov.ServiceStandard.Assessments;

/// <summary>Reassesses only the points that failed: the rest are carried over from the previous assessment.</summary>
public static class Reassessment
{
    /// <summary>Creates the reassessment of <paramref name="previous"/>.</summary>
    /// <param name="previous">The assessment being reassessed.</param>
    /// <param name="scheme">Its outcome scheme.</param>
    /// <param name="id">The new assessment's id.</param>
    /// <param name="date">When the reassessment took place.</param>
    /// <param name="reassessedPoints">New findings, only for points that failed; failed points not given keep their outcome.</param>
    /// <returns>The reassessment, with <see cref="Assessment.ReassessmentOf"/> set and passing points carried over.</returns>
    /// <exception cref="InvalidAssessmentException">
    /// The scheme has no per-point failure (reassess in full), nothing failed, or a point given did not fail.
    /// </exception>
    public static Assessment Create(Assessment previous, IOutcomeScheme scheme, string id, DateOnly date, IReadOnlyList<PointAssessment> reassessedPoints)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(reassessedPoints);
        if (!scheme.HasPointFailure)
        {
            throw new InvalidAssessmentException(previous.Id, null, $"the '{scheme.Id}' scheme has no per-point failure, so a reassessment of failed points is not possible; run a full assessment instead");
        }

        var failed = AssessmentEvaluator.FailedPoints(previous, scheme).ToHashSet();
        if (failed.Count == 0)
        {
            throw new InvalidAssessmentException(previous.Id, null, "no point failed, so there is nothing to reassess");
        }

        var given = new Dictionary<int, PointAssessment>();
        foreach (var point in reassessedPoints)
        {
            if (!failed.Contains(point.Number))
            {
                throw new InvalidAssessmentException(previous.Id, point.Number, $"point {point.Number} did not fail, so it is not reassessed (failed: {string.Join(", ", failed.Order())})");
            }

            if (point.Outcome is not null && OutcomeRules.Find(scheme, point.Outcome) is null)
            {
                throw new InvalidAssessmentException(previous.Id, point.Number, $"outcome '{point.Outcome}' is not a value of the '{scheme.Id}' scheme");
            }

            if (!given.TryAdd(point.Number, point with { CarriedOver = false }))
            {
                throw new InvalidAssessmentException(previous.Id, point.Number, $"point {point.Number} is given more than once");
            }
        }

        var points = previous.Points
            .Select(p => given.TryGetValue(p.Number, out var fresh) ? fresh : p with { CarriedOver = true })
            .Concat(given.Values.Where(g => previous.FindPoint(g.Number) is null))
            .OrderBy(p => p.Number)
            .ToList();

        return previous with
        {
            Id = id,
            Date = date,
            Points = points,
            StatedResult = null,
            ReassessmentOf = previous.Id,
            Source = null,

            // A reassessment is a new assessment: its own draft, finalisation and response.
            Supersedes = null,
            Finalisation = null,
            Response = null,
        };
    }
}
