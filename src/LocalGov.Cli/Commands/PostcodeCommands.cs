using System.CommandLine;
using System.Text.Json;
using LocalGov.Cli.Infrastructure;
using LocalGov.Cli.Postcodes;
using LocalGov.Postcodes;
using LocalGov.Postcodes.PostcodesIo;
using Microsoft.Extensions.DependencyInjection;

namespace LocalGov.Cli.Commands;

/// <summary>The <c>localgov postcode</c> group.</summary>
internal static class PostcodeCommands
{
    private static readonly PostcodesCliJsonContext Json = PostcodesCliJsonContext.Default;

    public static Command Create()
    {
        var group = new Command("postcode", "Look up, validate and bulk-resolve UK postcodes with postcodes.io.");
        group.Subcommands.Add(Lookup());
        group.Subcommands.Add(Bulk());
        group.Subcommands.Add(Validate());
        group.Subcommands.Add(Nearest());
        group.Subcommands.Add(Reverse());
        group.Subcommands.Add(Outcode());
        group.Subcommands.Add(Places());
        return group;
    }

    private static Option<string> UrlOption() => new("--url") { Description = "postcodes.io base URL (default https://api.postcodes.io/; set it for a self-hosted server)." };

    private static Option<string?> UserAgentOption() => new("--user-agent") { Description = "The User-Agent header (default: a descriptive LocalGov.Postcodes one); printable ASCII, no CR or LF." };

    private static Option<bool> JsonOption() => new("--json") { Description = "Print JSON (postcodes.io's field names) instead of name: value lines." };

    private static Option<int?> LimitOption() => new("--limit") { Description = "Maximum results (server default 10, max 100)." };

    private static Command Lookup() => OneLookup(
        new Argument<string>("postcode") { Description = "The postcode, any spacing or case." },
        "lookup",
        "Look up one postcode: position, areas and their codes.",
        (client, postcode, ct) => client.LookupAsync(postcode, ct),
        Json.PostcodeResult);

    private static Command Bulk()
    {
        var url = UrlOption();
        var userAgent = UserAgentOption();
        var input = new Option<FileInfo>("--input") { Description = "File with one postcode a line (default: standard input)." };
        var command = new Command("bulk", "Look up many postcodes (100 a request, several in flight): one JSON line {\"query\",\"result\"} per input line, in order; progress on stderr.");
        command.Options.Add(url);
        command.Options.Add(userAgent);
        command.Options.Add(input);
        command.SetAction(async (ctx, ct) =>
        {
            var file = ctx.GetValue(input);
            if (file is not null && !file.Exists)
            {
                throw new CliUsageException($"--input: the file '{file.FullName}' does not exist.");
            }

            using var reader = file is null ? new StreamReader(Console.OpenStandardInput()) : new StreamReader(file.FullName, detectEncodingFromByteOrderMarks: true);
            var lines = new BoundedLineReader(reader, file?.FullName ?? "stdin", MaxPostcodeLineLength);
            await using var services = PostcodesCliClients.Create(ctx.GetValue(url), userAgent: ctx.GetValue(userAgent));
            var client = services.GetRequiredService<PostcodesIoClient>();
            int found = 0, notFound = 0, invalid = 0;
            await foreach (var result in client.LookupManyAsync(ReadLinesAsync(lines, ct), cancellationToken: ct).ConfigureAwait(false))
            {
                await ctx.WriteJsonAsync(new BulkLine(result.Query, result.Result), Json.BulkLine).ConfigureAwait(false);
                _ = result.Outcome switch
                {
                    PostcodeLookupOutcome.Found => found++,
                    PostcodeLookupOutcome.NotFound => notFound++,
                    _ => invalid++,
                };
                var done = found + notFound + invalid;
                if (done % 1000 == 0)
                {
                    await ctx.Error.WriteLineAsync($"{done} looked up…").ConfigureAwait(false);
                }
            }

            await ctx.Error.WriteLineAsync($"{found + notFound + invalid} looked up: {found} found, {notFound} not found, {invalid} not postcodes.").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The longest line of a bulk input: a postcode is at most 8 characters, so anything this long is not one.</summary>
    private const int MaxPostcodeLineLength = 1024;

    private static async IAsyncEnumerable<string> ReadLinesAsync(BoundedLineReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            var text = line.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            // A control character is no part of a postcode and would be sent to the server as it is.
            if (text.Any(char.IsControl))
            {
                throw new FormatException($"{reader.Source}, line {reader.LineNumber}: the line holds a control character, so it is not a postcode: '{Boundaries.BoundaryInputs.Excerpt(text)}'");
            }

            yield return text;
        }
    }

    private static Command Validate()
    {
        var postcode = new Argument<string>("postcode") { Description = "The postcode to check." };
        var url = UrlOption();
        var userAgent = UserAgentOption();
        var offline = new Option<bool>("--offline") { Description = "Check the format only, without asking the server whether it exists." };
        var json = JsonOption();
        var command = new Command("validate", "Say whether a postcode exists (prints true/false; exit 0 when it does, 3 when not, 4 when it is not even postcode-shaped with --offline).");
        command.Arguments.Add(postcode);
        command.Options.Add(url);
        command.Options.Add(userAgent);
        command.Options.Add(offline);
        command.Options.Add(json);
        command.SetAction(async (ctx, ct) =>
        {
            var text = ctx.GetValue(postcode)!;
            bool valid;
            string check;
            if (ctx.GetValue(offline))
            {
                valid = Postcode.TryParse(text, out _);
                check = "format";
            }
            else
            {
                await using var services = PostcodesCliClients.Create(ctx.GetValue(url), userAgent: ctx.GetValue(userAgent));
                valid = await services.GetRequiredService<PostcodesIoClient>().ValidateAsync(text, ct).ConfigureAwait(false);
                check = "exists";
            }

            if (ctx.GetValue(json))
            {
                await ctx.WriteJsonAsync(new ValidateOutput(text, valid, check), Json.ValidateOutput).ConfigureAwait(false);
            }
            else
            {
                await ctx.Output.WriteLineAsync(valid ? "true" : "false").ConfigureAwait(false);
            }

            return valid ? ExitCodes.Success : check == "format" ? ExitCodes.InvalidInput : ExitCodes.NotFound;
        });
        return command;
    }

    private static Command Nearest()
    {
        var postcode = new Argument<string>("postcode") { Description = "The postcode." };
        var url = UrlOption();
        var userAgent = UserAgentOption();
        var limit = LimitOption();
        var radius = new Option<int?>("--radius") { Description = "Radius in metres (default 100, max 2000)." };
        var json = JsonOption();
        var command = new Command("nearest", "Postcodes nearest a postcode, with distances in metres.");
        command.Arguments.Add(postcode);
        command.Options.Add(url);
        command.Options.Add(userAgent);
        command.Options.Add(limit);
        command.Options.Add(radius);
        command.Options.Add(json);
        command.SetAction(async (ctx, ct) =>
        {
            await using var services = PostcodesCliClients.Create(ctx.GetValue(url), userAgent: ctx.GetValue(userAgent));
            var results = await services.GetRequiredService<PostcodesIoClient>()
                .NearestAsync(ctx.GetValue(postcode)!, new NearbySearchOptions { Limit = ctx.GetValue(limit), Radius = ctx.GetValue(radius) }, ct).ConfigureAwait(false);
            await WriteListAsync(ctx, results, ctx.GetValue(json)).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Reverse()
    {
        var lon = new Option<double>("--lon") { Description = "WGS84 longitude.", Required = true, CustomParser = StrictNumber.Parse };
        var lat = new Option<double>("--lat") { Description = "WGS84 latitude.", Required = true, CustomParser = StrictNumber.Parse };
        var url = UrlOption();
        var userAgent = UserAgentOption();
        var limit = LimitOption();
        var radius = new Option<int?>("--radius") { Description = "Radius in metres (default 100, max 2000)." };
        var wide = new Option<bool>("--wide") { Description = "Search up to 20 km when nothing is within the radius." };
        var json = JsonOption();
        var command = new Command("reverse", "Postcodes nearest a WGS84 point, with distances in metres.");
        foreach (var option in new Option[] { lon, lat, url, userAgent, limit, radius, wide, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (ctx, ct) =>
        {
            await using var services = PostcodesCliClients.Create(ctx.GetValue(url), userAgent: ctx.GetValue(userAgent));
            var options = new NearbySearchOptions { Limit = ctx.GetValue(limit), Radius = ctx.GetValue(radius), WideSearch = ctx.GetValue(wide) ? true : null };
            var results = await services.GetRequiredService<PostcodesIoClient>().ReverseGeocodeAsync(ctx.GetValue(lon), ctx.GetValue(lat), options, ct).ConfigureAwait(false);
            if (results.Count == 0)
            {
                await ctx.Error.WriteLineAsync("No postcode within the radius (try --radius or --wide).").ConfigureAwait(false);
                return ExitCodes.NotFound;
            }

            await WriteListAsync(ctx, results, ctx.GetValue(json)).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Outcode() => OneLookup(
        new Argument<string>("outcode") { Description = "The outward code, e.g. AB10." },
        "outcode",
        "An outward code's average position and the areas its postcodes fall in.",
        (client, outcode, ct) => client.LookupOutcodeAsync(outcode, ct),
        Json.OutcodeResult);

    /// <summary>A command that looks up one thing named by its argument and prints it (name: value lines or JSON).</summary>
    private static Command OneLookup<T>(Argument<string> argument, string name, string description, Func<PostcodesIoClient, string, CancellationToken, Task<T>> lookup, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        var url = UrlOption();
        var userAgent = UserAgentOption();
        var json = JsonOption();
        var command = new Command(name, description);
        command.Arguments.Add(argument);
        command.Options.Add(url);
        command.Options.Add(userAgent);
        command.Options.Add(json);
        command.SetAction(async (ctx, ct) =>
        {
            await using var services = PostcodesCliClients.Create(ctx.GetValue(url), userAgent: ctx.GetValue(userAgent));
            var result = await lookup(services.GetRequiredService<PostcodesIoClient>(), ctx.GetValue(argument)!, ct).ConfigureAwait(false);
            await WriteAsync(ctx, result, typeInfo, ctx.GetValue(json)).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Places()
    {
        var query = new Argument<string>("query") { Description = "A place name or its start." };
        var url = UrlOption();
        var userAgent = UserAgentOption();
        var limit = LimitOption();
        var json = JsonOption();
        var command = new Command("places", "Search OS Open Names places (towns, villages, hamlets).");
        command.Arguments.Add(query);
        command.Options.Add(url);
        command.Options.Add(userAgent);
        command.Options.Add(limit);
        command.Options.Add(json);
        command.SetAction(async (ctx, ct) =>
        {
            await using var services = PostcodesCliClients.Create(ctx.GetValue(url), userAgent: ctx.GetValue(userAgent));
            var places = await services.GetRequiredService<PostcodesIoClient>().QueryPlacesAsync(ctx.GetValue(query)!, ctx.GetValue(limit), ct).ConfigureAwait(false);
            if (ctx.GetValue(json))
            {
                await ctx.WriteJsonAsync(places, Json.IReadOnlyListPlace).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            foreach (var place in places)
            {
                await ctx.Output.WriteLineAsync($"{place.Code}\t{place.Name1}\t{place.LocalType}\t{place.CountyUnitary ?? place.DistrictBorough}\t{place.Latitude},{place.Longitude}").ConfigureAwait(false);
            }

            return places.Count == 0 ? ExitCodes.NotFound : ExitCodes.Success;
        });
        return command;
    }

    private static async Task WriteAsync<T>(CommandContext ctx, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, bool json)
    {
        if (json)
        {
            await ctx.WriteJsonAsync(value, typeInfo).ConfigureAwait(false);
            return;
        }

        using var doc = JsonSerializer.SerializeToDocument(value, typeInfo);
        await FieldPrinter.WriteAsync(ctx.Output, doc.RootElement).ConfigureAwait(false);
    }

    private static async Task WriteListAsync(CommandContext ctx, IReadOnlyList<PostcodeResult> results, bool json)
    {
        if (json)
        {
            await ctx.WriteJsonAsync(results, Json.IReadOnlyListPostcodeResult).ConfigureAwait(false);
            return;
        }

        foreach (var result in results)
        {
            await ctx.Output.WriteLineAsync($"{result.Postcode}\t{result.Distance?.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}\t{result.AdminDistrict}\t{result.Parish}").ConfigureAwait(false);
        }
    }
}
