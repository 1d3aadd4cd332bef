using System.Text.Json.Serialization;

namespace LocalGov.ServiceStandard.Assessments;

/// <summary>Where an assessment is in the finalise, then accept-or-challenge workflow, as of a given day.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AssessmentState>))]
public enum AssessmentState
{
    /// <summary>Not finalised (yet, as of the day asked about): it may still change.</summary>
    [JsonStringEnumMemberName("draft")]
    Draft,

    /// <summary>Finalised; the service team has not responded and the deadline has not passed.</summary>
    [JsonStringEnumMemberName("awaiting-response")]
    AwaitingResponse,

    /// <summary>The service team accepted the outcome.</summary>
    [JsonStringEnumMemberName("accepted")]
    Accepted,

    /// <summary>The service team challenged points of the outcome.</summary>
    [JsonStringEnumMemberName("challenged")]
    Challenged,

    /// <summary>Finalised; the deadline has passed with no response.</summary>
    [JsonStringEnumMemberName("response-overdue")]
    ResponseOverdue,
}
