namespace LocalGov.Open311;

/// <summary>Filters for <c>GET requests</c>; what is null or empty is not sent (the server's defaults: the last 90 days, at most 1,000).</summary>
public sealed record Open311RequestQuery
{
    /// <summary><c>service_request_id</c>, comma-joined; when set the server ignores the other filters.</summary>
    public IReadOnlyList<string> ServiceRequestIds { get; init; } = [];

    /// <summary><c>service_code</c>, comma-joined.</summary>
    public IReadOnlyList<string> ServiceCodes { get; init; } = [];

    /// <summary><c>start_date</c>: the earliest <c>requested_datetime</c>, sent in W3C format (UTC).</summary>
    public DateTimeOffset? StartDate { get; init; }

    /// <summary><c>end_date</c>: the latest <c>requested_datetime</c>, sent in W3C format (UTC); at most 90 days after the start.</summary>
    public DateTimeOffset? EndDate { get; init; }

    /// <summary><c>status</c>: only open or only closed requests.</summary>
    public Open311RequestStatus? Status { get; init; }
}
