using System.Globalization;
using LocalGov.ServiceStandard.Assessments;
using LocalGov.ServiceStandard.Catalogue;

namespace LocalGov.ServiceStandard.Reports;

/// <summary>What both renderers show, worked out once: metadata, result, per-point rows and next steps.</summary>
internal sealed class ReportModel
{
    private ReportModel()
    {
    }

    public required IReadOnlyList<(string Label, string Value)> Metadata { get; init; }

    public required string ResultOutcome { get; init; }

    public required string ResultLabel { get; init; }

    public required string ResultExplanation { get; init; }

    public required string StandardName { get; init; }

    public required IReadOnlyList<PointRow> Points { get; init; }

    public required IReadOnlyList<string> NextSteps { get; init; }

    public string? Attribution { get; init; }

    public static ReportModel Create(Assessment assessment, IOutcomeScheme scheme, StandardVersion? standard)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(scheme);
        var pointCount = standard?.Points.Count ?? Math.Max(1, assessment.Points.Select(p => p.Number).DefaultIfEmpty(1).Max());
        var derived = standard is null ? AssessmentEvaluator.Evaluate(assessment, pointCount, scheme) : AssessmentEvaluator.Evaluate(assessment, standard, scheme);
        var statedLabel = assessment.StatedResult is null ? null : scheme.OverallValues.FirstOrDefault(v => string.Equals(v.Value, assessment.StatedResult, StringComparison.OrdinalIgnoreCase))?.Label ?? assessment.StatedResult;
        var resultLabel = statedLabel ?? derived.Label;
        var explanation = statedLabel is null
            ? derived.Explanation
            : string.Equals(assessment.StatedResult, derived.Outcome, StringComparison.OrdinalIgnoreCase)
                ? "Stated by the panel; the scheme's rule gives the same result. " + derived.Explanation
                : $"Stated by the panel. By the scheme's rule alone the result would be '{derived.Label}': {derived.Explanation}";
        if (derived.Score is { } score && derived.MaxScore is { } max)
        {
            resultLabel += $" ({score} of {max})";
        }

        var standardName = standard is null ? assessment.Standard.ToString() : $"{standard.Title} ({standard.Version})";
        var metadata = new List<(string, string)> { ("From", assessment.Organisation) };
        if (assessment.Date is { } date)
        {
            metadata.Add(("Assessment date", date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)));
        }

        if (assessment.Phase is { } phase)
        {
            metadata.Add(("Stage", PhaseLabel(phase)));
        }

        metadata.Add(("Result", resultLabel));
        metadata.Add(("Standard", standardName));
        if (assessment.ReassessmentOf is not null)
        {
            metadata.Add(("Reassessment of", assessment.ReassessmentOf));
        }

        var rows = new List<PointRow>();
        var numbers = standard?.Points.Select(p => p.Number) ?? assessment.Points.Select(p => p.Number).Order();
        foreach (var number in numbers)
        {
            var finding = assessment.FindPoint(number);
            var value = finding?.Outcome is null ? null : scheme.PointValues.FirstOrDefault(v => string.Equals(v.Value, finding.Outcome, StringComparison.OrdinalIgnoreCase));
            var point = standard?.FindPoint(number);
            var label = value?.Label ?? "Not assessed";
            if (finding?.CarriedOver == true)
            {
                label += " (carried over)";
            }

            rows.Add(new PointRow
            {
                Number = number,
                Title = point?.Title ?? point?.Text ?? $"Point {number}",
                Outcome = value?.Value,
                OutcomeLabel = label,
                Finding = finding,
                DecisionText = finding?.Decision ?? (value is null ? $"Point {number} was not assessed." : $"Outcome for point {number}: {value.Label}."),
            });
        }

        var nextSteps = assessment.NextSteps.ToList();
        var failing = AssessmentEvaluator.FailedPoints(assessment, scheme);
        if (nextSteps.Count == 0)
        {
            nextSteps.Add(failing.Count > 0
                ? $"Reassess the failing point{(failing.Count == 1 ? string.Empty : "s")}: {string.Join(", ", failing)}."
                : derived.IsComplete ? "No point is failing." : "Complete the assessment of the points not yet assessed.");
        }

        return new ReportModel
        {
            Metadata = metadata,
            ResultOutcome = assessment.StatedResult ?? derived.Outcome,
            ResultLabel = resultLabel,
            ResultExplanation = explanation,
            StandardName = standardName,
            Points = rows,
            NextSteps = nextSteps,
            Attribution = standard?.Attribution.Statement,
        };
    }

    public static string RoleLabel(Participant person) => person.RoleDescription ?? person.Role switch
    {
        AssessmentRole.LeadAssessor => "Lead assessor",
        AssessmentRole.UserResearchAssessor => "User research assessor",
        AssessmentRole.DesignAssessor => "Design assessor",
        AssessmentRole.TechnicalAssessor => "Technical assessor",
        AssessmentRole.PerformanceAnalyst => "Performance analyst",
        AssessmentRole.ProductDeliveryAssessor => "Product or delivery assessor",
        AssessmentRole.AccessibilitySpecialist => "Accessibility specialist",
        AssessmentRole.PeerReviewer => "Peer reviewer",
        AssessmentRole.NoteTaker => "Note-taker",
        AssessmentRole.Observer => "Observer",
        AssessmentRole.ServiceOwner => "Service owner",
        AssessmentRole.DigitalLeader => "Digital leader",
        _ => "Other",
    } + (person.Organisation is null ? string.Empty : $", {person.Organisation}");

    private static string PhaseLabel(ServicePhase phase) => phase switch
    {
        ServicePhase.Discovery => "Discovery",
        ServicePhase.Alpha => "Alpha",
        ServicePhase.Beta => "Beta",
        ServicePhase.PrivateBeta => "Private beta",
        ServicePhase.PublicBeta => "Public beta",
        _ => "Live",
    };

    internal sealed class PointRow
    {
        public required int Number { get; init; }

        public required string Title { get; init; }

        public string? Outcome { get; init; }

        public required string OutcomeLabel { get; init; }

        public PointAssessment? Finding { get; init; }

        public required string DecisionText { get; init; }
    }
}
