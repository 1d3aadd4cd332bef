using System.Diagnostics;
using CsCheck;
using LocalGov.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LocalGov.ModernGov.Tests.Robustness;

/// <summary>Values a server sends that are out of any sensible range: a Retry-After decades away must not become a crash or a wait past the timeout.</summary>
public sealed class RemoteValueTests
{
    [Fact]
    public async Task A_retry_after_far_in_the_future_ends_within_the_timeout_as_a_typed_error()
    {
        var values = Gen.OneOf(
            Gen.Int[2030, 9999].Select(year => new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero).ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
            Gen.Long[100_000, long.MaxValue / 2].Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var retryAfter = "";
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 503;
            context.Response.Headers.RetryAfter = retryAfter;
            return Task.CompletedTask;
        }, TestContext.Current.CancellationToken);
        var services = new ServiceCollection();
        services.AddModernGov("Loopback", o =>
        {
            o.BaseUrl = server.BaseAddress;
            o.Timeout = TimeSpan.FromSeconds(3);
            o.MaxRetryAttempts = 2;
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IModernGovClientFactory>().GetClient("Loopback");

        foreach (var value in values.Array[4].Single())
        {
            retryAfter = value;
            var clock = Stopwatch.StartNew();

            var error = await Assert.ThrowsAnyAsync<ModernGovException>(() => client.GetCommitteesAsync(TestContext.Current.CancellationToken));

            Assert.True(error is ModernGovHttpException or ModernGovTimeoutException, $"{value}: {error.GetType().Name}: {error.Message}");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{value} took {clock.Elapsed}");
        }
    }
}
