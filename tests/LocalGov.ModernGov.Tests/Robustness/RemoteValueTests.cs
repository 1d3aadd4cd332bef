using System.Diagnostics;
using CsCheck;
using LocalGov.Testing;
using Microsoft.AspNetCore.Http;
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

        // Fixed cases first (each once broke the timer: a wait past its ~49-day maximum), then generated ones.
        string[] known = ["Thu, 01 Jan 2099 00:00:00 GMT", "4000000", "Fri, 31 Dec 9999 23:59:59 GMT"];
        foreach (var value in known.Concat(values.Array[4].Single()))
        {
            retryAfter = value;
            var clock = Stopwatch.StartNew();

            var error = await Assert.ThrowsAnyAsync<ModernGovException>(() => client.GetCommitteesAsync(TestContext.Current.CancellationToken));

            Assert.True(error is ModernGovHttpException or ModernGovTimeoutException, $"{value}: {error.GetType().Name}: {error.Message}");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{value} took {clock.Elapsed}");
        }
    }

    [Fact]
    public async Task A_retry_after_within_the_timeout_is_waited_for_and_the_retry_succeeds()
    {
        var requests = 0;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            if (Interlocked.Increment(ref requests) == 1)
            {
                context.Response.StatusCode = 503;
                context.Response.Headers.RetryAfter = "1";
                return Task.CompletedTask;
            }

            context.Response.ContentType = "text/xml";
            return context.Response.WriteAsync("<committees><committee><committeeid>1</committeeid><committeetitle>Audit</committeetitle></committee></committees>", context.RequestAborted);
        }, TestContext.Current.CancellationToken);
        var services = new ServiceCollection();
        services.AddModernGov("Loopback", o =>
        {
            o.BaseUrl = server.BaseAddress;
            o.Timeout = TimeSpan.FromSeconds(20);
            o.RetryDelay = TimeSpan.Zero;
            o.MaxRetryAttempts = 2;
        });
        await using var provider = services.BuildServiceProvider();
        var clock = Stopwatch.StartNew();

        var committees = await provider.GetRequiredService<IModernGovClientFactory>().GetClient("Loopback").GetCommitteesAsync(TestContext.Current.CancellationToken);

        Assert.Equal("Audit", Assert.Single(committees).Title);
        Assert.Equal(2, requests);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"the Retry-After of 1 s was not waited for ({clock.Elapsed})");
    }
}
