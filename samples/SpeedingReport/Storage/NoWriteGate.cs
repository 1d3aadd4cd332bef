namespace SpeedingReport.Storage;

/// <summary>The write gate of a store whose writers may run together (PostgreSQL): holding it costs nothing.</summary>
internal sealed class NoWriteGate : IDisposable
{
    public static readonly NoWriteGate Instance = new();

    private NoWriteGate()
    {
    }

    public void Dispose()
    {
    }
}
