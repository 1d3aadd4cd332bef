using LocalGov.Testing;
using Microsoft.AspNetCore.Http;

namespace LocalGov.ModernGov.Tests.Operations;

/// <summary>Bodies and answers for a loopback council that can be switched from answering to failing.</summary>
internal static class Council
{
    public const string Parishes = """
        <parishcouncils>
          <parishcouncil>
            <parishcouncilid>12</parishcouncilid>
            <parishcounciltitle>Ashcombe Parish Council</parishcounciltitle>
            <clerkemail>clerk@ashcombe.example.org</clerkemail>
          </parishcouncil>
        </parishcouncils>
        """;

    public const string Committees = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<committees>\n  <committee>\n    <committeeid>1</committeeid>\n    <committeetitle>Audit</committeetitle>\n  </committee>\n</committees>";

    /// <summary>A server that answers <paramref name="body"/> while <paramref name="up"/> says so, else 503 with an HTML page.</summary>
    public static Task<LoopbackServer> StartSwitchableAsync(string body, Func<bool> up) =>
        LoopbackServer.StartAsync(context => up() ? Write(context, 200, body) : Write(context, 503, "<html><body>Service Unavailable</body></html>", "text/html"), TestContext.Current.CancellationToken);

    public static Task Write(HttpContext context, int status, string body, string type = "text/xml; charset=utf-8")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = type;
        return context.Response.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>A council name no other test uses, so static telemetry can be filtered to one test.</summary>
    public static string UniqueName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];
}
