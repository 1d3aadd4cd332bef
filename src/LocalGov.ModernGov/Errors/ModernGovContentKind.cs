namespace LocalGov.ModernGov;

/// <summary>What a body that is not Modern.Gov XML turned out to be.</summary>
public enum ModernGovContentKind
{
    /// <summary>Nothing recognisable.</summary>
    Unknown = 0,

    /// <summary>An empty body.</summary>
    Empty,

    /// <summary>An HTML page (often a login, error or "page not found" page served with HTTP 200).</summary>
    HtmlPage,

    /// <summary>A script that sends the browser elsewhere, typically from <c>http://</c> to <c>https://</c>.</summary>
    JavaScriptRedirect,

    /// <summary>A firewall or bot-wall challenge (Cloudflare, Incapsula, Akamai, CloudFront).</summary>
    FirewallChallenge,

    /// <summary>A SharePoint error page: the host now runs another site.</summary>
    SharePointError,

    /// <summary>Well-formed XML whose root element is not the one this operation returns (a SOAP fault, another service).</summary>
    UnexpectedXml,

    /// <summary>Plain text, such as an ASP.NET error message.</summary>
    PlainText,
}
