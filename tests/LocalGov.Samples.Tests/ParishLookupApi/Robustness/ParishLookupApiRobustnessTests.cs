using System.Net;
using CsCheck;
using LocalGov.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using ParishLookupApi;

namespace LocalGov.Samples.Tests.ParishLookupApi.Robustness;

/// <summary>A hostile or broken postcodes.io behind the API: its address and answers never reach the caller, and every response forbids sniffing.</summary>
public sealed class ParishLookupApiRobustnessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Demo(string file) => Path.Combine(RepositoryPaths.Root, "samples", "ParishLookupApi", "Data", file);

    private static async Task<WebApplication> StartAsync(Uri postcodesIo)
    {
        var app = ParishLookupApp.Build([], builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Configuration["LocalGov:Parishes:ParishBoundaries"] = Demo("demo-parishes.geojson");
            builder.Configuration["LocalGov:Parishes:DistrictBoundaries"] = Demo("demo-districts.geojson");
            builder.Configuration["PostcodesIo:BaseAddress"] = postcodesIo.ToString();
        });
        await app.StartAsync(Ct);
        return app;
    }

    [Fact]
    public async Task A_failing_postcode_service_gives_a_502_that_shows_neither_its_url_nor_its_body()
    {
        // Statuses the client does not retry, so each case is one request (5xx would wait out the retry delays).
        var answer = (Status: 200, Body: "", Type: "text/html");
        await using var upstream = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = answer.Type;
            return context.Response.WriteAsync(answer.Body, context.RequestAborted);
        }, Ct);
        await using var app = await StartAsync(upstream.BaseAddress);
        var client = app.GetTestClient();
        var secrets = Gen.String[Gen.Char.AlphaNumeric, 8, 16].Select(s => "SECRET" + s);
        var bodies = Gen.Select(secrets, Gen.Int[0, 3]).Select((secret, kind) => (Secret: secret, Body: kind switch
        {
            0 => $"<html><body>Stack trace: {secret} at Internal.Db</body></html>",
            1 => $$$"""{"status":500,"error":"{{{secret}}}"}""",
            2 => $$$"""{"status":200,"result":{"postcode":"{{{secret}}}","longitude":"not a number"}}""",
            _ => $"<script>alert('{secret}')</script>",
        }));
        foreach (var ((secret, body), status) in Gen.Select(bodies, Gen.OneOf(Gen.Const(200), Gen.Const(418), Gen.Const(451))).Array[6].Single())
        {
            answer = (status, body, body.StartsWith('{') ? "application/json" : "text/html");

            using var response = await client.GetAsync(new Uri("/areas/postcode/ZZ11AA", UriKind.Relative), Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);

            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(upstream.BaseAddress.Authority, text, StringComparison.Ordinal);
            Assert.DoesNotContain("127.0.0.1", text, StringComparison.Ordinal);
            Assert.Contains("ZZ1 1AA", text, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Theory]
    [InlineData("/areas?lon=-0.8343&lat=51.7874")]
    [InlineData("/areas?lon=2&lat=51")]
    [InlineData("/areas?lon=NaN&lat=51")]
    [InlineData("/areas?lon=x")]
    [InlineData("/areas/postcode/not-a-postcode")]
    [InlineData("/nowhere")]
    public async Task Every_response_sends_nosniff(string path)
    {
        await using var app = await StartAsync(new Uri("http://127.0.0.1:9/"));

        using var response = await app.GetTestClient().GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
