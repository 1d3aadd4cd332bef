using System.Text.Json.Serialization;

namespace LocalGov.ServiceStandard.Assessments;

/// <summary>The parts of the UK with their own bank holidays.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UkNation>))]
public enum UkNation
{
    /// <summary>England and Wales.</summary>
    [JsonStringEnumMemberName("england-and-wales")]
    EnglandAndWales,

    /// <summary>Scotland.</summary>
    [JsonStringEnumMemberName("scotland")]
    Scotland,

    /// <summary>Northern Ireland.</summary>
    [JsonStringEnumMemberName("northern-ireland")]
    NorthernIreland,
}
