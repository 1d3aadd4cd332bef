namespace LocalGov.ModernGov;

/// <summary>The parser caps one client applies to every body, taken from <see cref="ModernGovCouncilOptions"/>.</summary>
/// <param name="MaxDepth">How deep elements may nest.</param>
/// <param name="MaxAttributesPerElement">How many attributes one start tag may carry.</param>
/// <param name="MaxFieldsPerRecord">How many unrecognised fields one record may keep (the lenient shapes flatten every field and allow four times as many).</param>
internal readonly record struct XmlLimits(int MaxDepth, int MaxAttributesPerElement, int MaxFieldsPerRecord)
{
    /// <summary>The defaults of <see cref="ModernGovCouncilOptions"/>.</summary>
    public static XmlLimits Default { get; } = new(
        ModernGovCouncilOptions.DefaultMaxXmlDepth,
        ModernGovCouncilOptions.DefaultMaxAttributesPerElement,
        ModernGovCouncilOptions.DefaultMaxFieldsPerRecord);

    /// <summary>Every field a lenient record flattens, known ones included.</summary>
    public int MaxFlattenedFields => 4 * MaxFieldsPerRecord;

    public static XmlLimits From(ModernGovCouncilOptions options) =>
        new(options.MaxXmlDepth, options.MaxAttributesPerElement, options.MaxFieldsPerRecord);
}
