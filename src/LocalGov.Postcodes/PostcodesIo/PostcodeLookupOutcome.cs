namespace LocalGov.Postcodes.PostcodesIo;

/// <summary>What a bulk lookup found for one input.</summary>
public enum PostcodeLookupOutcome
{
    /// <summary>The postcode exists; <see cref="PostcodeLookupResult.Result"/> holds it.</summary>
    Found,

    /// <summary>The postcode is well formed but postcodes.io does not know it (new, terminated or made up).</summary>
    NotFound,

    /// <summary>The input is not a UK postcode (the server found nothing, and the text fails the postcode format).</summary>
    InvalidPostcode,
}
