namespace SpeedingReport.Pages;

/// <summary>What the location map partial needs: which inputs a click fills, and its words.</summary>
/// <param name="LatitudeInputId">The id of the input the latitude goes in.</param>
/// <param name="LongitudeInputId">The id of the input the longitude goes in.</param>
/// <param name="Hint">Shown above the map.</param>
/// <param name="Heading">Optional heading above the map.</param>
/// <param name="RevealId">Optional: an element shown once a place is selected (the postcode page's button).</param>
public sealed record LocationMapModel(string LatitudeInputId, string LongitudeInputId, string Hint, string? Heading = null, string? RevealId = null);
