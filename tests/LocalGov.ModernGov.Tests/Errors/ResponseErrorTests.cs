using System.Net;
using LocalGov.ModernGov.Tests.Support;

namespace LocalGov.ModernGov.Tests.Errors;

public sealed class ResponseErrorTests
{
    private const string JavaScriptRedirect = """
        <!-- beginning of HttpRedirect.htm file -->
        <script type="text/javascript">
        function redirectToHttps() { window.location = "https://" + window.location.hostname + window.location.pathname; }
        redirectToHttps();
        </script>
        """;

    public static TheoryData<string, ModernGovContentKind> NotModernGov => new()
    {
        { JavaScriptRedirect, ModernGovContentKind.JavaScriptRedirect },
        { "<!DOCTYPE html><html><head><title>Page not found</title></head><body>Sorry</body></html>", ModernGovContentKind.HtmlPage },
        { "<html><head><META NAME=\"robots\" CONTENT=\"noindex,nofollow\"><script src=\"/_Incapsula_Resource?SWJIYLWA=5074a744\"></script></head></html>", ModernGovContentKind.FirewallChallenge },
        { "<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>challenge-platform</body></html>", ModernGovContentKind.FirewallChallenge },
        { "<html><head><title>Error</title></head><body>Sorry, something went wrong. Correlation ID: 1234 SharePoint</body></html>", ModernGovContentKind.SharePointError },
        { "", ModernGovContentKind.Empty },
        { "Service Unavailable", ModernGovContentKind.PlainText },
    };

    [Theory]
    [MemberData(nameof(NotModernGov))]
    public async Task Bodies_served_with_200_that_are_not_modern_gov_xml_are_typed(string body, ModernGovContentKind kind)
    {
        var (client, _) = StubHandler.Client(body, mediaType: "text/html");

        var error = await Assert.ThrowsAnyAsync<ModernGovUnexpectedContentException>(() => client.GetCouncillorsByWardAsync(TestContext.Current.CancellationToken));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal("Example", error.Council);
        Assert.Equal("GetCouncillorsByWard", error.Operation);
        Assert.Equal(new Uri("https://democracy.example.gov.uk/mgWebService.asmx/GetCouncillorsByWard"), error.RequestUri);
        if (kind == ModernGovContentKind.FirewallChallenge)
        {
            Assert.IsType<ModernGovBlockedException>(error);
        }
    }

    [Fact]
    public async Task Xml_with_another_root_is_unexpected_xml()
    {
        var (client, _) = StubHandler.Client("<committees><committee/></committees>");

        var error = await Assert.ThrowsAsync<ModernGovUnexpectedContentException>(() => client.GetCouncillorsByWardAsync(TestContext.Current.CancellationToken));

        Assert.Equal(ModernGovContentKind.UnexpectedXml, error.Kind);
        Assert.Contains("<committees>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_method_is_method_not_available()
    {
        var (client, _) = StubHandler.Client("System.InvalidOperationException: Web Service method name is not valid.\r\n   at System.Web.Services.Protocols.HttpServerProtocol.Initialize()", HttpStatusCode.InternalServerError, "text/plain");

        var error = await Assert.ThrowsAsync<ModernGovMethodNotAvailableException>(() => client.GetParishCouncilsAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Contains("method name is not valid", error.BodyExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_parameter_is_named()
    {
        var (client, _) = StubHandler.Client("System.InvalidOperationException: Missing parameter: sAllOrNone.\r\n   at System.Web.Services.Protocols.ValueCollectionParameterReader.Read()", HttpStatusCode.InternalServerError, "text/plain");

        var error = await Assert.ThrowsAsync<ModernGovMissingParameterException>(() => client.GetAllMeetingsByDateAsync(null, null, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("sAllOrNone", error.ParameterName);
    }

    [Fact]
    public async Task Xml_that_quotes_an_error_text_is_still_data()
    {
        var (client, _) = StubHandler.Client("<committees><committee><committeeid>1</committeeid><committeetitle>Missing parameter: lessons learnt panel</committeetitle></committee></committees>");

        var committee = Assert.Single(await client.GetCommitteesAsync(TestContext.Current.CancellationToken));

        Assert.Equal("Missing parameter: lessons learnt panel", committee.Title);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Other_error_statuses_keep_status_and_excerpt(HttpStatusCode status)
    {
        var (client, _) = StubHandler.Client("<html><body>Down for maintenance</body></html>", status, "text/html");

        var error = await Assert.ThrowsAsync<ModernGovHttpException>(() => client.GetCommitteesAsync(TestContext.Current.CancellationToken));

        Assert.Equal(status, error.StatusCode);
        Assert.Contains("Down for maintenance", error.BodyExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_404_points_at_the_base_url()
    {
        var (client, _) = StubHandler.Client("<html><body>The resource cannot be found.</body></html>", HttpStatusCode.NotFound, "text/html");

        var error = await Assert.ThrowsAsync<ModernGovHttpException>(() => client.GetCommitteesAsync(TestContext.Current.CancellationToken));

        Assert.Contains("check the base URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_403_firewall_page_is_blocked()
    {
        var (client, _) = StubHandler.Client("<html><head><title>Access Denied</title></head><body>Reference&#32;&#35;18.abc</body></html>", HttpStatusCode.Forbidden, "text/html");

        var error = await Assert.ThrowsAsync<ModernGovBlockedException>(() => client.GetCommitteesAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Theory]
    [InlineData("<committees><committee><committeeid>1</committeeid></committees>")]
    [InlineData("<?xml version=\"1.0\"?>\n<committees><committee><committeeid>1</commit")]
    public async Task Malformed_xml_says_where(string body)
    {
        var (client, _) = StubHandler.Client(body);

        var error = await Assert.ThrowsAsync<ModernGovMalformedXmlException>(() => client.GetCommitteesAsync(TestContext.Current.CancellationToken));

        Assert.True(error.LineNumber >= 1);
        Assert.IsType<System.Xml.XmlException>(error.InnerException);
    }

    [Fact]
    public async Task A_declared_length_over_the_cap_is_refused_before_reading()
    {
        var handler = new StubHandler(HttpStatusCode.OK, "<committees/>") { ContentLengthOverride = 10_000_000 };
        using var http = new HttpClient(handler);
        var client = new ModernGovClient(http, new ModernGovCouncilOptions { BaseUrl = new Uri("https://democracy.example.gov.uk/"), MaxResponseBytes = 1024 * 1024 });

        var error = await Assert.ThrowsAsync<ModernGovResponseTooLargeException>(() => client.GetCommitteesAsync(TestContext.Current.CancellationToken));

        Assert.Equal(1024 * 1024, error.LimitBytes);
    }

    [Fact]
    public void Errors_share_one_root()
    {
        Type[] types =
        [
            typeof(ModernGovTransportException), typeof(ModernGovTimeoutException), typeof(ModernGovHttpException), typeof(ModernGovUnexpectedContentException),
            typeof(ModernGovBlockedException), typeof(ModernGovMethodNotAvailableException), typeof(ModernGovMissingParameterException),
            typeof(ModernGovMalformedXmlException), typeof(ModernGovResponseTooLargeException), typeof(ModernGovNotFoundException), typeof(ModernGovRegistryException),
        ];

        Assert.All(types, t => Assert.True(t.IsAssignableTo(typeof(ModernGovException)), t.Name));
        Assert.True(typeof(ModernGovTimeoutException).IsAssignableTo(typeof(ModernGovTransportException)));
    }
}
