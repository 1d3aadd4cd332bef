using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LocalGov.Samples.Tests.SpeedingReport;

/// <summary>
/// Out of the demo, with the council's OpenID Connect settings. The provider's discovery document is served in-process;
/// a test scheme stands in for the principal OIDC's sign-in would produce (header <see cref="OidcStandInHandler.Header"/>).
/// </summary>
public sealed class StaffOidcFactory : SpeedingReportFactory
{
    public const string Authority = "https://login.example.test/tenant-id/v2.0";

    public const string ClientId = "11111111-2222-3333-4444-555555555555";

    public StaffOidcFactory()
        : base(Settings())
    {
    }

    internal static Dictionary<string, string?> Settings() => new()
    {
        ["SpeedingReport:DemoPostcodes"] = "",
        ["SpeedingReport:DemoModernGovParishCouncils"] = "",
        ["PostcodesIo:BaseAddress"] = "http://127.0.0.1:9/",
        ["SpeedingReport:Notify:ApiKey"] = Notify.NotifyStandIn.ApiKey,
        ["SpeedingReport:Notify:ReportTemplateId"] = Guid.NewGuid().ToString(),
        ["SpeedingReport:Notify:ConfirmationTemplateId"] = Guid.NewGuid().ToString(),
        ["SpeedingReport:Delivery:WorkerEnabled"] = "false",
        ["SpeedingReport:Staff:OpenIdConnect:Authority"] = Authority,
        ["SpeedingReport:Staff:OpenIdConnect:ClientId"] = ClientId,
        ["SpeedingReport:Staff:OpenIdConnect:ClientSecret"] = "client-secret-from-the-app-registration",
        ["SpeedingReport:Staff:RequiredClaimType"] = "groups",
        ["SpeedingReport:Staff:RequiredClaimValue"] = "aaaaaaaa-0000-0000-0000-000000000001",

        // As appsettings.json has it: the demo account's settings are present but must do nothing outside the demo.
        ["SpeedingReport:Staff:DemoSignIn:UserName"] = StaffFactory.UserName,
        ["SpeedingReport:Staff:DemoSignIn:Password"] = StaffFactory.Password,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o => o.BackchannelHttpHandler = new DiscoveryHandler());
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, OidcStandInHandler>(OidcStandInHandler.SchemeName, _ => { });
            services.PostConfigure<AuthenticationOptions>(o => o.DefaultAuthenticateScheme = OidcStandInHandler.SchemeName);
        });
    }

    /// <summary>The provider's metadata, as Entra ID publishes it at {authority}/.well-known/openid-configuration.</summary>
    private sealed class DiscoveryHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            var json = path.EndsWith("/.well-known/openid-configuration", StringComparison.Ordinal)
                ? """
                  {"issuer":"https://login.example.test/tenant-id/v2.0",
                   "authorization_endpoint":"https://login.example.test/tenant-id/oauth2/v2.0/authorize",
                   "token_endpoint":"https://login.example.test/tenant-id/oauth2/v2.0/token",
                   "end_session_endpoint":"https://login.example.test/tenant-id/oauth2/v2.0/logout",
                   "jwks_uri":"https://login.example.test/tenant-id/discovery/v2.0/keys",
                   "response_types_supported":["code"],"subject_types_supported":["pairwise"],"id_token_signing_alg_values_supported":["RS256"]}
                  """
                : path.EndsWith("/keys", StringComparison.Ordinal) ? """{"keys":[]}""" : null;
            return Task.FromResult(json is null
                ? new HttpResponseMessage(HttpStatusCode.NotFound)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") });
        }
    }
}

/// <summary>The principal an OIDC sign-in would have put in the cookie: claims from the header, as "type=value;type=value".</summary>
public sealed class OidcStandInHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "OidcStandIn";

    public const string Header = "X-Test-Claims";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var value))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var claims = value.ToString().Split(';').Select(p => p.Split('=', 2)).Select(p => new Claim(p[0], p[1]));
        var identity = new ClaimsIdentity(claims, "oidc", "name", "roles");
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}

public sealed class StaffOidcTests(StaffOidcFactory factory) : IClassFixture<StaffOidcFactory>
{
    private const string Staff = "name=Sam Staff;preferred_username=sam.staff@council.example;groups=aaaaaaaa-0000-0000-0000-000000000001";

    [Fact]
    public async Task Anonymous_staff_are_sent_through_sign_in_to_the_providers_authorize_endpoint()
    {
        using var journey = factory.CreateJourney();
        var toSignIn = await journey.GetAsync("/staff/reports.csv");
        Assert.StartsWith("http://localhost/staff/sign-in?ReturnUrl=", toSignIn.Location, StringComparison.Ordinal);

        var challenge = await journey.GetAsync(new Uri(toSignIn.Location!).PathAndQuery);

        Assert.Equal(HttpStatusCode.Redirect, challenge.Status);
        var authorize = new Uri(challenge.Location!);
        Assert.Equal("https://login.example.test/tenant-id/oauth2/v2.0/authorize", authorize.GetLeftPart(UriPartial.Path));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal(StaffOidcFactory.ClientId, query["client_id"]);
        Assert.Equal("http://localhost/signin-oidc", query["redirect_uri"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Contains("openid", query["scope"].ToString().Split(' '));
        Assert.False(string.IsNullOrEmpty(query["state"]));
    }

    [Fact]
    public void The_oidc_handler_is_configured_from_the_settings()
    {
        var options = factory.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);

        Assert.Equal(StaffOidcFactory.Authority, options.Authority);
        Assert.Equal(StaffOidcFactory.ClientId, options.ClientId);
        Assert.Equal("client-secret-from-the-app-registration", options.ClientSecret);
        Assert.Equal("/signin-oidc", options.CallbackPath);
        Assert.False(options.MapInboundClaims);
        Assert.True(options.UsePkce);
        Assert.Equal("name", options.TokenValidationParameters.NameClaimType);
    }

    [Theory]
    [InlineData("name=Sam Staff;preferred_username=sam@council.example")]
    [InlineData("name=Sam Staff;groups=bbbbbbbb-0000-0000-0000-000000000002")]
    [InlineData("name=Sam Staff;roles=aaaaaaaa-0000-0000-0000-000000000001")] // the right value in the wrong claim
    public async Task A_signed_in_user_without_the_configured_claim_gets_the_no_access_page(string claims)
    {
        using var http = Client(claims);

        using var response = await http.GetAsync(new Uri("/staff", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/staff/access-denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var denied = await http.GetAsync(response.Headers.Location, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        var html = await denied.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("You do not have access", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Demo sign-in", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_with_the_configured_group_sees_the_reports()
    {
        using var http = Client(Staff);

        using var response = await http.GetAsync(new Uri("/staff", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Sam Staff (sam.staff@council.example)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Demo sign-in", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_the_demo_the_demo_account_cannot_sign_in_even_with_its_settings()
    {
        using var journey = factory.CreateJourney();
        var token = JourneyClient.TokenOn(await journey.GetAsync("/where"));

        var refused = await journey.PostAsync("/staff/sign-in", token, ("UserName", StaffFactory.UserName), ("Password", StaffFactory.Password));

        Assert.Equal(HttpStatusCode.NotFound, refused.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await journey.GetAsync("/staff")).Status);
    }

    private HttpClient Client(string claims)
    {
        var http = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        http.DefaultRequestHeaders.Add(OidcStandInHandler.Header, claims);
        return http;
    }
}

/// <summary>The staff settings are checked at start, each fault named.</summary>
public sealed class StaffSettingsTests
{
    [Theory]
    [InlineData("SpeedingReport:Staff:OpenIdConnect:ClientSecret", "", "SpeedingReport:Staff:OpenIdConnect:ClientSecret is required")]
    [InlineData("SpeedingReport:Staff:OpenIdConnect:ClientId", "", "SpeedingReport:Staff:OpenIdConnect:ClientId is required")]
    [InlineData("SpeedingReport:Staff:OpenIdConnect:Authority", "http://login.example.test/", "SpeedingReport:Staff:OpenIdConnect:Authority must be an absolute https address")]
    [InlineData("SpeedingReport:Staff:RequiredClaimValue", "", "SpeedingReport:Staff:RequiredClaimType and SpeedingReport:Staff:RequiredClaimValue are required")]
    [InlineData("SpeedingReport:Staff:OpenIdConnect:CallbackPath", "signin-oidc", "SpeedingReport:Staff:OpenIdConnect:CallbackPath must be a path starting with '/'")]
    public async Task A_bad_setting_stops_the_start_with_its_name(string key, string value, string message)
    {
        var settings = StaffOidcFactory.Settings();
        settings[key] = value;
        await using var factory = new ConfiguredFactory(settings);

        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_demo_password_stops_the_demo_start()
    {
        await using var factory = new ConfiguredFactory(new Dictionary<string, string?> { ["SpeedingReport:Staff:DemoSignIn:Password"] = "short" });

        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("SpeedingReport:Staff:DemoSignIn:Password must be at least 8 characters", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_without_a_demo_password_says_sign_in_is_not_set_up()
    {
        await using var factory = new ConfiguredFactory(new Dictionary<string, string?> { ["SpeedingReport:Staff:DemoSignIn:Password"] = "" });
        using var journey = factory.CreateJourney();

        var page = await journey.GetAsync("/staff/sign-in");

        Assert.Equal(HttpStatusCode.Unauthorized, page.Status);
        Assert.Contains("Staff sign-in is not set up", page.Text, StringComparison.Ordinal);
    }
}
