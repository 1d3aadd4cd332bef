using System.CommandLine;
using LocalGov.Cli.Infrastructure;
using LocalGov.Cli.Postcodes;
using LocalGov.Postcodes.Grid;
using LocalGov.Postcodes.MapIt;
using Microsoft.Extensions.DependencyInjection;

namespace LocalGov.Cli.Commands;

/// <summary>The <c>localgov mapit</c> group.</summary>
internal static class MapItCommands
{
    public static Command Create()
    {
        var group = new Command("mapit", "Ask MapIt which areas contain a point or postcode.");
        group.Subcommands.Add(Point());
        return group;
    }

    private static Command Point()
    {
        var lon = new Option<double>("--lon") { Description = "WGS84 longitude.", Required = true, CustomParser = StrictNumber.Parse };
        var lat = new Option<double>("--lat") { Description = "WGS84 latitude.", Required = true, CustomParser = StrictNumber.Parse };
        var type = new Option<string>("--type") { Description = "Only these area types, comma-separated (e.g. CPC,DIS)." };
        var url = new Option<string>("--url") { Description = "MapIt base URL (default https://mapit.mysociety.org/)." };
        var userAgent = new Option<string?>("--user-agent") { Description = "The User-Agent header (default: a descriptive LocalGov.Postcodes one); printable ASCII, no CR or LF." };
        var apiKey = new Option<string>("--api-key") { Description = "MapIt API key (default: $MAPIT_API_KEY); sent as the X-Api-Key header." };
        var json = new Option<bool>("--json") { Description = "Print MapIt's JSON (areas by id) instead of one line per area." };
        var command = new Command("point", "The areas containing a WGS84 point: one line per area (id, type, GSS code, name).");
        foreach (var option in new Option[] { lon, lat, type, url, userAgent, apiKey, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (ctx, ct) =>
        {
            var key = ctx.GetValue(apiKey) ?? Environment.GetEnvironmentVariable("MAPIT_API_KEY");
            await using var services = PostcodesCliClients.Create(mapItUrl: ctx.GetValue(url), mapItKey: key, userAgent: ctx.GetValue(userAgent));
            var client = services.GetRequiredService<MapItClient>();
            var types = ctx.GetValue(type)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var areas = await client.GetAreasForPointAsync(new Wgs84Coordinate(ctx.GetValue(lat), ctx.GetValue(lon)), types, ct).ConfigureAwait(false);
            if (ctx.GetValue(json))
            {
                await ctx.WriteJsonAsync(areas, PostcodesCliJsonContext.Default.IReadOnlyDictionaryInt32MapItArea).ConfigureAwait(false);
            }
            else
            {
                foreach (var area in areas.Values.OrderBy(a => a.Type, StringComparer.Ordinal).ThenBy(a => a.Name, StringComparer.Ordinal))
                {
                    await ctx.Output.WriteLineAsync($"{area.Id}\t{area.Type}\t{area.GssCode}\t{area.Name}").ConfigureAwait(false);
                }
            }

            if (client.LastQuota is { } quota)
            {
                await ctx.Error.WriteLineAsync($"MapIt quota: {quota.Current} of {quota.Limit} used.").ConfigureAwait(false);
            }

            return areas.Count == 0 ? ExitCodes.NotFound : ExitCodes.Success;
        });
        return command;
    }
}
