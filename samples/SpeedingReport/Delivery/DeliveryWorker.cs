using Microsoft.Extensions.Options;

namespace SpeedingReport.Delivery;

/// <summary>The hosted worker: runs the <see cref="DeliveryProcessor"/> whenever a report is stored, and every poll interval for retries.</summary>
public sealed partial class DeliveryWorker(DeliveryProcessor processor, DeliverySignal signal, TimeProvider time, IOptions<DeliveryOptions> options, ILogger<DeliveryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await processor.RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be away for a moment; what was claimed comes back when its lease lapses.
                LogRunFailed(logger, ex);
            }

            // A full batch means more may be waiting: go again at once.
            if (claimed < settings.BatchSize)
            {
                try
                {
                    await signal.WaitAsync(settings.PollInterval, time, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A delivery run failed; trying again at the next poll")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}
