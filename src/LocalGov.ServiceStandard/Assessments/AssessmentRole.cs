using System.Text.Json.Serialization;

namespace LocalGov.ServiceStandard.Assessments;

/// <summary>A role on an assessment panel or in the service team being assessed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AssessmentRole>))]
public enum AssessmentRole
{
    /// <summary>Lead assessor: runs the assessment and finalises the result.</summary>
    [JsonStringEnumMemberName("lead-assessor")]
    LeadAssessor,

    /// <summary>User research assessor.</summary>
    [JsonStringEnumMemberName("user-research-assessor")]
    UserResearchAssessor,

    /// <summary>Design assessor (service, interaction or content design).</summary>
    [JsonStringEnumMemberName("design-assessor")]
    DesignAssessor,

    /// <summary>Technical assessor.</summary>
    [JsonStringEnumMemberName("technical-assessor")]
    TechnicalAssessor,

    /// <summary>Performance analyst.</summary>
    [JsonStringEnumMemberName("performance-analyst")]
    PerformanceAnalyst,

    /// <summary>Product or delivery manager assessor.</summary>
    [JsonStringEnumMemberName("product-delivery-assessor")]
    ProductDeliveryAssessor,

    /// <summary>Accessibility specialist.</summary>
    [JsonStringEnumMemberName("accessibility-specialist")]
    AccessibilitySpecialist,

    /// <summary>A peer reviewer from another council or organisation.</summary>
    [JsonStringEnumMemberName("peer-reviewer")]
    PeerReviewer,

    /// <summary>A note-taker or report writer.</summary>
    [JsonStringEnumMemberName("note-taker")]
    NoteTaker,

    /// <summary>A silent observer.</summary>
    [JsonStringEnumMemberName("observer")]
    Observer,

    /// <summary>The service owner or service manager (service team).</summary>
    [JsonStringEnumMemberName("service-owner")]
    ServiceOwner,

    /// <summary>The organisation's digital leader (service team side, 2014-16 GDS reports).</summary>
    [JsonStringEnumMemberName("digital-leader")]
    DigitalLeader,

    /// <summary>Another role (see <see cref="Participant.RoleDescription"/>).</summary>
    [JsonStringEnumMemberName("other")]
    Other,
}
