using LocalGov.Postcodes.Internal;
using LocalGov.Postcodes.PostcodesIo;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds a health check of postcodes.io.</summary>
public static class PostcodesHealthCheckBuilderExtensions
{
    /// <summary>
    /// Adds a check that asks the registered <see cref="PostcodesIoClient"/>'s service whether it is ready (<c>GET /ready</c>).
    /// Register the client with <c>AddPostcodesIoClient</c> first.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name; defaults to <c>postcodes-io</c>.</param>
    /// <param name="failureStatus">What a failure reports; defaults to <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">Tags to filter checks by (e.g. <c>ready</c>).</param>
    /// <param name="timeout">How long the service may take; defaults to 5 seconds.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddPostcodesIoHealthCheck(this IHealthChecksBuilder builder, string? name = null, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var limit = timeout ?? TimeSpan.FromSeconds(5);
        return builder.Add(new HealthCheckRegistration(
            name ?? "postcodes-io",
            sp => new PostcodesIoHealthCheck(sp.GetRequiredService<PostcodesIoClient>(), limit, sp.GetService<Microsoft.Extensions.Logging.ILoggerFactory>()?.CreateLogger("LocalGov.Postcodes")),
            failureStatus ?? HealthStatus.Unhealthy,
            tags));
    }
}
