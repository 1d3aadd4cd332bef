namespace LocalGov.Postcodes.PostcodesIo;

/// <summary>One item of a bulk reverse geocode, in input order.</summary>
/// <param name="Query">The point as given.</param>
/// <param name="Postcodes">The postcodes found, nearest first, each with its distance; empty when none lies within the radius.</param>
public sealed record ReverseGeocodeResult(ReverseGeocodeQuery Query, IReadOnlyList<PostcodeResult> Postcodes);
