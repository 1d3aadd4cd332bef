namespace LocalGov.ServiceStandard.Catalogue;

/// <summary>
/// One point (criterion, principle or checklist question) of a standard version. <see cref="Id"/> is stable
/// across versions of the same standard, so a reworded or renumbered point keeps its identity.
/// </summary>
public sealed record StandardPoint
{
    /// <summary>The stable id, unique within the standard, e.g. <c>understand-users</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The point's number in this version (1-based, in order).</summary>
    public required int Number { get; init; }

    /// <summary>The short title, or null when the source does not give one (see <see cref="Gaps"/>).</summary>
    public string? Title { get; init; }

    /// <summary>
    /// The point's text as published (the statement, summary paragraphs separated by a blank line, or the
    /// checklist question), or null when it is not known (see <see cref="Gaps"/>).
    /// </summary>
    public string? Text { get; init; }

    /// <summary>For checklists: the recommendation that goes with the question.</summary>
    public string? Recommendation { get; init; }

    /// <summary>The point's page or guidance, when known.</summary>
    public Uri? Url { get; init; }

    /// <summary>What is not known about this point (e.g. "short title not retrieved"), stated rather than invented.</summary>
    public IReadOnlyList<string> Gaps { get; init => field = value ?? []; } = [];
}
