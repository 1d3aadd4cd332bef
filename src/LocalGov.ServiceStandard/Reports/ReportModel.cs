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

    /// <summary>The service team's response, or that one is awaited; null while the assessment is a draft.</summary>
    public ResponseSection? Response { get; init; }

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

        if (assessment.Supersedes is not null)
        {
            metadata.Add(("Supersedes", assessment.Supersedes));
        }

        ResponseSection? response = null;
        if (assessment.Finalisation is { } finalisation)
        {
            var deadline = AssessmentResponseWorkflow.ResponseDeadline(assessment);
            var workingDays = finalisation.ResponseWorkingDays ?? AssessmentResponseWorkflow.DefaultResponseWorkingDays;
            metadata.Add(("Finalised", $"{LongDate(finalisation.Date)} by {finalisation.LeadAssessor}"));
            metadata.Add(("Response due by", $"{LongDate(deadline)} ({workingDays} working days, {NationLabel(finalisation.Nation)} bank holidays{(finalisation.ClosureDays.Count > 0 ? " and closure days" : string.Empty)} excluded)"));
            response = ResponseSection.Create(assessment, deadline, standard);
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
            Response = response,
        };
    }

    public static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string NationLabel(UkNation nation) => nation switch
    {
        UkNation.Scotland => "Scotland",
        UkNation.NorthernIreland => "Northern Ireland",
        _ => "England and Wales",
    };

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

    /// <summary>What the report says about the team's response: a label that carries the meaning in words, a sentence, challenged points.</summary>
    internal sealed class ResponseSection
    {
        public required string Label { get; init; }

        public required string Outcome { get; init; }

        public required string Sentence { get; init; }

        public required IReadOnlyList<(int Number, string Title, string Reason)> Challenges { get; init; }

        public string? Comment { get; init; }

        public static ResponseSection Create(Assessment assessment, DateOnly deadline, StandardVersion? standard)
        {
            if (assessment.Response is not { } response)
            {
                return new ResponseSection
                {
                    Label = "No response yet",
                    Outcome = "awaiting",
                    Sentence = $"The service team accepts or challenges this assessment by {LongDate(deadline)}.",
                    Challenges = [],
                };
            }

            var onTime = AssessmentResponseWorkflow.IsResponseOnTime(assessment) == true;
            var accepted = response.Kind == ResponseKind.Accept;
            return new ResponseSection
            {
                Label = accepted ? "Accepted" : "Challenged",
                Outcome = accepted ? "accepted" : "challenged",
                Sentence = $"The service team {(accepted ? "accepted the outcome" : "challenged the outcome")} on {LongDate(response.Date)}"
                    + (response.RespondedBy is null ? string.Empty : $" ({response.RespondedBy})")
                    + (onTime ? $", on time (the deadline was {LongDate(deadline)})." : $", late: after the deadline of {LongDate(deadline)}."),
                Challenges = [.. response.Challenges.Select(c => (c.Number, standard?.FindPoint(c.Number)?.Title ?? $"Point {c.Number}", c.Reason))],
                Comment = response.Comment,
            };
        }
    }

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
