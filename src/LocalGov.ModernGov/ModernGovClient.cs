using System.Globalization;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace LocalGov.ModernGov;

/// <summary>
/// The client for one council's Modern.Gov web service. With dependency injection, get it from
/// <see cref="IModernGovClientFactory"/> (resilience included); without, construct it over an <see cref="HttpClient"/>.
/// </summary>
public sealed class ModernGovClient : IModernGovClient
{
    private static readonly string[] WardRoots = ["councillorsbyward", "councillorsbywardid", "councillorsbypostcode", "wards"];
    private static readonly string[] CommitteeRoots = ["committees", "committeesbyuser", "getcommitteesbyuser", "usercommittees"];
    private static readonly string[] MeetingsRoots = ["getmeetings", "getmeetingsbydate", "meetings", "getallmeetingsbydate"];

    private readonly IModernGovApi _api;
    private readonly ModernGovCouncilOptions _options;
    private readonly XmlLimits _limits;
    private readonly Microsoft.Extensions.Logging.ILogger _logger;

    /// <summary>
    /// Creates a client over <paramref name="httpClient"/>, which must have no <see cref="HttpClient.BaseAddress"/> or
    /// the install's normalised base URL. No retries are added here: register with <c>AddModernGov</c>, or build the
    /// client over <see cref="CreateResilientHandler"/>, for the resilience pipeline. <see cref="ModernGovCouncilOptions.Timeout"/>
    /// and the size cap always apply.
    /// </summary>
    /// <param name="httpClient">The HTTP client (its lifetime stays yours).</param>
    /// <param name="options">The council's options; copied, so later changes have no effect.</param>
    /// <param name="councilName">The council's name, used in errors.</param>
    /// <exception cref="ArgumentException">The options are invalid, or the client's base address is another URL.</exception>
    public ModernGovClient(HttpClient httpClient, ModernGovCouncilOptions options, string councilName = "council")
        : this(httpClient, options, councilName, null)
    {
    }

    /// <summary>
    /// Creates a client over <paramref name="httpClient"/> that logs failures to <paramref name="logger"/> (see the README's
    /// "Operating it"); otherwise as <see cref="ModernGovClient(HttpClient, ModernGovCouncilOptions, string)"/>.
    /// </summary>
    /// <param name="httpClient">The HTTP client (its lifetime stays yours).</param>
    /// <param name="options">The council's options; copied, so later changes have no effect.</param>
    /// <param name="councilName">The council's name, used in errors, logs and telemetry.</param>
    /// <param name="logger">Where failures are logged; null for nowhere.</param>
    /// <exception cref="ArgumentException">The options are invalid, or the client's base address is another URL.</exception>
    public ModernGovClient(HttpClient httpClient, ModernGovCouncilOptions options, string councilName, Microsoft.Extensions.Logging.ILogger? logger)
    {
        _logger = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(councilName);
        var validation = ModernGovCouncilOptionsValidator.Check(councilName, options);
        if (validation.Failed)
        {
            throw new ArgumentException(validation.FailureMessage, nameof(options));
        }

        _options = options.Clone();
        _limits = XmlLimits.From(_options);
        CouncilName = councilName;
        BaseUrl = ModernGovBaseUrl.Normalise(_options.BaseUrl!);
        if (httpClient.BaseAddress is null)
        {
            httpClient.BaseAddress = BaseUrl;
        }
        else if (httpClient.BaseAddress != BaseUrl)
        {
            throw new ArgumentException($"The HttpClient's BaseAddress {httpClient.BaseAddress} is not the council's base URL {BaseUrl}.", nameof(httpClient));
        }

        if (!httpClient.DefaultRequestHeaders.Contains("User-Agent"))
        {
            httpClient.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        }

        _api = RestService.For<IModernGovApi>(httpClient);
    }

    /// <summary>
    /// Creates a message handler with the resilience pipeline that <c>AddModernGov</c> gives a council (total and
    /// per-attempt timeouts, retries with exponential back-off and jitter on 408/429/5xx and transport errors, a circuit
    /// breaker), for use without dependency injection:
    /// <c>new ModernGovClient(new HttpClient(ModernGovClient.CreateResilientHandler(options)), options, name)</c>.
    /// The circuit breaker lives in the handler, so create one handler (and one <see cref="HttpClient"/>) per council and keep it.
    /// </summary>
    /// <param name="options">The council's options (timeouts, retries).</param>
    /// <param name="innerHandler">What sends the requests; by default a <see cref="SocketsHttpHandler"/> whose
    /// connections are renewed every two minutes, so DNS changes are seen. Its own automatic redirects are turned off
    /// (when it is a <see cref="SocketsHttpHandler"/> or <see cref="HttpClientHandler"/>): redirects are followed, and
    /// checked, by the handler returned (see <see cref="ModernGovCouncilOptions.MaxRedirects"/>).</param>
    /// <returns>The handler, owning <paramref name="innerHandler"/>.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static DelegatingHandler CreateResilientHandler(ModernGovCouncilOptions options, HttpMessageHandler? innerHandler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = ModernGovCouncilOptionsValidator.Check("council", options);
        if (validation.Failed)
        {
            throw new ArgumentException(validation.FailureMessage, nameof(options));
        }

        // Redirects are checked hop by hop by the redirect handler, so the sending handler must not follow them itself.
        innerHandler ??= new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) };
        ModernGovRedirectHandler.DisableAutomaticRedirects(innerHandler);
        return new Microsoft.Extensions.Http.Resilience.ResilienceHandler(ModernGovResilience.CreatePipeline(options))
        {
            InnerHandler = new ModernGovRedirectHandler(options) { InnerHandler = innerHandler },
        };
    }

    /// <inheritdoc />
    public string CouncilName { get; }

    /// <inheritdoc />
    public Uri BaseUrl { get; }

    /// <inheritdoc />
    public Task<IReadOnlyList<ModernGovWard>> GetCouncillorsByWardAsync(CancellationToken cancellationToken = default) =>
        SendAsync("GetCouncillorsByWard", [], (api, ct) => api.GetCouncillorsByWard(ct),
            ModernGovResponseShape<IReadOnlyList<ModernGovWard>>.Streaming(WardRoots, CouncillorParser.ParseWards), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ModernGovWard>> GetCouncillorsByWardIdAsync(long wardId, CancellationToken cancellationToken = default)
    {
        var id = Id(wardId);
        return SendAsync("GetCouncillorsByWardId", [("lWardId", id)], (api, ct) => api.GetCouncillorsByWardId(id, ct),
            ModernGovResponseShape<IReadOnlyList<ModernGovWard>>.Streaming(WardRoots, CouncillorParser.ParseWards), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ModernGovWard>> GetCouncillorsByPostcodeAsync(string postcode, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(postcode);
        var value = postcode.Trim();
        return SendAsync("GetCouncillorsByPostcode", [("sPostcode", value)], (api, ct) => api.GetCouncillorsByPostcode(value, ct),
            ModernGovResponseShape<IReadOnlyList<ModernGovWard>>.Streaming(WardRoots, CouncillorParser.ParseWards), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ModernGovCommittee>> GetCommitteesAsync(CancellationToken cancellationToken = default) =>
        SendAsync("GetCommittees", [], (api, ct) => api.GetCommittees(ct),
            ModernGovResponseShape<IReadOnlyList<ModernGovCommittee>>.Streaming(CommitteeRoots, CommitteeParser.Parse), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ModernGovCommittee>> GetCommitteesByUserAsync(long userId, CancellationToken cancellationToken = default)
    {
        var id = Id(userId);
        return SendAsync("GetCommitteesByUser", [("lUserId", id)], (api, ct) => api.GetCommitteesByUser(id, ct),
            ModernGovResponseShape<IReadOnlyList<ModernGovCommittee>>.Streaming([.. CommitteeRoots, "user", "committeesforuser", "string"], CommitteeParser.Parse), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ModernGovMeetingSummary>> GetMeetingsAsync(long? committeeId = null, DateOnly? fromDate = null, DateOnly? toDate = null, CancellationToken cancellationToken = default)
    {
        ThrowIfReversed(fromDate, toDate);
        var committee = Committee(committeeId);
        var fromText = ModernGovText.FormatDate(fromDate);
        var toText = ModernGovText.FormatDate(toDate);
        return SendAsync("GetMeetings", [("lCommitteeId", committee), ("sFromDate", fromText), ("sToDate", toText)],
            (api, ct) => api.GetMeetings(committee, fromText, toText, ct),
            ModernGovResponseShape<IReadOnlyList<ModernGovMeetingSummary>>.Streaming(MeetingsRoots, MeetingSummaryParser.Parse), cancellationToken);
    }

    /// <inheritdoc />
    public Task<ModernGovMeeting> GetMeetingAsync(long meetingId, CancellationToken cancellationToken = default)
    {
        var id = Id(meetingId);
        return SendAsync("GetMeeting", [("lMeetingId", id)], (api, ct) => api.GetMeeting(id, ct),
            ModernGovResponseShape<ModernGovMeeting>.Streaming(["meeting"], MeetingParser.Parse, m => m.Id is null && m.Date is null && m.AgendaItems.Count == 0, $"No meeting {meetingId} (the install answered with an empty meeting)"),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ModernGovMeetingSummary>> GetAllMeetingsByDateAsync(DateOnly? fromDate, DateOnly? toDate, long? committeeId = null, bool ascending = true, CancellationToken cancellationToken = default)
    {
        ThrowIfReversed(fromDate, toDate);
        var committee = Committee(committeeId);
        var fromText = ModernGovText.FormatDate(fromDate);
        var toText = ModernGovText.FormatDate(toDate);
        var order = ModernGovText.FormatBool(ascending);
        return SendAsync("GetAllMeetingsByDate", [("lCommitteeId", committee), ("sFromDate", fromText), ("sToDate", toText), ("bIsAscendingDateOrder", order)],
            (api, ct) => api.GetAllMeetingsByDate(committee, fromText, toText, order, ct),
            ModernGovResponseShape<IReadOnlyList<ModernGovMeetingSummary>>.Streaming(MeetingsRoots, MeetingSummaryParser.Parse), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ModernGovCalendarEvent>> GetCalendarEventsAsync(DateOnly? startDate = null, DateOnly? endDate = null, bool globalCalendar = true, long? userId = null, CancellationToken cancellationToken = default)
    {
        ThrowIfReversed(startDate, endDate);
        var global = ModernGovText.FormatBool(globalCalendar);
        var user = Id(userId ?? 0);
        var startText = ModernGovText.FormatDate(startDate);
        var endText = ModernGovText.FormatDate(endDate);
        return SendAsync("GetCalendarEvents", [("bGlobalCalendar", global), ("lUserId", user), ("sDateStart", startText), ("sDateEnd", endText)],
            (api, ct) => api.GetCalendarEvents(global, user, startText, endText, ct),
            ModernGovResponseShape<IReadOnlyList<ModernGovCalendarEvent>>.Lenient(LenientParsers.CalendarEvents), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ModernGovMeetingSummary>> GetWebcastMeetingsAsync(long? committeeId = null, DateOnly? fromDate = null, DateOnly? toDate = null, CancellationToken cancellationToken = default)
    {
        ThrowIfReversed(fromDate, toDate);
        var committee = Committee(committeeId);
        var fromText = ModernGovText.FormatDate(fromDate);
        var toText = ModernGovText.FormatDate(toDate);
        return SendAsync("GetWebCastMeetings", [("lCommitteeId", committee), ("sFromDate", fromText), ("sToDate", toText)],
            (api, ct) => api.GetWebCastMeetings(committee, fromText, toText, ct),
            ModernGovResponseShape<IReadOnlyList<ModernGovMeetingSummary>>.Lenient(LenientParsers.Webcasts), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ModernGovMeetingSummary>> GetDeletedWebcastMeetingsAsync(DateOnly? fromDate = null, CancellationToken cancellationToken = default)
    {
        var fromText = ModernGovText.FormatDate(fromDate);
        return SendAsync("GetDeletedWebcastMeetings", [("sFromDate", fromText)], (api, ct) => api.GetDeletedWebcastMeetings(fromText, ct),
            ModernGovResponseShape<IReadOnlyList<ModernGovMeetingSummary>>.Lenient(LenientParsers.Webcasts), cancellationToken);
    }

    /// <inheritdoc />
    public Task<ModernGovElectionResult> GetElectionResultsAsync(long electionId, CancellationToken cancellationToken = default)
    {
        var id = Id(electionId);
        return SendAsync("GetElectionResults", [("lElectionId", id)], (api, ct) => api.GetElectionResults(id, ct),
            ModernGovResponseShape<ModernGovElectionResult>.Streaming(["election", "electionresults"], ElectionParser.Parse, e => e.Id is null && e.Title is null && e.Candidates.Count == 0, $"No election {electionId} (the install answered with an empty election)"),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ModernGovCouncillor>> GetMemberGroupAsync(string? shortName = null, string? order = null, CancellationToken cancellationToken = default)
    {
        var name = shortName?.Trim() ?? string.Empty;
        var sort = order?.Trim() ?? string.Empty;
        return SendAsync("GetMemberGroup", [("sShortName", name), ("sOrder", sort)], (api, ct) => api.GetMemberGroup(name, sort, ct),
            ModernGovResponseShape<IReadOnlyList<ModernGovCouncillor>>.Streaming(["memberlist", "membergroup", "members", "councillorsbyward"], CouncillorParser.ParseMembers), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ModernGovMpOrMep>> GetMpsOrMepsAndWardsAsync(bool mps = true, CancellationToken cancellationToken = default)
    {
        var isMps = ModernGovText.FormatBool(mps);
        return SendAsync("GetMpOrMepsAndWards", [("bIsMPs", isMps)], (api, ct) => api.GetMpOrMepsAndWards(isMps, ct),
            ModernGovResponseShape<IReadOnlyList<ModernGovMpOrMep>>.Lenient(LenientParsers.MpsOrMeps), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ModernGovMpOrMep>> GetMpOrMepAndWardsByPostcodeAsync(string postcode, bool mps = true, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(postcode);
        var value = postcode.Trim();
        var isMps = ModernGovText.FormatBool(mps);
        return SendAsync("GetMpOrMepAndWardsByPostcode", [("sPostcode", value), ("bIsMPs", isMps)], (api, ct) => api.GetMpOrMepAndWardsByPostcode(value, isMps, ct),
            ModernGovResponseShape<IReadOnlyList<ModernGovMpOrMep>>.Lenient(LenientParsers.MpsOrMeps), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ModernGovParishCouncil>> GetParishCouncilsAsync(CancellationToken cancellationToken = default) =>
        SendAsync("GetParishCouncils", [], (api, ct) => api.GetParishCouncils(ct),
            ModernGovResponseShape<IReadOnlyList<ModernGovParishCouncil>>.Lenient(LenientParsers.ParishCouncils), cancellationToken);

    /// <inheritdoc />
    public Task<ModernGovDocument> GetAttachmentAsync(long attachmentId, CancellationToken cancellationToken = default)
    {
        var id = Id(attachmentId);
        return SendAsync("GetAttachment", [("lAttachmentId", id)], (api, ct) => api.GetAttachment(id, ct),
            ModernGovResponseShape<ModernGovDocument>.Streaming(["attachment", "attachmentdetails", "getattachment"], x => DocumentParser.ParseAttachment(x) ?? new ModernGovDocument(), d => d.AttachmentId is null && d.Title is null && d.Url is null, $"No attachment {attachmentId} (the install answered with an empty record)"),
            cancellationToken);
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private string Committee(long? committeeId) => Id(committeeId ?? _options.AllCommitteesValue);

    private static void ThrowIfReversed(DateOnly? fromDate, DateOnly? toDate)
    {
        if (fromDate is { } start && toDate is { } end && end < start)
        {
            throw new ArgumentException($"The end date {end:yyyy-MM-dd} is before the start date {start:yyyy-MM-dd}.", nameof(toDate));
        }
    }

    private async Task<T> SendAsync<T>(
        string operation,
        (string Name, string Value)[] query,
        Func<IModernGovApi, CancellationToken, Task<HttpResponseMessage>> call,
        ModernGovResponseShape<T> shape,
        CancellationToken cancellationToken)
    {
        var context = new ModernGovRequestContext(CouncilName, operation, RequestUri(operation, query));
        using var activity = ModernGovTelemetry.StartOperation(CouncilName, operation, context.RequestUri!);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var result = await SendCoreAsync(context, call, shape, cancellationToken).ConfigureAwait(false);
            ModernGovTelemetry.RecordSuccess(activity, CouncilName, operation, started);
            return result;
        }
        catch (Exception ex)
        {
            ModernGovTelemetry.RecordFailure(activity, CouncilName, operation, started, ex);
            if (ex is ModernGovException failure)
            {
                ModernGovLog.Failed(_logger, CouncilName, operation, ex.GetType().Name, (int?)failure.StatusCode, failure.RequestUri is { } uri ? ModernGovTelemetry.WithoutQuery(uri) : null, failure.BodyExcerpt);
            }

            throw;
        }
    }

    private async Task<T> SendCoreAsync<T>(
        ModernGovRequestContext context,
        Func<IModernGovApi, CancellationToken, Task<HttpResponseMessage>> call,
        ModernGovResponseShape<T> shape,
        CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await call(_api, linked.Token).ConfigureAwait(false);
            context = context with { RequestUri = response.RequestMessage?.RequestUri ?? context.RequestUri };
            return await ModernGovResponseReader.ReadAsync(response, context, _options.MaxResponseBytes, _limits, shape, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not ModernGovException && Translate(ex, context) is { } translated)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw translated;
        }
    }

    /// <summary>Maps a failure to send or read to a typed error; Refit wraps send failures, so the cause is unwrapped first.</summary>
    private ModernGovException? Translate(Exception exception, ModernGovRequestContext context)
    {
        var cause = exception is ApiRequestException { InnerException: { } inner } ? inner : exception;
        return cause switch
        {
            RedirectRefusedException refused => new ModernGovRedirectException(refused, context),
            TimeoutRejectedException timeout => new ModernGovTimeoutException(context, timeout.Timeout, timeout),
            // Our own deadline, or an HttpClient.Timeout shorter than it.
            OperationCanceledException canceled => new ModernGovTimeoutException(context, _options.Timeout, canceled),
            BrokenCircuitException broken => new ModernGovTransportException("The circuit breaker for this council is open after repeated failures; no request was sent", context, broken),
            HttpRequestException http => new ModernGovTransportException($"No complete response: {http.Message}", context, http),
            IOException io => new ModernGovTransportException($"The response was cut off: {io.Message}", context, io),
            ApiRequestException api => new ModernGovTransportException($"The request could not be made: {api.Message}", context, api),
            _ => null,
        };
    }

    private Uri RequestUri(string operation, (string Name, string Value)[] query)
    {
        var text = "mgWebService.asmx/" + operation;
        if (query.Length > 0)
        {
            text += "?" + string.Join('&', query.Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value)));
        }

        return new Uri(BaseUrl, text);
    }
}
