using System.CommandLine;
using System.Globalization;
using LocalGov.Cli.Infrastructure;
using LocalGov.Cli.Postcodes;
using LocalGov.Postcodes.Grid;

namespace LocalGov.Cli.Commands;

/// <summary>The <c>localgov grid</c> group.</summary>
internal static class GridCommands
{
    public static Command Create()
    {
        var group = new Command("grid", "Convert between British National Grid (EPSG:27700) and WGS84 (EPSG:4326).");
        group.Subcommands.Add(ToWgs84());
        group.Subcommands.Add(ToBng());
        return group;
    }

    private static Option<DirectoryInfo> Ostn15Option() => new("--ostn15") { Description = "Folder with the OSTN15 shift grid (ostn_east_shift_*, ostn_north_shift_*): exact to 1 mm. Without it, Helmert (about 2 m, up to 5 m)." };

    private static Option<bool> JsonOption() => new("--json") { Description = "Print JSON." };

    private static Command ToWgs84()
    {
        var easting = new Argument<double>("easting") { Description = "Easting in metres.", CustomParser = StrictNumber.Parse };
        var northing = new Argument<double>("northing") { Description = "Northing in metres.", CustomParser = StrictNumber.Parse };
        var ostn15 = Ostn15Option();
        var json = JsonOption();
        var command = new Command("to-wgs84", "Convert a BNG easting/northing to WGS84; prints 'latitude longitude'.");
        command.Arguments.Add(easting);
        command.Arguments.Add(northing);
        command.Options.Add(ostn15);
        command.Options.Add(json);
        command.SetAction(async (ctx, ct) =>
        {
            var (converter, method) = Converter(ctx.GetValue(ostn15));
            var result = converter.ToWgs84(new BngCoordinate(ctx.GetValue(easting), ctx.GetValue(northing)));
            if (ctx.GetValue(json))
            {
                await ctx.WriteJsonAsync(new Wgs84Output(Math.Round(result.Latitude, 8), Math.Round(result.Longitude, 8), method), PostcodesCliJsonContext.Default.Wgs84Output).ConfigureAwait(false);
            }
            else
            {
                await ctx.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{result.Latitude:F8} {result.Longitude:F8}")).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command ToBng()
    {
        var latitude = new Argument<double>("lat") { Description = "WGS84 latitude.", CustomParser = StrictNumber.Parse };
        var longitude = new Argument<double>("lon") { Description = "WGS84 longitude (negative west).", CustomParser = StrictNumber.Parse };
        var ostn15 = Ostn15Option();
        var json = JsonOption();
        var command = new Command("to-bng", "Convert a WGS84 latitude/longitude to BNG; prints 'easting northing' in metres.");
        command.Arguments.Add(latitude);
        command.Arguments.Add(longitude);
        command.Options.Add(ostn15);
        command.Options.Add(json);
        command.SetAction(async (ctx, ct) =>
        {
            var (converter, method) = Converter(ctx.GetValue(ostn15));
            var result = converter.ToBng(new Wgs84Coordinate(ctx.GetValue(latitude), ctx.GetValue(longitude)));
            if (ctx.GetValue(json))
            {
                await ctx.WriteJsonAsync(new BngOutput(Math.Round(result.Easting, 3), Math.Round(result.Northing, 3), method), PostcodesCliJsonContext.Default.BngOutput).ConfigureAwait(false);
            }
            else
            {
                await ctx.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{result.Easting:F3} {result.Northing:F3}")).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static (IGridConverter Converter, string Method) Converter(DirectoryInfo? ostn15)
    {
        if (ostn15 is null)
        {
            return (new HelmertGridConverter(), "helmert");
        }

        if (!ostn15.Exists)
        {
            throw new CliUsageException($"--ostn15: the folder '{ostn15.FullName}' does not exist.");
        }

        return (Ostn15GridConverter.Load(ostn15.FullName), "ostn15");
    }
}
