using System.Text.Json.Serialization;

namespace LocalGov.ServiceStandard.Assessments;

/// <summary>The phase a service is assessed at (GOV.UK agile delivery phases).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ServicePhase>))]
public enum ServicePhase
{
    /// <summary>Discovery (optional peer review).</summary>
    [JsonStringEnumMemberName("discovery")]
    Discovery,

    /// <summary>End of alpha.</summary>
    [JsonStringEnumMemberName("alpha")]
    Alpha,

    /// <summary>Beta, where the source does not say private or public (the 2014-16 GDS reports).</summary>
    [JsonStringEnumMemberName("beta")]
    Beta,

    /// <summary>End of private beta.</summary>
    [JsonStringEnumMemberName("private-beta")]
    PrivateBeta,

    /// <summary>End of public beta.</summary>
    [JsonStringEnumMemberName("public-beta")]
    PublicBeta,

    /// <summary>Live.</summary>
    [JsonStringEnumMemberName("live")]
    Live,
}
