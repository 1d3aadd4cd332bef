using System.CommandLine;
using System.Globalization;
using System.Text;
using LocalGov.Boundaries;
using LocalGov.Cli.Boundaries;
using LocalGov.Cli.Infrastructure;

namespace LocalGov.Cli.Commands;

/// <summary><c>localgov boundaries areas</c>: every layer's area for each point, streamed in input order.</summary>
internal static class BoundaryAreasCommand
{
    public static Command Create()
    {
        var layers = LayerOption();
        var codeFields = new Option<string[]>("--code-field") { Description = "NAME=FIELD: the code field of layer NAME." };
        var nameFields = new Option<string[]>("--name-field") { Description = "NAME=FIELD: the name field of layer NAME." };
        var crs = new Option<string>("--crs") { Description = "CRS of the data and the input points when the files' is missing or wrong: EPSG:27700 or EPSG:4326." };
        var index = new Option<string>("--index") { Description = "A layered index built by 'localgov boundaries index' (instead of --layer)." };
        var input = new Option<string>("--input") { Description = "File of 'x,y' lines in the data's CRS (default: stdin)." };
        var json = new Option<bool>("--json") { Description = "One JSON object per line instead of CSV." };
        var command = new Command("areas", "Resolve 'x,y' points on every layer at once; writes x,y,<layer>_code,<layer>_name,… in input order (code 'none' where no area covers the point).");
        foreach (var option in new Option[] { layers, codeFields, nameFields, crs, index, input, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (ctx, cancellationToken) =>
        {
            var resolver = Resolver(ctx, ctx.GetValue(layers) ?? [], ctx.GetValue(codeFields) ?? [], ctx.GetValue(nameFields) ?? [], ctx.GetValue(crs), ctx.GetValue(index));
            var (file, lines) = BoundaryInputs.OpenPoints(ctx.GetValue(input));
            using var owned = file;
            var asJson = ctx.GetValue(json);
            if (!asJson)
            {
                await ctx.Output.WriteLineAsync("x,y," + string.Join(',', resolver.LayerNames.Select(n => $"{BoundaryInputs.Csv(n)}_code,{BoundaryInputs.Csv(n)}_name"))).ConfigureAwait(false);
            }

            // Points are read, resolved and written a batch at a time, in input order; a bad line is reported on
            // stderr and skipped, and the exit code says so at the end.
            var layerCount = resolver.LayerCount;
            var names = resolver.LayerNames.Select(JsonText).ToArray();
            var bad = 0;
            while (await BoundaryInputs.ReadPointsAsync(lines, resolver.Crs, 16_384, cancellationToken).ConfigureAwait(false) is { IsEmpty: false } batch)
            {
                bad += await BoundaryInputs.ReportProblemsAsync(ctx, batch).ConfigureAwait(false);
                var answers = new ResolvedArea[batch.Count * layerCount];
                resolver.ResolveManyInParallel(batch.Xs.ToArray(), batch.Ys.ToArray(), answers, cancellationToken);
                var output = new StringBuilder();
                for (var i = 0; i < batch.Count; i++)
                {
                    var point = answers.AsSpan(i * layerCount, layerCount);
                    if (asJson)
                    {
                        AppendJson(output, batch.Xs[i], batch.Ys[i], names, point);
                    }
                    else
                    {
                        output.Append(BoundaryInputs.Csv(batch.XText[i])).Append(',').Append(BoundaryInputs.Csv(batch.YText[i]));
                        foreach (var a in point)
                        {
                            output.Append(',').Append(a.IsFound ? BoundaryInputs.Csv(a.Code) : "none").Append(',').Append(BoundaryInputs.Csv(a.Name));
                        }
                    }

                    output.Append('\n');
                }

                await ctx.Output.WriteAsync(output.ToString()).ConfigureAwait(false);
            }

            return bad == 0 ? ExitCodes.Success : ExitCodes.InvalidInput;
        });
        return command;
    }

    /// <summary>The --layer option, shared with 'boundaries index'.</summary>
    internal static Option<string[]> LayerOption() => new("--layer") { Description = "A layer as NAME=FILE[#object]; repeat for each layer, in answer order.", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };

    private static void AppendJson(StringBuilder output, double x, double y, string[] names, ReadOnlySpan<ResolvedArea> point)
    {
        output.Append(CultureInfo.InvariantCulture, $"{{\"x\":{x.ToString("R", CultureInfo.InvariantCulture)},\"y\":{y.ToString("R", CultureInfo.InvariantCulture)}");
        for (var l = 0; l < point.Length; l++)
        {
            var a = point[l];
            output.Append(",\"").Append(names[l]).Append("\":{\"code\":")
                .Append(a.Code is null ? "null" : $"\"{JsonText(a.Code)}\"").Append(",\"name\":")
                .Append(a.Name is null ? "null" : $"\"{JsonText(a.Name)}\"").Append(",\"kind\":\"").Append(BoundaryInputs.Kind(a.Kind)).Append("\"}");
        }

        output.Append('}');
    }

    private static string JsonText(string value) => System.Text.Json.JsonEncodedText.Encode(value).ToString();

    private static BoundaryResolver Resolver(CommandContext ctx, string[] layers, string[] codeFields, string[] nameFields, string? crs, string? index)
    {
        if (index is not null)
        {
            if (layers.Length > 0)
            {
                throw new CliUsageException("Give either --index or --layer, not both.");
            }

            return File.Exists(index) ? BoundaryResolver.Load(index) : throw new CliUsageException($"--index: file not found: {index}");
        }

        if (layers.Length == 0)
        {
            throw new CliUsageException("Give one or more --layer NAME=FILE[#object], or --index.");
        }

        return BuildLayers(ctx, layers, codeFields, nameFields, crs);
    }

    /// <summary>Loads each NAME=FILE[#object] layer with its NAME=FIELD code and name fields, and builds the resolver.</summary>
    internal static BoundaryResolver BuildLayers(CommandContext ctx, string[] layers, string[] codeFields, string[] nameFields, string? crs)
    {
        var codes = Pairs(codeFields, "--code-field");
        var names = Pairs(nameFields, "--name-field");
        var built = new List<BoundaryLayer>();
        foreach (var (name, path) in Pairs(layers, "--layer"))
        {
            var options = BoundaryInputs.LoadOptions(codes.GetValueOrDefault(name), names.GetValueOrDefault(name), crs);
            var set = BoundaryInputs.Load(path, options, "--layer " + name);
            foreach (var warning in set.Report.Warnings)
            {
                ctx.Error.WriteLine($"warning: {path}: {warning}");
            }

            built.Add(new BoundaryLayer(name, set));
        }

        foreach (var name in codes.Keys.Concat(names.Keys).Where(n => !built.Exists(l => string.Equals(l.Name, n, StringComparison.OrdinalIgnoreCase))))
        {
            throw new CliUsageException($"--code-field/--name-field: no --layer named '{name}'.");
        }

        return BoundaryResolver.Build(built);
    }

    private static Dictionary<string, string> Pairs(string[] values, string option)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in values)
        {
            var eq = value.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == value.Length - 1)
            {
                throw new CliUsageException($"{option}: expected NAME=VALUE, got '{value}'.");
            }

            if (!result.TryAdd(value[..eq], value[(eq + 1)..]))
            {
                throw new CliUsageException($"{option}: '{value[..eq]}' given twice.");
            }
        }

        return result;
    }
}
