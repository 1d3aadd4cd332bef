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
    public IReadOnlyList<RoutingQuestion> Questions { get; set; } = [];

    public IReadOnlyList<RoutingRule> Rules { get; set; } = [];
}

/// <summary>One question, asked on a page of its own, answered by choosing one option.</summary>
public sealed record RoutingQuestion
{
    /// <summary>Lower-case letters, digits and hyphens; used in the page's address and in rules.</summary>
    public string Id { get; set; } = "";

    /// <summary>The question, shown as the page heading.</summary>
    public string Text { get; set; } = "";

    public string? Hint { get; set; }

    /// <summary>The short form shown on the check-your-answers page.</summary>
    public string? ShortText { get; set; }

    /// <summary>Shown when nothing is chosen (GOV.UK style: "Select …").</summary>
    public string ErrorMessage { get; set; } = "";

    public IReadOnlyList<RoutingOption> Options { get; set; } = [];
}

public sealed record RoutingOption
{
    public string Value { get; set; } = "";

    public string Text { get; set; } = "";

    public string? Hint { get; set; }
}

/// <summary>
/// A rule applies when every answer it names is one of the values listed for it (and, when <see cref="InParish"/> is
/// set, the location is or is not in a parish). The first rule that applies decides.
/// </summary>
public sealed record RoutingRule
{
    /// <summary>Question id → the answers (option values) this rule accepts. Questions not named accept any answer.</summary>
    public IReadOnlyDictionary<string, JsonElement> When { get; set; } = new Dictionary<string, JsonElement>();

    public bool? InParish { get; set; }

    public ResponsibleBody DealtWithBy { get; set; }

    /// <summary>Why this body deals with it, shown on the result page.</summary>
    public string Explanation { get; set; } = "";

    /// <summary>Optional: what happens next, shown under the contact details.</summary>
    public string? NextSteps { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(RoutingDocument))]
internal sealed partial class RoutingJsonContext : JsonSerializerContext;
