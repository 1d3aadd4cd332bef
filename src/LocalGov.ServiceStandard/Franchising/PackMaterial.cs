namespace LocalGov.ServiceStandard.Franchising;

/// <summary>A piece of session material in Markdown (prompts, exemplar evidence, facilitator notes, slides outline).</summary>
public sealed record PackMaterial
{
    /// <summary>A stable id, unique within its session; also its file name in an exported pack (<c>id.md</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The material's title.</summary>
    public required string Title { get; init; }

    /// <summary>The content, in Markdown.</summary>
    public required string Markdown { get; init; }
}
