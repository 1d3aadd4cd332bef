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
        var layers = new Option<string[]>("--layer") { Description = "A layer as NAME=FILE[#object]; repeat for each layer, in answer order.", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
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
            var inputPath = ctx.GetValue(input);
            if (inputPath is not null && !File.Exists(inputPath))
            {
                throw new CliUsageException($"--input: file not found: {inputPath}");
            }

            using var file = inputPath is null ? null : new StreamReader(inputPath, Encoding.UTF8);
            var reader = file ?? Console.In;
            var asJson = ctx.GetValue(json);
            if (!asJson)
            {
                await ctx.Output.WriteLineAsync("x,y," + string.Join(',', resolver.LayerNames.Select(n => $"{n}_code,{n}_name"))).ConfigureAwait(false);
            }

            var answers = new ResolvedArea[resolver.LayerCount];
            var bad = 0;
            var lineNumber = 0;
            var line = new StringBuilder();
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(text) || (lineNumber == 1 && PointLineParser.IsHeader(text)))
                {
                    continue;
                }

                if (!PointLineParser.TryParse(text, out var x, out var y, out var problem))
                {
                    bad++;
                    await ctx.Error.WriteLineAsync($"{inputPath ?? "stdin"}, line {lineNumber}: {problem}").ConfigureAwait(false);
                    continue;
                }

                try
                {
                    resolver.Resolve(x, y, answers);
                }
                catch (ArgumentException ex)
                {
                    bad++;
                    await ctx.Error.WriteLineAsync($"{inputPath ?? "stdin"}, line {lineNumber}: {ex.Message}").ConfigureAwait(false);
                    continue;
                }

                line.Clear();
                if (asJson)
                {
                    line.Append(CultureInfo.InvariantCulture, $"{{\"x\":{x.ToString("R", CultureInfo.InvariantCulture)},\"y\":{y.ToString("R", CultureInfo.InvariantCulture)}");
                    for (var l = 0; l < answers.Length; l++)
                    {
                        var a = answers[l];
                        line.Append(",\"").Append(JsonText(resolver.LayerNames[l])).Append("\":{\"code\":")
                            .Append(a.Code is null ? "null" : $"\"{JsonText(a.Code)}\"").Append(",\"name\":")
                            .Append(a.Name is null ? "null" : $"\"{JsonText(a.Name)}\"").Append(",\"kind\":\"").Append(BoundaryInputs.Kind(a.Kind)).Append("\"}");
                    }

                    line.Append('}');
                }
                else
                {
                    line.Append(BoundaryInputs.Csv(x.ToString("R", CultureInfo.InvariantCulture))).Append(',').Append(BoundaryInputs.Csv(y.ToString("R", CultureInfo.InvariantCulture)));
                    foreach (var a in answers)
                    {
                        line.Append(',').Append(a.IsFound ? BoundaryInputs.Csv(a.Code) : "none").Append(',').Append(BoundaryInputs.Csv(a.Name));
                    }
                }

                await ctx.Output.WriteLineAsync(line.ToString()).ConfigureAwait(false);
            }

            return bad == 0 ? ExitCodes.Success : ExitCodes.InvalidInput;
        });
        return command;
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
