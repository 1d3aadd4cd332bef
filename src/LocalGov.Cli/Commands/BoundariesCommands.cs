using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using LocalGov.Boundaries;
using LocalGov.Cli.Boundaries;
using LocalGov.Cli.Infrastructure;

namespace LocalGov.Cli.Commands;

/// <summary>The <c>localgov boundaries</c> group.</summary>
internal static class BoundariesCommands
{
    public static Command Create()
    {
        var group = new Command("boundaries", "Load boundaries, build a binary index, and resolve points to parish or district.");
        group.Subcommands.Add(Resolve());
        group.Subcommands.Add(Index());
        group.Subcommands.Add(Info());
        group.Subcommands.Add(BoundaryAreasCommand.Create());
        return group;
    }

    private static Option<string> Parishes(bool required) => new("--parishes") { Description = "Parish layer: .geojson, .topojson, .json (GeoJSON or TopoJSON; file#object picks one object of a topology), .csv (WKT/hex WKB), .shp or .gpkg.", Required = required };

    private static Option<string> Districts() => new("--districts") { Description = "District layer, answering where no parish covers a point." };

    private static Option<string> CodeField() => new("--code-field") { Description = "Field holding the area code (default: ONS XXnnCD, CODE, areacd, id…)." };

    private static Option<string> NameField() => new("--name-field") { Description = "Field holding the area name (default: ONS XXnnNM, NAME, areanm)." };

    private static Option<string> Crs() => new("--crs") { Description = "CRS of the data (and of the input points) when the file's is missing or wrong: EPSG:27700 or EPSG:4326." };

    private static Command Resolve()
    {
        var parishes = Parishes(required: false);
        var districts = Districts();
        var codeField = CodeField();
        var nameField = NameField();
        var crs = Crs();
        var index = new Option<string>("--index") { Description = "A binary index built by 'localgov boundaries index' (instead of --parishes/--districts)." };
        var input = new Option<string>("--input") { Description = "File of 'x,y' lines in the data's CRS (default: stdin)." };
        var stats = new Option<bool>("--stats") { Description = "Write lookups per second to stderr." };
        var command = new Command("resolve", "Resolve 'x,y' points to the parish covering each, else the district; writes x,y,code,name,kind CSV in input order.");
        foreach (var option in new Option[] { parishes, districts, codeField, nameField, crs, index, input, stats })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (ctx, cancellationToken) =>
        {
            var indexPath = ctx.GetValue(index);
            var parishPath = ctx.GetValue(parishes);
            ParishResolver resolver;
            if (indexPath is not null)
            {
                if (parishPath is not null || ctx.GetValue(districts) is not null)
                {
                    throw new CliUsageException("Give either --index or --parishes/--districts, not both.");
                }

                if (!File.Exists(indexPath))
                {
                    throw new CliUsageException($"--index: file not found: {indexPath}");
                }

                resolver = ParishResolver.Load(indexPath);
            }
            else
            {
                if (parishPath is null)
                {
                    throw new CliUsageException("Give --parishes (and optionally --districts), or --index.");
                }

                resolver = Build(ctx, parishPath, ctx.GetValue(districts), ctx.GetValue(codeField), ctx.GetValue(nameField), ctx.GetValue(crs));
            }

            // Points are read, resolved and written a batch at a time, so memory does not grow with the input. A bad
            // line is reported and skipped; the exit code says so at the end.
            var (file, lines) = BoundaryInputs.OpenPoints(ctx.GetValue(input));
            using var owned = file;
            var watch = new Stopwatch();
            var total = 0;
            var bad = 0;
            while (await BoundaryInputs.ReadPointsAsync(lines, resolver.Crs, 65_536, cancellationToken).ConfigureAwait(false) is { IsEmpty: false } batch)
            {
                bad += await BoundaryInputs.ReportProblemsAsync(ctx, batch).ConfigureAwait(false);
                var results = new ResolvedArea[batch.Count];
                watch.Start();
                resolver.ResolveManyInParallel(batch.Xs.ToArray(), batch.Ys.ToArray(), results, cancellationToken);
                watch.Stop();
                total += batch.Count;
                var output = new StringBuilder();
                for (var i = 0; i < results.Length; i++)
                {
                    var r = results[i];
                    output.Append(BoundaryInputs.Csv(batch.XText[i])).Append(',').Append(BoundaryInputs.Csv(batch.YText[i])).Append(',')
                        .Append(BoundaryInputs.Csv(r.Code)).Append(',').Append(BoundaryInputs.Csv(r.Name)).Append(',')
                        .Append(BoundaryInputs.Kind(r.Kind)).Append('\n');
                }

                await ctx.Output.WriteAsync(output.ToString()).ConfigureAwait(false);
            }

            if (ctx.GetValue(stats))
            {
                var perSecond = total / Math.Max(watch.Elapsed.TotalSeconds, 1e-9);
                await ctx.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{total} lookups in {watch.Elapsed.TotalMilliseconds:F1} ms: {perSecond:F0} lookups/s")).ConfigureAwait(false);
            }

            return bad == 0 ? ExitCodes.Success : ExitCodes.InvalidInput;
        });
        return command;
    }

    private static Command Index()
    {
        var parishes = Parishes(required: false);
        var districts = Districts();
        var layers = BoundaryAreasCommand.LayerOption();
        var codeFields = new Option<string[]>("--code-field") { Description = "Field holding the area code: FIELD for --parishes, or NAME=FIELD per --layer (default: ONS XXnnCD, CODE, areacd, id…)." };
        var nameFields = new Option<string[]>("--name-field") { Description = "Field holding the area name: FIELD for --parishes, or NAME=FIELD per --layer (default: ONS XXnnNM, NAME, areanm)." };
        var crs = Crs();
        var output = new Option<string>("--out") { Description = "The index file to write.", Required = true };
        var command = new Command("index", "Build the binary resolver index from boundary files (--parishes/--districts, or any layers with --layer NAME=FILE), for fast start-up with 'resolve --index' or 'areas --index'.");
        foreach (var option in new Option[] { parishes, districts, layers, codeFields, nameFields, crs, output })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (ctx, cancellationToken) =>
        {
            var watch = Stopwatch.StartNew();
            var layerValues = ctx.GetValue(layers) ?? [];
            var codes = ctx.GetValue(codeFields) ?? [];
            var names = ctx.GetValue(nameFields) ?? [];
            var parishPath = ctx.GetValue(parishes);
            BoundaryResolver resolver;
            if (layerValues.Length > 0)
            {
                if (parishPath is not null || ctx.GetValue(districts) is not null)
                {
                    throw new CliUsageException("Give either --layer or --parishes/--districts, not both.");
                }

                resolver = BoundaryAreasCommand.BuildLayers(ctx, layerValues, codes, names, ctx.GetValue(crs));
            }
            else
            {
                if (parishPath is null)
                {
                    throw new CliUsageException("Give --parishes (and optionally --districts), or one or more --layer NAME=FILE[#object].");
                }

                resolver = Build(ctx, parishPath, ctx.GetValue(districts), Single(codes, "--code-field"), Single(names, "--name-field"), ctx.GetValue(crs)).Layers;
            }

            var path = ctx.GetValue(output)!;
            try
            {
                resolver.Save(path);
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException && ex is not FileNotFoundException)
            {
                // A folder, a read-only file or a full disk: the user's to fix, so a usage error naming the path.
                throw new CliUsageException($"--out: cannot write the index to '{path}': {ex.Message}");
            }

            var s = resolver.Statistics;
            await ctx.Output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{path}: {resolver.Areas.Count} areas in {resolver.LayerCount} layers ({string.Join(", ", resolver.LayerNames)}), {BoundaryCrsParser.Format(resolver.Crs)}, {s.VertexCount} vertices, {s.CellCount} cells ({s.MixedCellCount} on a boundary), {new FileInfo(path).Length} bytes, built in {watch.Elapsed.TotalSeconds:F2} s")).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The one plain FIELD of --code-field/--name-field in the --parishes form.</summary>
    private static string? Single(string[] values, string option) => values switch
    {
        [] => null,
        [var one] when !one.Contains('=', StringComparison.Ordinal) => one,
        _ => throw new CliUsageException($"{option}: with --parishes give one FIELD; NAME=FIELD is for --layer."),
    };

    private static Command Info()
    {
        var file = new Argument<string>("file") { Description = "A boundary file (prints its load report) or an index file (prints its size)." };
        var codeField = CodeField();
        var nameField = NameField();
        var crs = Crs();
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var command = new Command("info", "Print the load report of a boundary file: counts, CRS decision, fields, repairs, skips and warnings.");
        command.Arguments.Add(file);
        foreach (var option in new Option[] { codeField, nameField, crs, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (ctx, cancellationToken) =>
        {
            var path = ctx.GetValue(file)!;
            if (File.Exists(path) && IsIndexFile(path))
            {
                var resolver = BoundaryResolver.Load(path);
                if (ctx.GetValue(json))
                {
                    await ctx.WriteJsonAsync(resolver.Statistics, BoundariesJsonContext.Default.IndexStatistics).ConfigureAwait(false);
                }
                else
                {
                    var s = resolver.Statistics;
                    var text = new StringBuilder();
                    text.Append(CultureInfo.InvariantCulture, $"index: {path}\ncrs: {BoundaryCrsParser.Format(resolver.Crs)}\nareas: {resolver.Areas.Count} ({resolver.Areas.Count(a => a.Kind == AreaKind.District)} districts)\n");
                    text.Append(CultureInfo.InvariantCulture, $"layers: {string.Join(", ", resolver.LayerNames)}\n");
                    text.Append(CultureInfo.InvariantCulture, $"vertices: {s.VertexCount}\ncells: {s.CellCount} ({s.MixedCellCount} on a boundary)\nbytes: {s.IndexBytes} ({s.BytesPerVertex:F1} per vertex)\n");
                    await ctx.Output.WriteAsync(text.ToString()).ConfigureAwait(false);
                }

                return ExitCodes.Success;
            }

            var set = BoundaryInputs.Load(path, BoundaryInputs.LoadOptions(ctx.GetValue(codeField), ctx.GetValue(nameField), ctx.GetValue(crs)), "file");
            if (ctx.GetValue(json))
            {
                await ctx.WriteJsonAsync(set.Report, BoundariesJsonContext.Default.LoadReport).ConfigureAwait(false);
            }
            else
            {
                await ctx.Output.WriteAsync(BoundaryInputs.Describe(set.Report)).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static ParishResolver Build(CommandContext ctx, string parishPath, string? districtPath, string? codeField, string? nameField, string? crs)
    {
        var options = BoundaryInputs.LoadOptions(codeField, nameField, crs);
        var parishes = BoundaryInputs.Load(parishPath, options, "--parishes");
        foreach (var warning in parishes.Report.Warnings)
        {
            ctx.Error.WriteLine($"warning: {parishPath}: {warning}");
        }

        BoundarySet? districts = null;
        if (districtPath is not null)
        {
            // The district layer keeps its own field names; only the CRS override applies to both.
            districts = BoundaryInputs.Load(districtPath, new BoundaryLoadOptions { Crs = options.Crs }, "--districts");
            foreach (var warning in districts.Report.Warnings)
            {
                ctx.Error.WriteLine($"warning: {districtPath}: {warning}");
            }
        }

        return ParishResolver.Build(parishes, districts);
    }

    private static bool IsIndexFile(string path)
    {
        Span<byte> magic = stackalloc byte[8];
        using var stream = File.OpenRead(path);
        return stream.Read(magic) == 8 && magic.SequenceEqual("LGBNDIDX"u8);
    }
}
