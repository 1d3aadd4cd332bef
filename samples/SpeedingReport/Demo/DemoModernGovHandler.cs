using System.Net;
using System.Text;
using SpeedingReport.Configuration;

namespace SpeedingReport.Demo;

/// <summary>
/// DEMO DATA: answers Modern.Gov's <c>mgWebService.asmx/GetParishCouncils</c> in-process from an XML file, so the
/// real <c>ModernGovClient</c> is used offline. Remove <c>SpeedingReport:DemoModernGovParishCouncils</c> and set
/// <c>ModernGov:BaseUrl</c> to use the council's own Modern.Gov.
/// </summary>
public sealed class DemoModernGovHandler : HttpMessageHandler
{
    private readonly string _xml;

    public DemoModernGovHandler(string path)
    {
        if (!File.Exists(path))
        {
            throw new SpeedingReportConfigurationException("SpeedingReport:DemoModernGovParishCouncils", $"the file '{path}' does not exist.");
        }

        _xml = File.ReadAllText(path);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = request.RequestUri!.AbsolutePath.EndsWith("/mgWebService.asmx/GetParishCouncils", StringComparison.OrdinalIgnoreCase);
        return Task.FromResult(new HttpResponseMessage(found ? HttpStatusCode.OK : HttpStatusCode.NotFound)
        {
            RequestMessage = request,
            Content = new StringContent(found ? _xml : "Not found", Encoding.UTF8, found ? "text/xml" : "text/plain"),
        });
    }
}
