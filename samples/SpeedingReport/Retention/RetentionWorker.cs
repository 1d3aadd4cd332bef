using Microsoft.Extensions.Options;

namespace SpeedingReport.Retention;

/// <summary>Runs the <see cref="RetentionService"/> at start and then every <see cref="RetentionOptions.Interval"/>.</summary>
internal sealed partial class RetentionWorker(RetentionService service, TimeProvider time, IOptions<RetentionOptions> options, ILogger<RetentionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await service.RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Nothing is half done (each batch is one transaction): the next run picks up what is still due.
                LogRunFailed(logger, ex);
            }

            try
            {
                await Task.Delay(options.Value.Interval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A retention run failed; trying again at the next interval")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}
