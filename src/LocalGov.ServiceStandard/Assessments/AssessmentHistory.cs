namespace LocalGov.ServiceStandard.Assessments;

/// <summary>A service's assessments in date order, and its progress over time.</summary>
public sealed class AssessmentHistory
{
    private readonly OutcomeSchemeRegistry _schemes;

    /// <summary>Creates the history.</summary>
    /// <param name="assessments">The service's assessments, in any order.</param>
    /// <param name="schemes">The schemes their outcomes are in.</param>
    /// <param name="pointCounts">How many points each assessed standard version has, by <c>id@version</c>.</param>
    public AssessmentHistory(IEnumerable<Assessment> assessments, OutcomeSchemeRegistry schemes, IReadOnlyDictionary<string, int> pointCounts)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        ArgumentNullException.ThrowIfNull(schemes);
        ArgumentNullException.ThrowIfNull(pointCounts);
        _schemes = schemes;
        PointCounts = pointCounts;
        Assessments = [.. assessments.OrderBy(a => a.Date ?? DateOnly.MaxValue).ThenBy(a => a.Id, StringComparer.Ordinal)];
    }

    /// <summary>Creates the history, taking each assessed standard's point count from <paramref name="catalog"/>.</summary>
    /// <param name="assessments">The service's assessments, in any order.</param>
    /// <param name="schemes">The schemes their outcomes are in.</param>
    /// <param name="catalog">The catalogue holding every assessed standard version.</param>
    /// <exception cref="StandardNotFoundException">An assessed standard version is not in the catalogue.</exception>
    public AssessmentHistory(IEnumerable<Assessment> assessments, OutcomeSchemeRegistry schemes, LocalGov.ServiceStandard.Catalogue.StandardCatalog catalog)
        : this(Materialise(assessments, out var list), schemes, PointCountsFrom(list, catalog))
    {
    }

    /// <summary>The assessments, oldest first (undated last).</summary>
    public IReadOnlyList<Assessment> Assessments { get; }

    /// <summary>The point count of each standard version, by <c>id@version</c>.</summary>
    public IReadOnlyDictionary<string, int> PointCounts { get; }

    /// <summary>Each assessment with its result and the points that improved or regressed since the previous one.</summary>
    /// <returns>The entries, oldest first.</returns>
    public IReadOnlyList<ProgressEntry> Progress()
    {
        var entries = new List<ProgressEntry>();
        HashSet<int>? previousFailing = null;
        HashSet<int>? previousAssessed = null;
        foreach (var assessment in Assessments)
        {
            var scheme = _schemes.Get(assessment.Scheme);
            if (!PointCounts.TryGetValue(assessment.Standard.ToString(), out var count))
            {
                throw new InvalidAssessmentException(assessment.Id, null, $"no point count was given for {assessment.Standard}");
            }

            var result = AssessmentEvaluator.Evaluate(assessment, count, scheme);
            var failing = AssessmentEvaluator.FailedPoints(assessment, scheme).ToHashSet();
            var assessed = assessment.Points.Where(p => p.Outcome is not null).Select(p => p.Number).ToHashSet();
            entries.Add(new ProgressEntry
            {
                AssessmentId = assessment.Id,
                Date = assessment.Date,
                Phase = assessment.Phase,
                Result = assessment.StatedResult ?? result.Outcome,
                Score = result.Score,
                PointsNotFailing = assessed.Count - failing.Count,
                FailingPoints = [.. failing.Order()],
                Improved = previousFailing is null ? [] : [.. previousFailing.Where(p => assessed.Contains(p) && !failing.Contains(p)).Order()],
                Regressed = previousAssessed is null ? [] : [.. failing.Where(p => previousAssessed.Contains(p) && !previousFailing!.Contains(p)).Order()],
            });
            previousFailing = failing;
            previousAssessed = assessed;
        }

        return entries;
    }

    private static List<Assessment> Materialise(IEnumerable<Assessment> assessments, out List<Assessment> list)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        list = [.. assessments];
        return list;
    }

    private static Dictionary<string, int> PointCountsFrom(List<Assessment> assessments, LocalGov.ServiceStandard.Catalogue.StandardCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return assessments.Select(a => a.Standard).Distinct().ToDictionary(r => r.ToString(), r => catalog.Get(r).Points.Count, StringComparer.Ordinal);
    }

    /// <summary>One point's outcome in each assessment, oldest first.</summary>
    /// <param name="pointNumber">The point number.</param>
    /// <returns>(assessment id, date, outcome or null when not assessed).</returns>
    public IReadOnlyList<(string AssessmentId, DateOnly? Date, string? Outcome)> PointTrend(int pointNumber) =>
        [.. Assessments.Select(a => (a.Id, a.Date, a.FindPoint(pointNumber)?.Outcome))];
}
