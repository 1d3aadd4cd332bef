using System.Diagnostics.CodeAnalysis;

namespace LocalGov.ServiceStandard;

/// <summary>Names one version of one standard: <c>id@version</c>, e.g. <c>lgdss@2016-04-07</c>.</summary>
public sealed record StandardReference
{
    /// <summary>Creates a reference.</summary>
    /// <param name="standardId">The standard's stable id, e.g. <c>govuk-service-standard</c>.</param>
    /// <param name="version">The version's stable id, e.g. <c>2019-05</c>.</param>
    [SetsRequiredMembers]
    public StandardReference(string standardId, string version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(standardId);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        StandardId = standardId;
        Version = version;
    }

    /// <summary>The standard's stable id.</summary>
    public required string StandardId { get; init; }

    /// <summary>The version's stable id.</summary>
    public required string Version { get; init; }

    /// <summary>Parses <c>id@version</c>.</summary>
    /// <param name="text">The reference text.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="FormatException">The text is not <c>id@version</c>.</exception>
    public static StandardReference Parse(string text) =>
        TryParse(text, out var reference)
            ? reference
            : throw new FormatException($"'{text}' is not a standard reference; expected 'id@version', e.g. 'lgdss@2016-04-07'.");

    /// <summary>Parses <c>id@version</c> without throwing.</summary>
    /// <param name="text">The reference text.</param>
    /// <param name="reference">The reference, when the text is valid.</param>
    /// <returns>Whether the text was valid.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out StandardReference? reference)
    {
        reference = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == text.Length - 1 || text.IndexOf('@', at + 1) >= 0)
        {
            return false;
        }

        reference = new StandardReference(text[..at].Trim(), text[(at + 1)..].Trim());
        return true;
    }

    /// <summary>The reference as <c>id@version</c>.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => $"{StandardId}@{Version}";
}
