using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LocalGov.ServiceStandard.Assessments;

/// <summary>Reads GOV.UK's list from its URL (IHttpClientFactory, standard resilience) or a file, keeping it for the cache duration.</summary>
internal sealed partial class GovUkBankHolidaySource(IHttpClientFactory httpClientFactory, IOptions<GovUkBankHolidaysOptions> options, ILogger<GovUkBankHolidaySource> logger, TimeProvider? timeProvider = null) : IBankHolidaySource, IDisposable
{
    public const string HttpClientName = "LocalGov.ServiceStandard.BankHolidays";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private BankHolidayCalendar? _calendar;
    private DateTimeOffset _nextRead = DateTimeOffset.MinValue;

    public async Task<BankHolidayCalendar> GetCalendarAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _calendar) is { } current && _time.GetUtcNow() < _nextRead)
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_calendar is { } fresh && _time.GetUtcNow() < _nextRead)
            {
                return fresh;
            }

            var settings = options.Value;
            var kind = string.IsNullOrWhiteSpace(settings.FilePath) ? "url" : "file";
            using var activity = ServiceStandardTelemetry.Source.StartActivity("BankHolidays Read", kind == "url" ? ActivityKind.Client : ActivityKind.Internal);
            activity?.SetTag(ServiceStandardTelemetry.SourceKindTag, kind);
            if (kind == "url")
            {
                activity?.SetTag(ServiceStandardTelemetry.UrlTag, ServiceStandardTelemetry.Redact(settings.Url));
            }

            var started = Stopwatch.GetTimestamp();
            try
            {
                var calendar = await ReadAsync(settings, cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _calendar, calendar);
                _nextRead = _time.GetUtcNow() + settings.CacheDuration;
                LogLoaded(logger, calendar.Source, calendar.Differences.Count);
                Record(activity, kind, "success", started);
                activity?.SetTag(ServiceStandardTelemetry.DifferencesTag, calendar.Differences.Count);
                ServiceStandardTelemetry.BankHolidayDifferences.Add(calendar.Differences.Count, new TagList { { ServiceStandardTelemetry.SourceKindTag, kind } });
                return calendar;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidDocumentException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                var fallback = _calendar ?? BankHolidayCalendar.Snapshot;
                _calendar = fallback;
                _nextRead = _time.GetUtcNow() + settings.RetryAfterFailure;
                LogFallback(logger, kind == "url" ? ServiceStandardTelemetry.Redact(settings.Url) : "the configured file", ex.GetType().Name, fallback.Source, ex);
                Record(activity, kind, ex.GetType().Name, started);
                if (activity is not null)
                {
                    activity.SetTag(ServiceStandardTelemetry.ErrorTypeTag, ex.GetType().Name);
                    activity.SetTag("localgov.fallback", fallback.Source == "snapshot" ? "snapshot" : "last good list");
                    activity.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
                }

                return fallback;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private static void Record(Activity? activity, string kind, string outcome, long started)
    {
        var tags = new TagList { { ServiceStandardTelemetry.SourceKindTag, kind }, { ServiceStandardTelemetry.OutcomeTag, outcome } };
        ServiceStandardTelemetry.BankHolidayReads.Add(1, tags);
        ServiceStandardTelemetry.BankHolidayReadDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        activity?.SetTag(ServiceStandardTelemetry.OutcomeTag, outcome);
    }

    private async Task<BankHolidayCalendar> ReadAsync(GovUkBankHolidaysOptions settings, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(settings.FilePath))
        {
            var bytes = await File.ReadAllBytesAsync(settings.FilePath, cancellationToken).ConfigureAwait(false);
            return BankHolidayCalendar.Parse(bytes, settings.FilePath, logger);
        }

        using var http = httpClientFactory.CreateClient(HttpClientName);
        using var response = await http.GetAsync(settings.Url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{settings.Url} answered HTTP {(int)response.StatusCode}.", null, response.StatusCode);
        }

        if (response.Content.Headers.ContentLength > settings.MaxResponseBytes)
        {
            throw new InvalidDocumentException(settings.Url.ToString(), null, $"the response declares more than {settings.MaxResponseBytes} bytes");
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > settings.MaxResponseBytes)
                {
                    throw new InvalidDocumentException(settings.Url.ToString(), null, $"the response is longer than {settings.MaxResponseBytes} bytes");
                }

                buffer.Write(chunk, 0, read);
            }

            return BankHolidayCalendar.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), ServiceStandardTelemetry.Redact(settings.Url), logger);
        }
    }

    [LoggerMessage(EventId = 1903, EventName = "BankHolidaysLoaded", Level = LogLevel.Information, Message = "Bank holidays read from {Source} ({Differences} differences from the rules)")]
    private static partial void LogLoaded(ILogger logger, string source, int differences);

    [LoggerMessage(EventId = 1904, EventName = "BankHolidaysFallback", Level = LogLevel.Warning, Message = "Bank holidays could not be read from {Source} ({ErrorType}); using {Fallback}")]
    private static partial void LogFallback(ILogger logger, string source, string errorType, string fallback, Exception exception);
}
