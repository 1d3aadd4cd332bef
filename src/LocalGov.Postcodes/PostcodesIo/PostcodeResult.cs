using System.Text.Json.Serialization;

namespace LocalGov.Postcodes.PostcodesIo;

/// <summary>A postcode as postcodes.io v18 returns it (field names and order as the server's <c>toJson</c>).</summary>
/// <remarks>Names are null where ONS has none (pseudo codes such as <c>E99999999</c> mean "not applicable"); coordinates are null when the postcode has no grid reference.</remarks>
public sealed record PostcodeResult
{
    /// <summary>The postcode in its normal form, e.g. <c>AB10 1AB</c>.</summary>
    [JsonPropertyName("postcode")]
    public string Postcode { get; init; } = string.Empty;

    /// <summary>Positional quality (ONSPD <c>osgrdind</c>): 1 = within the building of the matched address … 9 = no grid reference.</summary>
    [JsonPropertyName("quality")]
    public int Quality { get; init; }

    /// <summary>OSGB36 British National Grid easting in metres; null when there is no grid reference (quality 9, e.g. Channel Islands).</summary>
    [JsonPropertyName("eastings")]
    public int? Eastings { get; init; }

    /// <summary>OSGB36 British National Grid northing in metres; null when there is no grid reference.</summary>
    [JsonPropertyName("northings")]
    public int? Northings { get; init; }

    /// <summary>Country name, e.g. <c>England</c>.</summary>
    [JsonPropertyName("country")]
    public string? Country { get; init; }

    /// <summary>Former Strategic Health Authority / health area name.</summary>
    [JsonPropertyName("nhs_ha")]
    public string? NhsHa { get; init; }

    /// <summary>WGS84 longitude; null when there is no grid reference.</summary>
    [JsonPropertyName("longitude")]
    public double? Longitude { get; init; }

    /// <summary>WGS84 latitude; null when there is no grid reference.</summary>
    [JsonPropertyName("latitude")]
    public double? Latitude { get; init; }

    /// <summary>European electoral region name.</summary>
    [JsonPropertyName("european_electoral_region")]
    public string? EuropeanElectoralRegion { get; init; }

    /// <summary>Primary care trust (or equivalent) name.</summary>
    [JsonPropertyName("primary_care_trust")]
    public string? PrimaryCareTrust { get; init; }

    /// <summary>English region name; null outside England.</summary>
    [JsonPropertyName("region")]
    public string? Region { get; init; }

    /// <summary>Lower layer super output area name (2021 Census since v18; 2011 in <see cref="Lsoa11"/>).</summary>
    [JsonPropertyName("lsoa")]
    public string? Lsoa { get; init; }

    /// <summary>Middle layer super output area name (2021 Census since v18).</summary>
    [JsonPropertyName("msoa")]
    public string? Msoa { get; init; }

    /// <summary>Inward code, e.g. <c>1AB</c>.</summary>
    [JsonPropertyName("incode")]
    public string? Incode { get; init; }

    /// <summary>Outward code, e.g. <c>AB10</c>.</summary>
    [JsonPropertyName("outcode")]
    public string? Outcode { get; init; }

    /// <summary>Westminster constituency name (same column as <see cref="ParliamentaryConstituency2024"/>).</summary>
    [JsonPropertyName("parliamentary_constituency")]
    public string? ParliamentaryConstituency { get; init; }

    /// <summary>Westminster constituency name, 2024 boundaries.</summary>
    [JsonPropertyName("parliamentary_constituency_2024")]
    public string? ParliamentaryConstituency2024 { get; init; }

    /// <summary>Local authority district / unitary authority name.</summary>
    [JsonPropertyName("admin_district")]
    public string? AdminDistrict { get; init; }

    /// <summary>Civil parish, Welsh community or non-parished area name; null where the code is a pseudo code (<c>S99999999</c>, <c>L99999999</c>).</summary>
    [JsonPropertyName("parish")]
    public string? Parish { get; init; }

    /// <summary>County council name; null for unitary areas (code <c>E99999999</c>).</summary>
    [JsonPropertyName("admin_county")]
    public string? AdminCounty { get; init; }

    /// <summary>Month the postcode was introduced, <c>YYYYMM</c>.</summary>
    [JsonPropertyName("date_of_introduction")]
    public string? DateOfIntroduction { get; init; }

    /// <summary>Electoral ward name.</summary>
    [JsonPropertyName("admin_ward")]
    public string? AdminWard { get; init; }

    /// <summary>County electoral division name.</summary>
    [JsonPropertyName("ced")]
    public string? Ced { get; init; }

    /// <summary>Sub-ICB location (formerly CCG) name.</summary>
    [JsonPropertyName("ccg")]
    public string? Ccg { get; init; }

    /// <summary>ITL (formerly NUTS) level 3 area name.</summary>
    [JsonPropertyName("nuts")]
    public string? Nuts { get; init; }

    /// <summary>Police force area name.</summary>
    [JsonPropertyName("pfa")]
    public string? Pfa { get; init; }

    /// <summary>NHS England region name.</summary>
    [JsonPropertyName("nhs_region")]
    public string? NhsRegion { get; init; }

    /// <summary>Travel-to-work area name.</summary>
    [JsonPropertyName("ttwa")]
    public string? Ttwa { get; init; }

    /// <summary>National park name.</summary>
    [JsonPropertyName("national_park")]
    public string? NationalPark { get; init; }

    /// <summary>Built-up area name.</summary>
    [JsonPropertyName("bua")]
    public string? Bua { get; init; }

    /// <summary>Integrated care board name.</summary>
    [JsonPropertyName("icb")]
    public string? Icb { get; init; }

    /// <summary>Cancer alliance name.</summary>
    [JsonPropertyName("cancer_alliance")]
    public string? CancerAlliance { get; init; }

    /// <summary>2011 Census LSOA name.</summary>
    [JsonPropertyName("lsoa11")]
    public string? Lsoa11 { get; init; }

    /// <summary>2011 Census MSOA name.</summary>
    [JsonPropertyName("msoa11")]
    public string? Msoa11 { get; init; }

    /// <summary>2021 Census LSOA name.</summary>
    [JsonPropertyName("lsoa21")]
    public string? Lsoa21 { get; init; }

    /// <summary>2021 Census MSOA name.</summary>
    [JsonPropertyName("msoa21")]
    public string? Msoa21 { get; init; }

    /// <summary>2021 Census output area code.</summary>
    [JsonPropertyName("oa21")]
    public string? Oa21 { get; init; }

    /// <summary>2011 rural-urban classification.</summary>
    [JsonPropertyName("ruc11")]
    public string? Ruc11 { get; init; }

    /// <summary>2021 rural-urban classification.</summary>
    [JsonPropertyName("ruc21")]
    public string? Ruc21 { get; init; }

    /// <summary>Local enterprise partnership (first).</summary>
    [JsonPropertyName("lep1")]
    public string? Lep1 { get; init; }

    /// <summary>Local enterprise partnership (second).</summary>
    [JsonPropertyName("lep2")]
    public string? Lep2 { get; init; }

    /// <summary>The GSS (and other) codes of the areas above.</summary>
    [JsonPropertyName("codes")]
    public PostcodeCodes? Codes { get; init; }

    /// <summary>Distance in metres from the query point; only on reverse geocoding and nearest results.</summary>
    [JsonPropertyName("distance")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Distance { get; init; }
}
