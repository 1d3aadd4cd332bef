using System.Text.Json.Serialization;

namespace LocalGov.ServiceStandard.Catalogue;

/// <summary>What shape a standard's items have.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StandardKind>))]
public enum StandardKind
{
    /// <summary>Numbered points, each a requirement (the GOV.UK, LGDSS and NHS standards).</summary>
    [JsonStringEnumMemberName("points")]
    Points,

    /// <summary>Numbered principles or commitments an organisation signs up to (the Local Digital Declaration).</summary>
    [JsonStringEnumMemberName("principles")]
    Principles,

    /// <summary>Questions, each with a recommendation (councils' best-practice checklists).</summary>
    [JsonStringEnumMemberName("checklist")]
    Checklist,
}
