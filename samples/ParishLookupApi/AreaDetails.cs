namespace ParishLookupApi;

/// <summary>One area: its GSS code, its name and what kind of area it is (<c>parish</c>, <c>non-parished-area</c>, <c>district</c>).</summary>
public sealed record AreaDetails(string Code, string Name, string Kind);
