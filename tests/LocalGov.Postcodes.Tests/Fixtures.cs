using System.Text;
using System.Text.Json;
using LocalGov.Postcodes.MapIt;
using LocalGov.Postcodes.PostcodesIo;
using LocalGov.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LocalGov.Postcodes.Tests;

/// <summary>Small hand-written postcodes.io and MapIt bodies, and clients wired to a loopback server.</summary>
internal static class Fixtures
{
    public static string PostcodeJson(string postcode, double? distance = null)
    {
        var parts = postcode.Split(' ');
        var json = $$"""
            {"postcode":"{{postcode}}","quality":1,"eastings":529090,"northings":179645,"country":"England","nhs_ha":"London","longitude":-0.141588,"latitude":51.501009,
            "european_electoral_region":"London","primary_care_trust":"Westminster","region":"London","lsoa":"Westminster 018C","msoa":"Westminster 018",
            "incode":"{{parts[1]}}","outcode":"{{parts[0]}}","parliamentary_constituency":"Cities of London and Westminster","parliamentary_constituency_2024":"Cities of London and Westminster",
            "admin_district":"Westminster","parish":"Westminster, unparished area","admin_county":null,"date_of_introduction":"198001","admin_ward":"St James's","ced":null,
            "ccg":"NHS North West London","nuts":"Westminster","pfa":"Metropolitan Police","nhs_region":"London","ttwa":"London","national_park":null,"bua":"City of Westminster",
            "icb":"NHS North West London Integrated Care Board","cancer_alliance":"RM Partners","lsoa11":"Westminster 018C","msoa11":"Westminster 018","lsoa21":"Westminster 018C",
            "msoa21":"Westminster 018","oa21":"E00190425","ruc11":"(England/Wales) Urban major conurbation","ruc21":"Urban: Nearer to a major town or city","lep1":"E37000051","lep2":null,
            "codes":{"admin_district":"E09000033","admin_county":"E99999999","admin_ward":"E05013806","parish":"E43000236","parliamentary_constituency":"E14001172",
            "parliamentary_constituency_2024":"E14001172","ccg":"E38000256","ccg_id":"W2U3Z","ced":"E99999999","nuts":"TLI32","lsoa":"E01004736","msoa":"E02000977","lau2":"E09000033",
            "pfa":"E23000001","nhs_region":"E40000003","ttwa":"E30000234","national_park":"E65000001","bua":"E63004978","icb":"E54000027","cancer_alliance":"E56000027",
            "lsoa11":"E01004736","msoa11":"E02000977","lsoa21":"E01004736","msoa21":"E02000977","oa21":"E00190425","ruc11":"A1","ruc21":"UN1","lep1":"E37000051","lep2":null}
            {{(distance is { } d ? $",\"distance\":{d.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "")}}}
            """;
        return json.Replace("\n", "", StringComparison.Ordinal);
    }

    public static string Ok(string result) => $$"""{"status":200,"result":{{result}}}""";

    public static string Error(int status, string message) => JsonSerializer.Serialize(new Dictionary<string, object> { ["status"] = status, ["error"] = message });

    public static async Task WriteAsync(HttpContext context, int status, string body, string contentType = "application/json; charset=utf-8")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body, context.RequestAborted);
    }

    public static async Task<string> ReadBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(context.RequestAborted);
    }

    /// <summary>A postcodes.io bulk handler: answers each sent postcode, null for those starting with ZZ.</summary>
    public static async Task BulkHandlerAsync(HttpContext context)
    {
        using var doc = JsonDocument.Parse(await ReadBodyAsync(context));
        var items = doc.RootElement.GetProperty("postcodes").EnumerateArray().Select(e => e.GetString()!).Select(p =>
            $$"""{"query":{{JsonSerializer.Serialize(p)}},"result":{{(p.StartsWith("ZZ", StringComparison.Ordinal) || !Postcode.TryParse(p, out var pc) ? "null" : PostcodeJson(pc.Value))}}}""");
        await WriteAsync(context, 200, Ok("[" + string.Join(',', items) + "]"));
    }

    public static ServiceProvider Services(Uri baseAddress, Action<PostcodesIoClientOptions>? configure = null, TimeSpan? attemptTimeout = null, Uri? mapItBase = null, string? apiKey = null)
    {
        var services = new ServiceCollection();
        services.AddPostcodesIoClient(
            o =>
            {
                o.BaseAddress = baseAddress;
                o.AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(10);
                configure?.Invoke(o);
            },
            FastRetries);
        services.AddMapItClient(
            o =>
            {
                o.BaseAddress = mapItBase ?? baseAddress;
                o.ApiKey = apiKey;
                o.AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(10);
            },
            FastRetries);
        return services.BuildServiceProvider(validateScopes: true);
    }

    public static void FastRetries(Microsoft.Extensions.Http.Resilience.HttpStandardResilienceOptions resilience)
    {
        resilience.Retry.Delay = TimeSpan.FromMilliseconds(1);
        resilience.Retry.UseJitter = false;
        resilience.Retry.MaxRetryAttempts = 3;
    }

    public static PostcodesIoClient PlainClient(LoopbackServer server, PostcodesIoClientOptions? options = null) =>
        new(new HttpClient { BaseAddress = server.BaseAddress }, options);

    public static MapItClient PlainMapIt(LoopbackServer server, MapItClientOptions? options = null) =>
        new(new HttpClient { BaseAddress = server.BaseAddress }, options);
}
