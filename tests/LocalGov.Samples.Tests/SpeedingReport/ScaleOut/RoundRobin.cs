using System.Net;

namespace LocalGov.Samples.Tests.SpeedingReport.ScaleOut;

/// <summary>
/// Sends each request to the next instance in turn, as a load balancer without sticky sessions does. The cookie jar
/// sits below it, so a cookie set by one instance goes with the next request to the other (cookies ignore the port).
/// </summary>
internal sealed class RoundRobin(IReadOnlyList<Uri> instances, int first) : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
{
    private int _next = first;

    /// <summary>How many requests each instance was sent.</summary>
    public int[] Sent { get; } = new int[instances.Count];

    public static JourneyClient Journey(IReadOnlyList<Uri> instances, int first) =>
        new(new HttpClient(new RoundRobin(instances, first)) { BaseAddress = instances[0], Timeout = TimeSpan.FromSeconds(30) });

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var index = (Interlocked.Increment(ref _next) - 1) % instances.Count;
        var target = instances[index];
        request.RequestUri = new UriBuilder(request.RequestUri!) { Host = target.Host, Port = target.Port }.Uri;
        Interlocked.Increment(ref Sent[index]);
        return base.SendAsync(request, cancellationToken);
    }
}
