namespace LocalGov.Postcodes.PostcodesIo;

/// <summary>One item of a bulk lookup, in input order.</summary>
/// <param name="Query">The input exactly as given.</param>
/// <param name="Outcome">Found, not found, or not a postcode.</param>
/// <param name="Result">The postcode when found, otherwise null.</param>
public sealed record PostcodeLookupResult(string Query, PostcodeLookupOutcome Outcome, PostcodeResult? Result);
