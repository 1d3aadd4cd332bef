using System.CommandLine;
using System.Globalization;
using LocalGov.Cli.Infrastructure;
using LocalGov.Cli.Standards;
using LocalGov.ServiceStandard.Assessments;
using LocalGov.ServiceStandard.Catalogue;
using LocalGov.ServiceStandard.Import;
using LocalGov.ServiceStandard.Reports;
using LocalGov.ServiceStandard.Serialization;

namespace LocalGov.Cli.Commands;

/// <summary>The <c>localgov assessment</c> group.</summary>
internal static class AssessmentCommands
{
    public static Command Create()
    {
        var group = new Command("assessment", "Import, render and work with service assessments.");
        group.Subcommands.Add(ImportGds());
        group.Subcommands.Add(Render());
        group.Subcommands.Add(Status());
        return group;
    }

    private static Command ImportGds()
    {
        var file = new Argument<string>("reports") { Description = "A GDS service-standard-reports.json file (array of {original_url, title, summary, body})." };
        var json = new Option<bool>("--json") { Description = "Print an array of assessments: title, department, stage, result, date (ISO), points (number, outcome)." };
        var full = new Option<bool>("--full") { Description = "With --json: print complete assessment documents (for 'assessment render')." };
        var command = new Command("import-gds", "Import the GDS 2014-16 assessment reports; unreadable reports are listed on stderr.");
        command.Arguments.Add(file);
        command.Options.Add(json);
        command.Options.Add(full);
        command.SetAction(async (CommandContext ctx, CancellationToken ct) =>
        {
            var path = ctx.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new CliUsageException($"File '{path}' does not exist.");
            }

            var result = await GdsReportImporter.ImportFileAsync(path, ct).ConfigureAwait(false);
            foreach (var error in result.Errors)
            {
                await ctx.Error.WriteLineAsync("error: " + error).ConfigureAwait(false);
            }

            if (ctx.GetValue(json) && ctx.GetValue(full))
            {
                await ctx.WriteJsonAsync<IReadOnlyList<Assessment>>([.. result.Reports.Select(r => r.Assessment)], ServiceStandardJsonContext.Default.IReadOnlyListAssessment).ConfigureAwait(false);
            }
            else if (ctx.GetValue(json))
            {
                await ctx.WriteJsonAsync<IReadOnlyList<ImportedAssessment>>([.. result.Reports.Select(Summarise)], StandardsCliJsonContext.Default.IReadOnlyListImportedAssessment).ConfigureAwait(false);
            }
            else
            {
                foreach (var report in result.Reports)
                {
                    await ctx.Output.WriteLineAsync($"{Iso(report.Date) ?? "????-??-??"}  {Stage(report.Stage) ?? "?",-12} {TerminalText.Clean(report.Result) ?? "?",-20} {TerminalText.Clean(report.Department) ?? "?",-24} {TerminalText.Clean(report.Title)}").ConfigureAwait(false);
                }
            }

            var s = result.Statistics;
            await ctx.Error.WriteLineAsync($"{s.Imported} of {s.Total} reports imported; stage {s.WithStage}, result {s.WithResult}, date {s.WithDate}, all three {s.WithStageResultAndDate}; per-point outcomes in {s.WithPointOutcomes}.").ConfigureAwait(false);
            return result.Reports.Count == 0 && result.Errors.Count > 0 ? ExitCodes.InvalidInput : ExitCodes.Success;
        });
        return command;
    }

    private static Command Render()
    {
        var file = new Argument<string>("assessment") { Description = "An assessment JSON document." };
        var format = new Option<string>("--format") { Description = "md or html.", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "html");
        var standardOption = new Option<string?>("--standard") { Description = "The assessed standard as a JSON file, when it is not in the catalogue." };
        var command = new Command("render", "Render an assessment as a GOV.UK-style report in Markdown or accessible HTML.");
        command.Arguments.Add(file);
        command.Options.Add(format);
        command.Options.Add(standardOption);
        command.SetAction(async (CommandContext ctx, CancellationToken ct) =>
        {
            var path = ctx.GetValue(file)!;
            var assessment = ServiceStandardJson.DeserializeAssessment(await StandardSources.ReadFileAsync(path, ct).ConfigureAwait(false), path);
            var catalog = StandardCatalog.LoadBuiltIn();
            var standard = ctx.GetValue(standardOption) is { } standardPath
                ? await StandardSources.ResolveAsync(catalog, standardPath, ct).ConfigureAwait(false)
                : catalog.Find(assessment.Standard);
            if (standard is null)
            {
                await ctx.Error.WriteLineAsync($"warning: {assessment.Standard} is not in the catalogue; point titles are not shown (pass --standard).").ConfigureAwait(false);
            }

            var scheme = OutcomeSchemeRegistry.CreateDefault().Get(assessment.Scheme);
            var text = string.Equals(ctx.GetValue(format), "html", StringComparison.Ordinal)
                ? AssessmentReportRenderer.RenderHtml(assessment, scheme, standard)
                : AssessmentReportRenderer.RenderMarkdown(assessment, scheme, standard);
            await ctx.Output.WriteAsync(text).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Status()
    {
        var file = new Argument<string>("assessment") { Description = "An assessment JSON document." };
        var on = new Option<string?>("--on") { Description = "The day to report on, yyyy-MM-dd (default: today)." };
        var json = new Option<bool>("--json") { Description = "Print the status as JSON: asOf, state, finalisedOn, deadline, workingDaysLeft or workingDaysOverdue, respondedOn, respondedOnTime." };
        var command = new Command("status", "Where an assessment is in the finalise, then accept-or-challenge workflow: state, response deadline, working days left or overdue. Exit code 0 whatever the state.");
        command.Arguments.Add(file);
        command.Options.Add(on);
        command.Options.Add(json);
        command.SetAction(async (CommandContext ctx, CancellationToken ct) =>
        {
            var path = ctx.GetValue(file)!;
            var assessment = ServiceStandardJson.DeserializeAssessment(await StandardSources.ReadFileAsync(path, ct).ConfigureAwait(false), path);
            var status = ctx.GetValue(on) is { } day
                ? AssessmentResponseWorkflow.Status(assessment, ParseDay(day))
                : AssessmentResponseWorkflow.Status(assessment, TimeProvider.System);
            if (ctx.GetValue(json))
            {
                await ctx.WriteJsonAsync(status, ServiceStandardJsonContext.Default.AssessmentStatus).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            await ctx.Output.WriteLineAsync($"{TerminalText.Clean(assessment.Id)}: {StateLabel(status.State)} as of {Iso(status.AsOf)}").ConfigureAwait(false);
            if (assessment.Finalisation is { } finalisation && status.Deadline is { } deadline)
            {
                var days = finalisation.ResponseWorkingDays ?? AssessmentResponseWorkflow.DefaultResponseWorkingDays;
                await ctx.Output.WriteLineAsync($"Finalised: {Iso(finalisation.Date)} by {TerminalText.Clean(finalisation.LeadAssessor)}").ConfigureAwait(false);
                await ctx.Output.WriteLineAsync($"Deadline: {Iso(deadline)} ({days} working days, {NationName(finalisation.Nation)} bank holidays{(finalisation.ClosureDays.Count > 0 ? " and closure days" : string.Empty)} excluded)").ConfigureAwait(false);
            }

            if (status.WorkingDaysLeft is { } left)
            {
                await ctx.Output.WriteLineAsync($"Working days left: {left}{(left == 0 ? " (the deadline is today)" : string.Empty)}").ConfigureAwait(false);
            }

            if (status.WorkingDaysOverdue is { } overdue)
            {
                await ctx.Output.WriteLineAsync($"Overdue by: {overdue} working day{(overdue == 1 ? string.Empty : "s")}").ConfigureAwait(false);
            }

            if (status.RespondedOn is { } respondedOn)
            {
                await ctx.Output.WriteLineAsync($"Responded: {Iso(respondedOn)} ({(status.RespondedOnTime == true ? "on time" : "late")})").ConfigureAwait(false);
                foreach (var challenge in assessment.Response!.Challenges)
                {
                    await ctx.Output.WriteLineAsync($"Challenged point {challenge.Number}: {TerminalText.Clean(challenge.Reason)}").ConfigureAwait(false);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static DateOnly ParseDay(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new CliUsageException($"--on '{text}' is not a date in the form yyyy-MM-dd.");

    private static string StateLabel(AssessmentState state) => state switch
    {
        AssessmentState.Draft => "draft",
        AssessmentState.AwaitingResponse => "awaiting response",
        AssessmentState.Accepted => "accepted",
        AssessmentState.Challenged => "challenged",
        _ => "response overdue",
    };

    private static string NationName(UkNation nation) => nation switch
    {
        UkNation.Scotland => "Scotland",
        UkNation.NorthernIreland => "Northern Ireland",
        _ => "England and Wales",
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static ImportedAssessment Summarise(GdsImportedReport report) => new(
        report.Assessment.Id,
        report.Title,
        report.Department,
        Stage(report.Stage),
        report.Result,
        Iso(report.Date),
        [.. report.Assessment.Points.Where(p => p.Outcome is not null).Select(p => new ImportedPoint(p.Number, p.Outcome))],
        report.Assessment.Standard.ToString(),
        report.ResultSource switch
        {
            GdsResultSource.Stated => "stated",
            GdsResultSource.OutcomeText => "outcome-text",
            GdsResultSource.CriteriaTable => "criteria-table",
            _ => null,
        },
        report.IsReassessment,
        report.Original?.StatedResult,
        Iso(report.Original?.Date),
        report.Url?.AbsoluteUri);

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Stage(ServicePhase? phase) => phase switch
    {
        ServicePhase.Discovery => "discovery",
        ServicePhase.Alpha => "alpha",
        ServicePhase.Beta => "beta",
        ServicePhase.PrivateBeta => "private-beta",
        ServicePhase.PublicBeta => "public-beta",
        ServicePhase.Live => "live",
        _ => null,
    };
}
