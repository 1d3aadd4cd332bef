using System.Runtime.CompilerServices;

namespace LocalGov.Postcodes.Internal;

/// <summary>
/// Streams any number of inputs through a chunked remote call: chunks are sent with bounded concurrency and their
/// results yielded in input order, so memory holds at most <c>maxInFlight</c> chunks whatever the input size.
/// A chunk's results are yielded only after its response was read in full.
/// </summary>
internal static class BulkStreamer
{
    public static async IAsyncEnumerable<TOut> StreamAsync<TIn, TOut>(
        IAsyncEnumerable<TIn> source,
        int chunkSize,
        int maxInFlight,
        Func<IReadOnlyList<TIn>, CancellationToken, Task<IReadOnlyList<TOut>>> processChunk,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inFlight = new Queue<Task<IReadOnlyList<TOut>>>(maxInFlight);
        var enumerator = source.GetAsyncEnumerator(stop.Token);
        try
        {
            var more = true;
            while (true)
            {
                while (more && inFlight.Count < maxInFlight)
                {
                    var chunk = new List<TIn>(chunkSize);
                    while (chunk.Count < chunkSize && (more = await enumerator.MoveNextAsync().ConfigureAwait(false)))
                    {
                        chunk.Add(enumerator.Current);
                    }

                    if (chunk.Count > 0)
                    {
                        inFlight.Enqueue(processChunk(chunk, stop.Token));
                    }
                }

                if (inFlight.Count == 0)
                {
                    yield break;
                }

                var results = await inFlight.Dequeue().ConfigureAwait(false);
                foreach (var item in results)
                {
                    yield return item;
                }
            }
        }
        finally
        {
            // Abandoned (consumer stopped, failed or cancelled): stop the requests still running and observe them.
            await stop.CancelAsync().ConfigureAwait(false);
            await ((Task)Task.WhenAll(inFlight)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }

    public static async IAsyncEnumerable<T> ToAsync<T>(IEnumerable<T> source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var item in source)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
