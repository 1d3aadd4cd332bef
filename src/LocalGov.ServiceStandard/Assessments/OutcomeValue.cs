namespace LocalGov.ServiceStandard.Assessments;

/// <summary>One value of an outcome scheme, with the meaning conversions between schemes rely on.</summary>
public sealed record OutcomeValue
{
    /// <summary>The value as stored, e.g. <c>not-met</c>.</summary>
    public required string Value { get; init; }

    /// <summary>The value as shown to people, e.g. "Not met".</summary>
    public required string Label { get; init; }

    /// <summary>
    /// What the value means across schemes (e.g. <c>meets</c>, <c>does-not-meet</c>, <c>not-applicable</c>,
    /// <c>amber</c>). Converting between schemes is lossless only when the target has exactly one value with
    /// the same meaning.
    /// </summary>
    public required string Meaning { get; init; }

    /// <summary>Whether this value fails the point (so a reassessment covers it).</summary>
    public bool IsFailing { get; init; }

    /// <summary>Whether this value means the point does not apply to the service.</summary>
    public bool IsNotApplicable { get; init; }
}
