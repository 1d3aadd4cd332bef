namespace LocalGov.ServiceStandard.Import;

/// <summary>A report that could not be read, and why. The other reports are still imported.</summary>
public sealed record GdsReportError
{
    /// <summary>The report's position in the file (0-based).</summary>
    public required int Index { get; init; }

    /// <summary>The report's title, when it has one.</summary>
    public string? Title { get; init; }

    /// <summary>The report's original address, when it has one.</summary>
    public Uri? Url { get; init; }

    /// <summary>What was wrong.</summary>
    public required string Message { get; init; }

    /// <summary>The error as one line for logs and stderr.</summary>
    /// <returns>The line.</returns>
    public override string ToString() => $"report {Index}{(Title is null ? string.Empty : $" \"{Title}\"")}: {Message}";
}
