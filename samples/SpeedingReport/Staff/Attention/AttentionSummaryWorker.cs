using Microsoft.Extensions.Options;

namespace SpeedingReport.Staff.Attention;

/// <summary>Runs the <see cref="AttentionSummaryService"/> at the start of each period (and to retry a failed send), on every instance.</summary>
internal sealed partial class AttentionSummaryWorker(AttentionSummaryService service, TimeProvider time, IOptions<AttentionOptions> options, ILogger<AttentionSummaryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            DateTimeOffset next;
            try
            {
                next = (await service.RunOnceAsync(stoppingToken)).NextRunAt;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be away for a moment: the period is still unsent, so try again soon.
                LogRunFailed(logger, ex);
                next = time.GetUtcNow() + options.Value.RetryAfter;
            }

            var wait = next - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, time, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The summary of deliveries that need attention could not be made; trying again later")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}
