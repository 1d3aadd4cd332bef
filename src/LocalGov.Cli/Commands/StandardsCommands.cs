using System.CommandLine;
using System.Globalization;
using LocalGov.Cli.Infrastructure;
using LocalGov.Cli.Standards;
using LocalGov.ServiceStandard.Catalogue;
using LocalGov.ServiceStandard.Franchising;
using LocalGov.ServiceStandard.Serialization;

namespace LocalGov.Cli.Commands;

/// <summary>The <c>localgov standards</c> group.</summary>
internal static class StandardsCommands
{
    public static Command Create()
    {
        var group = new Command("standards", "List, show, diff and derive service standards.");
        group.Subcommands.Add(List());
        group.Subcommands.Add(Show());
        group.Subcommands.Add(Diff());
        group.Subcommands.Add(Derive());
        group.Subcommands.Add(Rebase());
        group.Subcommands.Add(PackDerive());
        group.Subcommands.Add(PackDiffCommand());
        group.Subcommands.Add(PackRebase());
        return group;
    }

    private static Command List()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON: id, version, title, pointCount, status, kind." };
        var command = new Command("list", "List every standard version in the built-in catalogue.");
        command.Options.Add(json);
        command.SetAction(async (CommandContext ctx, CancellationToken ct) =>
        {
            var catalog = StandardCatalog.LoadBuiltIn();
            var items = catalog.Versions.Select(v => new StandardListItem(v.StandardId, v.Version, v.Title, v.Points.Count, Name(v.Status), Name(v.Kind))).ToList();
            if (ctx.GetValue(json))
            {
                await ctx.WriteJsonAsync<IReadOnlyList<StandardListItem>>(items, StandardsCliJsonContext.Default.IReadOnlyListStandardListItem).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            foreach (var item in items)
            {
                await ctx.Output.WriteLineAsync($"{item.Id + "@" + item.Version,-60} {item.PointCount,3} points  {item.Status,-10}  {item.Title}").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<string>("id") { Description = "The standard id (e.g. lgdss), or id@version." };
        var version = new Option<string?>("--version") { Description = "The version (default: the latest)." };
        var json = new Option<bool>("--json") { Description = "Print the standard version as JSON." };
        var command = new Command("show", "Show a standard version: metadata, attribution and points.");
        command.Arguments.Add(id);
        command.Options.Add(version);
        command.Options.Add(json);
        command.SetAction(async (CommandContext ctx, CancellationToken ct) =>
        {
            var catalog = StandardCatalog.LoadBuiltIn();
            var name = ctx.GetValue(id)!;
            var requested = ctx.GetValue(version);
            var standard = requested is null ? await StandardSources.ResolveAsync(catalog, name, ct).ConfigureAwait(false) : catalog.Get(name, requested);
            if (ctx.GetValue(json))
            {
                await ctx.WriteJsonAsync(standard, ServiceStandardJsonContext.Default.StandardVersion).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var o = ctx.Output;
            await o.WriteLineAsync($"{standard.Title} ({standard.Reference})").ConfigureAwait(false);
            await o.WriteLineAsync($"Status: {Name(standard.Status)}{(standard.SupersededBy is null ? string.Empty : $", superseded by {standard.SupersededBy}")}").ConfigureAwait(false);
            if (standard.Publisher is not null)
            {
                await o.WriteLineAsync($"Publisher: {standard.Publisher}").ConfigureAwait(false);
            }

            if (standard.DerivedFrom is not null)
            {
                await o.WriteLineAsync($"Derived from: {standard.DerivedFrom.Parent} ({standard.DerivedFrom.Edits.Count} edits)").ConfigureAwait(false);
            }

            await o.WriteLineAsync().ConfigureAwait(false);
            foreach (var point in standard.Points)
            {
                await o.WriteLineAsync($"{point.Number}. {point.Title ?? "(title not known)"}").ConfigureAwait(false);
                if (point.Text is not null)
                {
                    await o.WriteLineAsync("   " + point.Text.ReplaceLineEndings(" ")).ConfigureAwait(false);
                }

                if (point.Recommendation is not null)
                {
                    await o.WriteLineAsync("   Recommendation: " + point.Recommendation).ConfigureAwait(false);
                }

                foreach (var gap in point.Gaps)
                {
                    await o.WriteLineAsync("   [not known] " + gap).ConfigureAwait(false);
                }
            }

            await o.WriteLineAsync().ConfigureAwait(false);
            await o.WriteLineAsync(standard.Attribution.Statement).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Diff()
    {
        var from = new Argument<string>("from") { Description = "The older version: id@version from the catalogue, or a standard JSON file." };
        var to = new Argument<string>("to") { Description = "The newer version: id@version from the catalogue, or a standard JSON file." };
        var json = new Option<bool>("--json") { Description = "Print the difference as JSON." };
        var command = new Command("diff", "Show the point-by-point difference between two standard versions (Markdown, with word-level changes).");
        command.Arguments.Add(from);
        command.Arguments.Add(to);
        command.Options.Add(json);
        command.SetAction(async (CommandContext ctx, CancellationToken ct) =>
        {
            var catalog = StandardCatalog.LoadBuiltIn();
            var a = await StandardSources.ResolveAsync(catalog, ctx.GetValue(from)!, ct).ConfigureAwait(false);
            var b = await StandardSources.ResolveAsync(catalog, ctx.GetValue(to)!, ct).ConfigureAwait(false);
            var diff = StandardDiff.Compare(a, b);
            if (ctx.GetValue(json))
            {
                await ctx.WriteJsonAsync(diff, ServiceStandardJsonContext.Default.StandardDiff).ConfigureAwait(false);
            }
            else
            {
                await ctx.Output.WriteAsync(diff.ToMarkdown()).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Derive()
    {
        var parent = new Argument<string>("parent") { Description = "The parent: id@version from the catalogue, or a standard JSON file." };
        var id = new Option<string>("--id") { Description = "The derived standard's id.", Required = true };
        var version = new Option<string>("--as-version") { Description = "The derived version's id.", Required = true };
        var edits = new Option<string?>("--edits") { Description = "A JSON file with an array of edits (op: reword, add, remove, move)." };
        var title = new Option<string?>("--title") { Description = "The derived title (default: the parent's)." };
        var publisher = new Option<string?>("--publisher") { Description = "Who publishes it, e.g. a peer group." };
        var note = new Option<string?>("--note") { Description = "Why it was derived." };
        var output = new Option<string?>("--output") { Description = "Write the derived standard to this file instead of stdout (an existing file only with --force)." };
        var force = new Option<bool>("--force") { Description = "Replace the --output file if it exists." };
        var command = new Command("derive", "Derive a new standard version from a parent by recorded edits; prints the derived standard as JSON.");
        command.Arguments.Add(parent);
        foreach (var option in new Option[] { id, version, edits, title, publisher, note, output, force })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (CommandContext ctx, CancellationToken ct) =>
        {
            OutputPaths.CheckFile(ctx.GetValue(output), ctx.GetValue(force), ctx.GetValue(parent)!, ctx.GetValue(edits));
            var catalog = StandardCatalog.LoadBuiltIn();
            var parentVersion = await StandardSources.ResolveAsync(catalog, ctx.GetValue(parent)!, ct).ConfigureAwait(false);
            var editList = ctx.GetValue(edits) is { } path
                ? ServiceStandardJson.DeserializeEdits(await StandardSources.ReadFileAsync(path, ct).ConfigureAwait(false), path)
                : [];
            var derived = StandardDerivation.Derive(parentVersion, ctx.GetValue(id)!, ctx.GetValue(version)!, editList, ctx.GetValue(title), ctx.GetValue(publisher), ctx.GetValue(note));
            await WriteStandardAsync(ctx, derived, ctx.GetValue(output), ct).ConfigureAwait(false);
            await ctx.Error.WriteLineAsync($"Derived {derived.Reference} from {parentVersion.Reference} with {editList.Count} edit(s).").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Rebase()
    {
        var derived = new Argument<string>("derived") { Description = "The derived standard (a JSON file written by 'standards derive')." };
        var onto = new Option<string>("--onto") { Description = "The newer parent: id@version or a standard JSON file.", Required = true };
        var from = new Option<string?>("--from") { Description = "The old parent, when it is not in the catalogue (a JSON file)." };
        var output = new Option<string?>("--output") { Description = "Write the rebased standard to this file instead of stdout (an existing file only with --force)." };
        var force = new Option<bool>("--force") { Description = "Replace the --output file if it exists." };
        var command = new Command("rebase", "Replay a derived standard's edits on a newer parent; conflicts are listed on stderr and nothing is written (exit 4).");
        command.Arguments.Add(derived);
        command.Options.Add(onto);
        command.Options.Add(from);
        command.Options.Add(output);
        command.Options.Add(force);
        command.SetAction(async (CommandContext ctx, CancellationToken ct) =>
        {
            OutputPaths.CheckFile(ctx.GetValue(output), ctx.GetValue(force), ctx.GetValue(derived)!, ctx.GetValue(onto), ctx.GetValue(from));
            var catalog = StandardCatalog.LoadBuiltIn();
            var child = await StandardSources.ResolveAsync(catalog, ctx.GetValue(derived)!, ct).ConfigureAwait(false);
            if (child.DerivedFrom is null)
            {
                throw new CliUsageException($"{child.Reference} is not a derived standard (it has no derivedFrom).");
            }

            var oldParent = ctx.GetValue(from) is { } fromPath
                ? await StandardSources.ResolveAsync(catalog, fromPath, ct).ConfigureAwait(false)
                : catalog.Get(child.DerivedFrom.Parent);
            var newParent = await StandardSources.ResolveAsync(catalog, ctx.GetValue(onto)!, ct).ConfigureAwait(false);
            var result = StandardDerivation.Rebase(child, oldParent, newParent);
            if (!result.IsClean)
            {
                return await ReportConflictsAsync(ctx, [.. result.Conflicts.Select(c => (c.EditIndex, c.Edit, c.Detail))], "derive again").ConfigureAwait(false);
            }

            await WriteStandardAsync(ctx, result.Rebased!, ctx.GetValue(output), ct).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command PackDerive()
    {
        var parent = new Argument<string>("parent-folder") { Description = "A pack folder (pack.json and sessions/) taken from another peer group." };
        var id = new Option<string>("--id") { Description = "The new pack's id.", Required = true };
        var version = new Option<string>("--as-version") { Description = "The new pack's version.", Required = true };
        var edits = new Option<string?>("--edits") { Description = "A JSON file with an array of pack edits (op: edit-material, add-material, remove-material, add-session, remove-session, replace-agenda)." };
        var peerGroup = new Option<string?>("--peer-group") { Description = "The peer group publishing the new pack." };
        var note = new Option<string?>("--note") { Description = "Why it was taken and revised." };
        var output = new Option<string>("--output") { Description = "The folder to write the new pack to (missing or empty, or any folder but the parent's with --force).", Required = true };
        var force = new Option<bool>("--force") { Description = "Write into an --output folder that is not empty (its pack files are replaced)." };
        var command = new Command("pack-derive", "Take another peer group's pack, apply recorded edits and write the new pack as a folder (lineage and licence carried through).");
        command.Arguments.Add(parent);
        foreach (var option in new Option[] { id, version, edits, peerGroup, note, output, force })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (CommandContext ctx, CancellationToken ct) =>
        {
            OutputPaths.CheckFolder(ctx.GetValue(output)!, ctx.GetValue(force), ctx.GetValue(parent)!);
            var source = await ReadPackAsync(ctx.GetValue(parent)!, ct).ConfigureAwait(false);
            var editList = ctx.GetValue(edits) is { } path
                ? ServiceStandardJson.DeserializePackEdits(await StandardSources.ReadFileAsync(path, ct).ConfigureAwait(false), path)
                : [];
            var derived = PackFranchise.Derive(source, ctx.GetValue(id)!, ctx.GetValue(version)!, editList, peerGroup: ctx.GetValue(peerGroup), note: ctx.GetValue(note));
            await PackFolder.ExportAsync(derived, ctx.GetValue(output)!, ctx.GetValue(force), ct).ConfigureAwait(false);
            await ctx.Error.WriteLineAsync($"Wrote {derived.Reference} (from {source.Reference}, {editList.Count} edit(s)) to {ctx.GetValue(output)}.").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command PackDiffCommand()
    {
        var from = new Argument<string>("from-folder") { Description = "The older pack folder." };
        var to = new Argument<string>("to-folder") { Description = "The newer pack folder." };
        var command = new Command("pack-diff", "Show the difference between two pack folders (Markdown).");
        command.Arguments.Add(from);
        command.Arguments.Add(to);
        command.SetAction(async (CommandContext ctx, CancellationToken ct) =>
        {
            var a = await ReadPackAsync(ctx.GetValue(from)!, ct).ConfigureAwait(false);
            var b = await ReadPackAsync(ctx.GetValue(to)!, ct).ConfigureAwait(false);
            await ctx.Output.WriteAsync(PackDiff.ToMarkdown(a, b)).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command PackRebase()
    {
        var derived = new Argument<string>("derived-folder") { Description = "The derived pack folder (written by 'standards pack-derive')." };
        var from = new Option<string>("--from") { Description = "The pack folder it was derived from (the old parent).", Required = true };
        var onto = new Option<string>("--onto") { Description = "The folder of a newer version of that pack (the new parent).", Required = true };
        var output = new Option<string>("--output") { Description = "The folder to write the rebased pack to (missing or empty, or any folder but the inputs with --force).", Required = true };
        var force = new Option<bool>("--force") { Description = "Write into an --output folder that is not empty (its pack files are replaced)." };
        var command = new Command("pack-rebase", "Replay a derived pack's edits on a newer version of its parent and write the rebased pack as a folder; conflicts are listed on stderr and nothing is written (exit 4).");
        command.Arguments.Add(derived);
        command.Options.Add(from);
        command.Options.Add(onto);
        command.Options.Add(output);
        command.Options.Add(force);
        command.SetAction(async (CommandContext ctx, CancellationToken ct) =>
        {
            OutputPaths.CheckFolder(ctx.GetValue(output)!, ctx.GetValue(force), ctx.GetValue(derived)!, ctx.GetValue(from)!, ctx.GetValue(onto)!);
            var child = await ReadPackAsync(ctx.GetValue(derived)!, ct).ConfigureAwait(false);
            if (child.DerivedFrom is null)
            {
                throw new CliUsageException($"{child.Reference} is not a derived pack (it has no derivedFrom).");
            }

            var oldParent = await ReadPackAsync(ctx.GetValue(from)!, ct).ConfigureAwait(false);
            var newParent = await ReadPackAsync(ctx.GetValue(onto)!, ct).ConfigureAwait(false);
            var result = PackFranchise.Rebase(child, oldParent, newParent);
            if (!result.IsClean)
            {
                return await ReportConflictsAsync(ctx, [.. result.Conflicts.Select(c => (c.EditIndex, c.Edit, c.Detail))], $"pack-derive again from {newParent.Reference}").ConfigureAwait(false);
            }

            var rebased = result.Rebased!;
            await PackFolder.ExportAsync(rebased, ctx.GetValue(output)!, ctx.GetValue(force), ct).ConfigureAwait(false);
            await ctx.Error.WriteLineAsync($"Wrote {rebased.Reference} (rebased from {oldParent.Reference} onto {newParent.Reference}, {rebased.DerivedFrom!.Edits.Count} edit(s)) to {ctx.GetValue(output)}.").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<int> ReportConflictsAsync(CommandContext ctx, IReadOnlyList<(int EditIndex, string Edit, string Detail)> conflicts, string thenWhat)
    {
        foreach (var conflict in conflicts)
        {
            await ctx.Error.WriteLineAsync($"conflict: edit {(conflict.EditIndex + 1).ToString(CultureInfo.InvariantCulture)} ({conflict.Edit}): {conflict.Detail}").ConfigureAwait(false);
        }

        await ctx.Error.WriteLineAsync($"{conflicts.Count} conflict(s); nothing was rebased. Resolve them by changing the edits, then {thenWhat}.").ConfigureAwait(false);
        return ExitCodes.InvalidInput;
    }

    private static Task<PeerGroupPack> ReadPackAsync(string folder, CancellationToken ct) =>
        Directory.Exists(folder)
            ? PackFolder.ImportAsync(folder, ct)
            : throw new CliUsageException($"Folder '{folder}' does not exist.");

    private static async Task WriteStandardAsync(CommandContext ctx, StandardVersion standard, string? path, CancellationToken ct)
    {
        var text = ServiceStandardJson.Serialize(standard);
        if (path is null)
        {
            await ctx.Output.WriteLineAsync(text).ConfigureAwait(false);
        }
        else
        {
            await OutputPaths.WriteFileAsync(path, text + Environment.NewLine, ct).ConfigureAwait(false);
            await ctx.Error.WriteLineAsync($"Wrote {path}.").ConfigureAwait(false);
        }
    }

    private static string Name(StandardStatus status) => status switch
    {
        StandardStatus.Draft => "draft",
        StandardStatus.Current => "current",
        _ => "superseded",
    };

    private static string Name(StandardKind kind) => kind switch
    {
        StandardKind.Principles => "principles",
        StandardKind.Checklist => "checklist",
        _ => "points",
    };
}
