using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using SpeedingReport.Delivery;

namespace LocalGov.Samples.Tests.SpeedingReport;

/// <summary>
/// The demo's "email" channel, except that the first send to <see cref="Address"/> fails permanently (as Notify refuses
/// a bad address), so staff have a failed delivery to re-send; the re-send goes to the demo outbox as usual.
/// </summary>
internal sealed class FailOnceEmailChannel(DemoOutboxChannel inner) : IDeliveryChannel
{
    /// <summary>The resident address whose first confirmation fails.</summary>
    public const string Address = "fail-once@example.com";

    public const string Reason = "The recipient's mail server refused the message (a test's stand-in failure).";

    private readonly ConcurrentDictionary<Guid, bool> _failed = new();

    public string Name => "email";

    /// <summary>Registered after the app's services, so it replaces the demo outbox channel (the last channel of a name wins).</summary>
    public static void Register(IServiceCollection services) =>
        services.AddSingleton<IDeliveryChannel>(sp => new FailOnceEmailChannel(ActivatorUtilities.CreateInstance<DemoOutboxChannel>(sp)));

    public Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.RecipientAddress == Address && _failed.TryAdd(request.DeliveryId, true)
            ? Task.FromResult(DeliveryOutcome.Permanent(Reason))
            : inner.DeliverAsync(request, cancellationToken);
    }
}
