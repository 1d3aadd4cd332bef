using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace LocalGov.Benchmarks.Postcodes;

/// <summary>
/// A loopback postcodes.io stand-in that adds a fixed delay to every request (a stand-in for network and server
/// time), answering single lookups and bulk lookups with a full v18-shaped postcode body.
/// </summary>
internal sealed class DelayedPostcodesServer : IAsyncDisposable
{
    private const string ResultTemplate = """{"postcode":"@","quality":1,"eastings":394235,"northings":806529,"country":"Scotland","nhs_ha":"Grampian","longitude":-2.096916,"latitude":57.149606,"european_electoral_region":"Scotland","primary_care_trust":"Aberdeen City Community Health Partnership","region":null,"lsoa":null,"msoa":null,"incode":"1AB","outcode":"AB10","parliamentary_constituency":"Aberdeen South","parliamentary_constituency_2024":"Aberdeen South","admin_district":"Aberdeen City","parish":null,"admin_county":null,"date_of_introduction":"201106","admin_ward":"George St/Harbour","ced":null,"ccg":"Aberdeen City Community Health Partnership","nuts":"Aberdeen City","pfa":"Scotland","nhs_region":null,"ttwa":"Aberdeen","national_park":null,"bua":null,"icb":null,"cancer_alliance":null,"lsoa11":"George Street - 02","msoa11":"George Street","lsoa21":null,"msoa21":null,"oa21":"S00136377","ruc11":"(Scotland) Large Urban Area","ruc21":null,"lep1":null,"lep2":null,"codes":{"admin_district":"S12000033","admin_county":"S99999999","admin_ward":"S13002842","parish":"S99999999","parliamentary_constituency":"S14000061","parliamentary_constituency_2024":"S14000061","ccg":"S03000012","ccg_id":"012","ced":"S99999999","nuts":"TLM50","lsoa":null,"msoa":null,"lau2":"S30000026","pfa":"S23000009","nhs_region":"S99999999","ttwa":"S22000047","national_park":"S99999999","bua":"S45000002","icb":"S99999999","cancer_alliance":"S99999999","lsoa11":"S01006646","msoa11":"S02001261","lsoa21":null,"msoa21":null,"oa21":"S00136377","ruc11":"1","ruc21":null,"lep1":"S99999999","lep2":null}}""";

    private readonly HttpListener _listener = new();
    private readonly TimeSpan _delay;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public DelayedPostcodesServer(TimeSpan delay)
    {
        _delay = delay;
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseAddress { get; }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        await Task.Delay(_delay).ConfigureAwait(false);
        string body;
        if (context.Request.HttpMethod == "POST")
        {
            using var doc = await JsonDocument.ParseAsync(context.Request.InputStream).ConfigureAwait(false);
            var builder = new StringBuilder("{\"status\":200,\"result\":[");
            var first = true;
            foreach (var item in doc.RootElement.GetProperty("postcodes").EnumerateArray())
            {
                var query = item.GetString()!;
                builder.Append(first ? string.Empty : ",").Append("{\"query\":").Append(JsonSerializer.Serialize(query)).Append(",\"result\":").Append(ResultTemplate.Replace("@", query, StringComparison.Ordinal)).Append('}');
                first = false;
            }

            body = builder.Append("]}").ToString();
        }
        else
        {
            var postcode = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath["/postcodes/".Length..]);
            body = "{\"status\":200,\"result\":" + ResultTemplate.Replace("@", postcode, StringComparison.Ordinal) + "}";
        }

        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        context.Response.Close();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        _listener.Close();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
