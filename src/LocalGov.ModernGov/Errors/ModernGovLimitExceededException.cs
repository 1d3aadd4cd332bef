using System.Net;

namespace LocalGov.ModernGov;

/// <summary>
/// The body exceeds one of the parser's caps (see the package README's Robustness section): elements nested too deep,
/// too many attributes on one element, too many unrecognised fields in one record, or a field's path too long. Such bodies are refused rather than parsed, so a hostile or
/// broken server cannot make parsing slow or large. <see cref="Limit"/> names the cap.
/// </summary>
public sealed class ModernGovLimitExceededException : ModernGovException
{
    /// <summary>Creates an exception with a default message.</summary>
    public ModernGovLimitExceededException()
        : base("The Modern.Gov response exceeds a parser limit.")
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong.</param>
    public ModernGovLimitExceededException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public ModernGovLimitExceededException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal ModernGovLimitExceededException(XmlLimitException limit, ModernGovRequestContext context, HttpStatusCode? statusCode, string? bodyExcerpt)
        : base(Describe(limit), context, statusCode, bodyExcerpt, limit)
    {
        Limit = limit.Limit;
        Maximum = limit.Maximum;
        LineNumber = limit.LineNumber;
    }

    /// <summary>
    /// The cap that was hit: <c>levels of element nesting</c> (<see cref="ModernGovCouncilOptions.MaxXmlDepth"/>),
    /// <c>attributes per element</c> (<see cref="ModernGovCouncilOptions.MaxAttributesPerElement"/>), <c>fields per record</c>
    /// (<see cref="ModernGovCouncilOptions.MaxFieldsPerRecord"/>) or <c>characters in a field's path</c> (fixed at 1,024).
    /// </summary>
    public string? Limit { get; }

    /// <summary>The cap's value.</summary>
    public long Maximum { get; }

    /// <summary>The line of the body where the cap was hit (1-based; 0 when unknown).</summary>
    public int LineNumber { get; }

    private static string Describe(XmlLimitException limit) =>
        $"The response exceeds the parser's limit of {limit.Maximum:N0} {limit.Limit}: {limit.Message}{Option(limit.Limit)}";

    // Says how to raise a cap that has an option, so a council with a genuinely large record knows what to change.
    private static string Option(string limit) => limit switch
    {
        "levels of element nesting" => $" (set {nameof(ModernGovCouncilOptions)}.{nameof(ModernGovCouncilOptions.MaxXmlDepth)} to change it)",
        "attributes per element" => $" (set {nameof(ModernGovCouncilOptions)}.{nameof(ModernGovCouncilOptions.MaxAttributesPerElement)} to change it)",
        "fields per record" => $" (set {nameof(ModernGovCouncilOptions)}.{nameof(ModernGovCouncilOptions.MaxFieldsPerRecord)} to change it)",
        _ => "",
    };
}
