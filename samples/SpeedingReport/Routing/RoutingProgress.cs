namespace SpeedingReport.Routing;

/// <summary>
/// Where a resident is in the routing questions: the questions asked so far with their answers, the questions skipped
/// because no answer to them could change who deals with the report, and the next question to ask. Once every question
/// is asked or skipped, the deciding rule.
/// </summary>
public sealed record RoutingProgress
{
    /// <summary>The questions that are asked, in order, with the answer given (the check-your-answers rows).</summary>
    public required IReadOnlyList<(RoutingQuestion Question, RoutingOption Answer)> Answered { get; init; }

    /// <summary>The questions not asked: whatever the answer, the same body would deal with the report.</summary>
    public required IReadOnlyList<RoutingQuestion> Skipped { get; init; }

    /// <summary>The first question to ask that has no (valid) answer yet; null when the routing questions are done.</summary>
    public RoutingQuestion? Next { get; init; }

    /// <summary>When <see cref="Next"/> is null: the rule that decides.</summary>
    public RoutingRule? Rule { get; init; }

    /// <summary>When <see cref="Next"/> is null: the deciding rule's position in the routing file (0-based).</summary>
    public int? RuleIndex { get; init; }

    public bool IsComplete => Next is null;

    /// <summary>Question id → option value, for the questions asked only.</summary>
    public IReadOnlyDictionary<string, string> Answers =>
        Answered.ToDictionary(a => a.Question.Id, a => a.Answer.Value, StringComparer.Ordinal);

    /// <summary>Whether the question with this id was skipped.</summary>
    public bool IsSkipped(string questionId) => Skipped.Any(q => q.Id == questionId);
}
