using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpeedingReport.Routing;

/// <summary>Who deals with a report: the parish council of the location, or the district council.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResponsibleBody>))]
public enum ResponsibleBody
{
    [JsonStringEnumMemberName("district")]
    District,

    [JsonStringEnumMemberName("parish")]
    Parish,
}

/// <summary>The routing file: the questions asked, in order, and the rules that map answers to a responsible body.</summary>
public sealed record RoutingDocument
{
    public IReadOnlyList<RoutingQuestion> Questions { get; init; } = [];

    public IReadOnlyList<RoutingRule> Rules { get; init; } = [];
}

/// <summary>One question, asked on a page of its own, answered by choosing one option.</summary>
public sealed record RoutingQuestion
{
    /// <summary>Lower-case letters, digits and hyphens; used in the page's address and in rules.</summary>
    public string Id { get; init; } = "";

    /// <summary>The question, shown as the page heading.</summary>
    public string Text { get; init; } = "";

    public string? Hint { get; init; }

    /// <summary>The short form shown on the check-your-answers page.</summary>
    public string? ShortText { get; init; }

    /// <summary>Shown when nothing is chosen (GOV.UK style: "Select …").</summary>
    public string ErrorMessage { get; init; } = "";

    public IReadOnlyList<RoutingOption> Options { get; init; } = [];
}

public sealed record RoutingOption
{
    public string Value { get; init; } = "";

    public string Text { get; init; } = "";

    public string? Hint { get; init; }
}

/// <summary>
/// A rule applies when every answer it names is one of the values listed for it (and, when <see cref="InParish"/> is
/// set, the location is or is not in a parish). The first rule that applies decides.
/// </summary>
public sealed record RoutingRule
{
    /// <summary>Question id → the answers (option values) this rule accepts. Questions not named accept any answer.</summary>
    public IReadOnlyDictionary<string, JsonElement> When { get; init; } = new Dictionary<string, JsonElement>();

    public bool? InParish { get; init; }

    public ResponsibleBody DealtWithBy { get; init; }

    /// <summary>Why this body deals with it, shown on the result page.</summary>
    public string Explanation { get; init; } = "";

    /// <summary>Optional: what happens next, shown under the contact details.</summary>
    public string? NextSteps { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(RoutingDocument))]
internal sealed partial class RoutingJsonContext : JsonSerializerContext;
