using System.CommandLine;
using System.Text.Json.Serialization.Metadata;
using LocalGov.Cli.Infrastructure;
using LocalGov.Cli.ModernGov;
using LocalGov.ModernGov;

namespace LocalGov.Cli.Commands;

/// <summary>The <c>localgov moderngov</c> group: one command per public Modern.Gov web-service operation.</summary>
internal static class ModernGovCommands
{
    public static Command Create()
    {
        var group = new Command("moderngov", "Query a council's Modern.Gov web service (councillors, committees, meetings, elections, parish councils).");
        var json = ModernGovJsonContext.Default;

        group.Subcommands.Add(Make("councillors-by-ward", "Every ward with its councillors (GetCouncillorsByWard).", [],
            (_, c, ct) => c.GetCouncillorsByWardAsync(ct), json.IReadOnlyListModernGovWard, ModernGovTextOutput.Wards));

        var ward = new Option<long>("--ward") { Description = "The ward id (lWardId).", Required = true };
        group.Subcommands.Add(Make("councillors-by-ward-id", "The councillors of one ward (GetCouncillorsByWardId).", [ward],
            (ctx, c, ct) => c.GetCouncillorsByWardIdAsync(ctx.GetValue(ward), ct), json.IReadOnlyListModernGovWard, ModernGovTextOutput.Wards));

        var postcode = new Option<string>("--postcode") { Description = "The postcode, e.g. 'M1 1AA'.", Required = true };
        group.Subcommands.Add(Make("councillors-by-postcode", "The councillors for a postcode (GetCouncillorsByPostcode).", [postcode],
            (ctx, c, ct) => c.GetCouncillorsByPostcodeAsync(ctx.GetValue(postcode)!, ct), json.IReadOnlyListModernGovWard, ModernGovTextOutput.Wards));

        group.Subcommands.Add(Make("committees", "Every committee (GetCommittees).", [],
            (_, c, ct) => c.GetCommitteesAsync(ct), json.IReadOnlyListModernGovCommittee, ModernGovTextOutput.Committees));

        var user = new Option<long>("--user") { Description = "The member id (lUserId).", Required = true };
        group.Subcommands.Add(Make("committees-by-user", "The committees a member sits on (GetCommitteesByUser).", [user],
            (ctx, c, ct) => c.GetCommitteesByUserAsync(ctx.GetValue(user), ct), json.IReadOnlyListModernGovCommittee, ModernGovTextOutput.Committees));

        var committee = new Option<long?>("--committee") { Description = "The committee id (lCommitteeId); all committees when left out." };
        var from = new Option<string?>("--from") { Description = "The first date, yyyy-MM-dd." };
        var to = new Option<string?>("--to") { Description = "The last date, yyyy-MM-dd." };
        group.Subcommands.Add(Make("meetings", "Meetings of a committee between two dates (GetMeetings).", [committee, from, to],
            (ctx, c, ct) => c.GetMeetingsAsync(ctx.GetValue(committee), Date(ctx, from), Date(ctx, to), ct), json.IReadOnlyListModernGovMeetingSummary, ModernGovTextOutput.Meetings));

        var meeting = new Option<long>("--meeting") { Description = "The meeting id (lMeetingId).", Required = true };
        group.Subcommands.Add(Make("meeting", "One meeting with its agenda, documents and attendees (GetMeeting).", [meeting],
            (ctx, c, ct) => c.GetMeetingAsync(ctx.GetValue(meeting), ct), json.ModernGovMeeting, ModernGovTextOutput.Meeting));

        var committee2 = new Option<long?>("--committee") { Description = "The committee id; all committees when left out." };
        var from2 = new Option<string?>("--from") { Description = "The first date, yyyy-MM-dd." };
        var to2 = new Option<string?>("--to") { Description = "The last date, yyyy-MM-dd." };
        var descending = new Option<bool>("--descending") { Description = "Newest first." };
        group.Subcommands.Add(Make("all-meetings-by-date", "Meetings of every committee between two dates (GetAllMeetingsByDate).", [committee2, from2, to2, descending],
            (ctx, c, ct) => c.GetAllMeetingsByDateAsync(Date(ctx, from2), Date(ctx, to2), ctx.GetValue(committee2), !ctx.GetValue(descending), ct), json.IReadOnlyListModernGovMeetingSummary, ModernGovTextOutput.Meetings));

        var from3 = new Option<string?>("--from") { Description = "The first date, yyyy-MM-dd." };
        var to3 = new Option<string?>("--to") { Description = "The last date, yyyy-MM-dd." };
        var user3 = new Option<long?>("--user") { Description = "Read this member's calendar instead of the council's." };
        group.Subcommands.Add(Make("calendar-events", "Calendar entries between two dates (GetCalendarEvents).", [from3, to3, user3],
            (ctx, c, ct) => c.GetCalendarEventsAsync(Date(ctx, from3), Date(ctx, to3), ctx.GetValue(user3) is null, ctx.GetValue(user3), ct), json.IReadOnlyListModernGovCalendarEvent, ModernGovTextOutput.CalendarEvents));

        var committee4 = new Option<long?>("--committee") { Description = "The committee id; all committees when left out." };
        var from4 = new Option<string?>("--from") { Description = "The first date, yyyy-MM-dd." };
        var to4 = new Option<string?>("--to") { Description = "The last date, yyyy-MM-dd." };
        group.Subcommands.Add(Make("webcast-meetings", "Webcast meetings (GetWebCastMeetings).", [committee4, from4, to4],
            (ctx, c, ct) => c.GetWebcastMeetingsAsync(ctx.GetValue(committee4), Date(ctx, from4), Date(ctx, to4), ct), json.IReadOnlyListModernGovMeetingSummary, ModernGovTextOutput.Meetings));

        var from5 = new Option<string?>("--from") { Description = "Deleted since this date, yyyy-MM-dd." };
        group.Subcommands.Add(Make("deleted-webcast-meetings", "Webcasts deleted since a date (GetDeletedWebcastMeetings).", [from5],
            (ctx, c, ct) => c.GetDeletedWebcastMeetingsAsync(Date(ctx, from5), ct), json.IReadOnlyListModernGovMeetingSummary, ModernGovTextOutput.Meetings));

        var election = new Option<long>("--election") { Description = "The election id (lElectionId).", Required = true };
        group.Subcommands.Add(Make("election-results", "One election's candidates, votes and areas (GetElectionResults).", [election],
            (ctx, c, ct) => c.GetElectionResultsAsync(ctx.GetValue(election), ct), json.ModernGovElectionResult, ModernGovTextOutput.Election));

        var groupName = new Option<string?>("--group") { Description = "The group's short name (sShortName); all members when left out." };
        var order = new Option<string?>("--order") { Description = "The sort order (sOrder)." };
        group.Subcommands.Add(Make("member-group", "Members, optionally of one group (GetMemberGroup).", [groupName, order],
            (ctx, c, ct) => c.GetMemberGroupAsync(ctx.GetValue(groupName), ctx.GetValue(order), ct), json.IReadOnlyListModernGovCouncillor, ModernGovTextOutput.Members));

        var meps = new Option<bool>("--meps") { Description = "MEPs instead of MPs." };
        group.Subcommands.Add(Make("mps-and-wards", "MPs (or MEPs) with their wards (GetMpOrMepsAndWards).", [meps],
            (ctx, c, ct) => c.GetMpsOrMepsAndWardsAsync(!ctx.GetValue(meps), ct), json.IReadOnlyListModernGovMpOrMep, ModernGovTextOutput.Mps));

        var postcode6 = new Option<string>("--postcode") { Description = "The postcode.", Required = true };
        var meps6 = new Option<bool>("--meps") { Description = "MEPs instead of MPs." };
        group.Subcommands.Add(Make("mp-by-postcode", "The MP (or MEP) for a postcode with their wards (GetMpOrMepAndWardsByPostcode).", [postcode6, meps6],
            (ctx, c, ct) => c.GetMpOrMepAndWardsByPostcodeAsync(ctx.GetValue(postcode6)!, !ctx.GetValue(meps6), ct), json.IReadOnlyListModernGovMpOrMep, ModernGovTextOutput.Mps));

        group.Subcommands.Add(Make("parish-councils", "Parish and town councils with clerk contacts (GetParishCouncils).", [],
            (_, c, ct) => c.GetParishCouncilsAsync(ct), json.IReadOnlyListModernGovParishCouncil, ModernGovTextOutput.ParishCouncils));

        var attachment = new Option<long>("--attachment") { Description = "The attachment id (lAttachmentId).", Required = true };
        group.Subcommands.Add(Make("attachment", "One document's details (GetAttachment).", [attachment],
            (ctx, c, ct) => c.GetAttachmentAsync(ctx.GetValue(attachment), ct), json.ModernGovDocument, ModernGovTextOutput.Document));

        return group;
    }

    private static DateOnly? Date(CommandContext context, Option<string?> option) => ModernGovCliOptions.ParseDate(context.GetValue(option), option.Name);

    private static Command Make<T>(
        string name,
        string description,
        Option[] options,
        Func<CommandContext, IModernGovClient, CancellationToken, Task<T>> call,
        JsonTypeInfo<T> json,
        Action<TextWriter, T> text)
    {
        var command = new Command(name, description);
        var common = new ModernGovCliOptions();
        common.AddTo(command);
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (context, cancellationToken) =>
        {
            var (provider, client) = common.CreateClient(context);
            await using (provider.ConfigureAwait(false))
            {
                var result = await call(context, client, cancellationToken).ConfigureAwait(false);
                if (context.GetValue(common.Json))
                {
                    await context.WriteJsonAsync(result, json).ConfigureAwait(false);
                }
                else
                {
                    text(context.Output, result);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
