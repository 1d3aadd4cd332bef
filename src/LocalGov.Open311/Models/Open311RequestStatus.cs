namespace LocalGov.Open311;

/// <summary>A service request's <c>status</c> as the spec defines it, for filtering <c>GET requests</c>.</summary>
public enum Open311RequestStatus
{
    /// <summary><c>open</c>: reported, not yet resolved.</summary>
    Open,

    /// <summary><c>closed</c>: resolved.</summary>
    Closed,
}
