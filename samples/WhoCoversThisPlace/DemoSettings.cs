namespace WhoCoversThisPlace;

/// <summary>DEMO: files answering postcodes.io and Modern.Gov in-process.</summary>
public sealed record DemoSettings
{
    /// <summary>A JSON array of postcodes.io postcode results.</summary>
    public string? Postcodes { get; set; }

    /// <summary>A Modern.Gov <c>GetParishCouncils</c> XML answer.</summary>
    public string? ModernGovParishCouncils { get; set; }

    /// <summary>A Modern.Gov <c>GetCouncillorsByWard</c> XML answer.</summary>
    public string? ModernGovCouncillorsByWard { get; set; }
}
