using System.Net;
using System.Text;

namespace LocalGov.ModernGov.Tests.Support;

/// <summary>Answers every request with a fixed response and records the requests: parser and request tests without a network.</summary>
internal sealed class StubHandler(HttpStatusCode status, string body, string mediaType = "text/xml") : HttpMessageHandler
{
    public List<Uri> Requests { get; } = [];

    public long? ContentLengthOverride { get; init; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request.RequestUri!);
        var content = new StringContent(body, Encoding.UTF8, mediaType);
        if (ContentLengthOverride is { } length)
        {
            content.Headers.ContentLength = length;
        }

        return Task.FromResult(new HttpResponseMessage(status) { Content = content, RequestMessage = request });
    }

    public static (ModernGovClient Client, StubHandler Handler) Client(string body, HttpStatusCode status = HttpStatusCode.OK, string mediaType = "text/xml", Action<ModernGovCouncilOptions>? configure = null)
    {
        var handler = new StubHandler(status, body, mediaType);
        var options = new ModernGovCouncilOptions { BaseUrl = new Uri("https://democracy.example.gov.uk/") };
        configure?.Invoke(options);
#pragma warning disable CA2000 // The HttpClient lives as long as the test's client.
        return (new ModernGovClient(new HttpClient(handler), options, "Example"), handler);
#pragma warning restore CA2000
    }
}
