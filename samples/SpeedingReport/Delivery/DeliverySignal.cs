namespace SpeedingReport.Delivery;

/// <summary>Wakes the delivery worker when a report is stored, so messages go at once rather than at the next poll.</summary>
public sealed class DeliverySignal : IDisposable
{
    private readonly SemaphoreSlim _pulse = new(0, 1);

    public void Dispose() => _pulse.Dispose();

    public void Notify()
    {
        // One pending wake-up is enough: the worker claims everything due when it runs.
        if (_pulse.CurrentCount == 0)
        {
            try
            {
                _pulse.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another submit released it first.
            }
        }
    }

    /// <summary>Waits for a submit or the timeout; true when woken by a submit.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        return WaitCoreAsync(timeout, time, cancellationToken);
    }

    private async Task<bool> WaitCoreAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, time, cts.Token);
        var pulse = _pulse.WaitAsync(cts.Token);
        var first = await Task.WhenAny(delay, pulse);
        await cts.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        // Observe the loser so its cancellation is not unobserved.
        try
        {
            await Task.WhenAll(delay, pulse);
        }
        catch (OperationCanceledException)
        {
        }

        return first == pulse && pulse.IsCompletedSuccessfully;
    }
}
