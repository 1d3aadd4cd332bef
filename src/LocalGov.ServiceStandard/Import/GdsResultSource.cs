using System.Text.Json.Serialization;

namespace LocalGov.ServiceStandard.Import;

/// <summary>Where an imported report's overall result came from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GdsResultSource>))]
public enum GdsResultSource
{
    /// <summary>A "Result" field in the report's metadata.</summary>
    [JsonStringEnumMemberName("stated")]
    Stated,

    /// <summary>The panel's verdict sentence (e.g. "has shown sufficient evidence of meeting the standard"), when no result field exists.</summary>
    [JsonStringEnumMemberName("outcome-text")]
    OutcomeText,

    /// <summary>Derived from the criteria table by the pass/not pass rule (every criterion passed or not applicable), when neither of the above exists.</summary>
    [JsonStringEnumMemberName("criteria-table")]
    CriteriaTable,
}
