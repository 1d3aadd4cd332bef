using System.Text.Json.Serialization;

namespace LocalGov.Postcodes.PostcodesIo;

/// <summary>The codes block of a postcodes.io postcode: GSS (and a few other) codes for each area.</summary>
public sealed record PostcodeCodes
{
    /// <summary>Code for <c>admin_district</c>.</summary>
    [JsonPropertyName("admin_district")]
    public string? AdminDistrict { get; init; }

    /// <summary>County GSS code; <c>E99999999</c> (etc.) when not applicable.</summary>
    [JsonPropertyName("admin_county")]
    public string? AdminCounty { get; init; }

    /// <summary>Code for <c>admin_ward</c>.</summary>
    [JsonPropertyName("admin_ward")]
    public string? AdminWard { get; init; }

    /// <summary>Parish GSS code: <c>E04…</c> civil parish, <c>W04…</c> Welsh community, <c>E43…</c> non-parished area, <c>S99999999</c>/<c>L99999999</c> pseudo codes.</summary>
    [JsonPropertyName("parish")]
    public string? Parish { get; init; }

    /// <summary>Code for <c>parliamentary_constituency</c>.</summary>
    [JsonPropertyName("parliamentary_constituency")]
    public string? ParliamentaryConstituency { get; init; }

    /// <summary>Code for <c>parliamentary_constituency_2024</c>.</summary>
    [JsonPropertyName("parliamentary_constituency_2024")]
    public string? ParliamentaryConstituency2024 { get; init; }

    /// <summary>Sub-ICB location GSS code.</summary>
    [JsonPropertyName("ccg")]
    public string? Ccg { get; init; }

    /// <summary>Sub-ICB location short code, e.g. <c>72Q</c>.</summary>
    [JsonPropertyName("ccg_id")]
    public string? CcgId { get; init; }

    /// <summary>Code for <c>ced</c>.</summary>
    [JsonPropertyName("ced")]
    public string? Ced { get; init; }

    /// <summary>ITL level 3 code, e.g. <c>TLI44</c> (the name says NUTS).</summary>
    [JsonPropertyName("nuts")]
    public string? Nuts { get; init; }

    /// <summary>Code for <c>lsoa</c>.</summary>
    [JsonPropertyName("lsoa")]
    public string? Lsoa { get; init; }

    /// <summary>Code for <c>msoa</c>.</summary>
    [JsonPropertyName("msoa")]
    public string? Msoa { get; init; }

    /// <summary>Local authority district GSS code.</summary>
    [JsonPropertyName("lau2")]
    public string? Lau2 { get; init; }

    /// <summary>Code for <c>pfa</c>.</summary>
    [JsonPropertyName("pfa")]
    public string? Pfa { get; init; }

    /// <summary>Code for <c>nhs_region</c>.</summary>
    [JsonPropertyName("nhs_region")]
    public string? NhsRegion { get; init; }

    /// <summary>Code for <c>ttwa</c>.</summary>
    [JsonPropertyName("ttwa")]
    public string? Ttwa { get; init; }

    /// <summary>Code for <c>national_park</c>.</summary>
    [JsonPropertyName("national_park")]
    public string? NationalPark { get; init; }

    /// <summary>Code for <c>bua</c>.</summary>
    [JsonPropertyName("bua")]
    public string? Bua { get; init; }

    /// <summary>Code for <c>icb</c>.</summary>
    [JsonPropertyName("icb")]
    public string? Icb { get; init; }

    /// <summary>Code for <c>cancer_alliance</c>.</summary>
    [JsonPropertyName("cancer_alliance")]
    public string? CancerAlliance { get; init; }

    /// <summary>Code for <c>lsoa11</c>.</summary>
    [JsonPropertyName("lsoa11")]
    public string? Lsoa11 { get; init; }

    /// <summary>Code for <c>msoa11</c>.</summary>
    [JsonPropertyName("msoa11")]
    public string? Msoa11 { get; init; }

    /// <summary>Code for <c>lsoa21</c>.</summary>
    [JsonPropertyName("lsoa21")]
    public string? Lsoa21 { get; init; }

    /// <summary>Code for <c>msoa21</c>.</summary>
    [JsonPropertyName("msoa21")]
    public string? Msoa21 { get; init; }

    /// <summary>Code for <c>oa21</c>.</summary>
    [JsonPropertyName("oa21")]
    public string? Oa21 { get; init; }

    /// <summary>Code for <c>ruc11</c>.</summary>
    [JsonPropertyName("ruc11")]
    public string? Ruc11 { get; init; }

    /// <summary>Code for <c>ruc21</c>.</summary>
    [JsonPropertyName("ruc21")]
    public string? Ruc21 { get; init; }

    /// <summary>Code for <c>lep1</c>.</summary>
    [JsonPropertyName("lep1")]
    public string? Lep1 { get; init; }

    /// <summary>Code for <c>lep2</c>.</summary>
    [JsonPropertyName("lep2")]
    public string? Lep2 { get; init; }
}
