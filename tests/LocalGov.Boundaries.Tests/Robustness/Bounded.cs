using System.Diagnostics;

namespace LocalGov.Boundaries.Tests.Robustness;

/// <summary>Runs a load that must fail, and checks it failed with the typed error, in bounded time and allocation.</summary>
internal static class Bounded
{
    public static BoundaryFileException Fails(Action load, TimeSpan time, long maxAllocatedBytes) => Fails<BoundaryFileException>(load, time, maxAllocatedBytes);

    public static TException Fails<TException>(Action load, TimeSpan time, long maxAllocatedBytes)
        where TException : Exception
    {
        // This thread's allocations, so tests running in parallel do not count; the load runs synchronously on it.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var error = Assert.ThrowsAny<TException>(load);
        watch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(watch.Elapsed < time, $"took {watch.Elapsed}, more than {time}: {error.Message}");
        Assert.True(allocated < maxAllocatedBytes, $"allocated {allocated:N0} bytes, more than {maxAllocatedBytes:N0}: {error.Message}");
        Assert.DoesNotContain("(Parameter '", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception:", error.Message, StringComparison.Ordinal);
        return error;
    }

    public static string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lg-robust-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
