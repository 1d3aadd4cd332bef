using SpeedingReport.Storage;

namespace LocalGov.Samples.Tests.SpeedingReport;

/// <summary>SQLite writers queue in the app (asynchronously) rather than sleeping in Microsoft.Data.Sqlite's busy retries; PostgreSQL writers do not queue.</summary>
public sealed class WriteGateTests
{
    [Fact]
    public async Task On_sqlite_a_second_writer_waits_until_the_first_is_done()
    {
        using var factory = new ReportsDbContextFactory<SqliteReportsDbContext>(null!, "sqlite");
        var first = await factory.EnterWriteAsync(TestContext.Current.CancellationToken);

        var second = factory.EnterWriteAsync(TestContext.Current.CancellationToken).AsTask();
        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.False(second.IsCompleted);

        first.Dispose();
        first.Dispose(); // a second dispose must not let a third writer in alongside the second
        using var held = await second.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var third = factory.EnterWriteAsync(TestContext.Current.CancellationToken).AsTask();
        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.False(third.IsCompleted);
    }

    [Fact]
    public async Task On_postgres_writers_do_not_wait_for_each_other()
    {
        using var factory = new ReportsDbContextFactory<PostgresReportsDbContext>(null!, "postgres");

        using var first = await factory.EnterWriteAsync(TestContext.Current.CancellationToken);
        var second = factory.EnterWriteAsync(TestContext.Current.CancellationToken);

        Assert.True(second.IsCompleted);
        (await second).Dispose();
    }

    [Fact]
    public async Task A_cancelled_wait_gives_up_without_taking_the_gate()
    {
        using var factory = new ReportsDbContextFactory<SqliteReportsDbContext>(null!, "sqlite");
        using var first = await factory.EnterWriteAsync(TestContext.Current.CancellationToken);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => factory.EnterWriteAsync(cancel.Token).AsTask());
    }
}
