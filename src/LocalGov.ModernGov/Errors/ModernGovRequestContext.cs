namespace LocalGov.ModernGov;

/// <summary>Where a call went, for error messages.</summary>
internal readonly record struct ModernGovRequestContext(string Council, string Operation, Uri? RequestUri);
