using System.Globalization;
using LocalGov.ModernGov;

namespace UpcomingMeetings;

/// <summary>Lists a council's meetings in the coming week (or --days N), from its Modern.Gov web service.</summary>
public static class MeetingLister
{
    private const string Usage = """
        Usage: UpcomingMeetings <modern.gov base url> [--days <n>]

          <base url>   The council's Modern.Gov address, e.g. https://democracy.example.gov.uk/
                       (the folder holding mgWebService.asmx; the registry in LocalGov.ModernGov lists 300+ councils).
          --days       How many days ahead, from today (default 7).
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider clock, HttpMessageHandler? handler = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(clock);
        Uri? baseUrl = null;
        var days = 7;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "-h" or "--help")
            {
                await output.WriteLineAsync(Usage);
                return 0;
            }

            if (args[i] == "--days" && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out days) && days is >= 1 and <= 366)
            {
                i++;
            }
            else if (baseUrl is null && Uri.TryCreate(args[i], UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            {
                baseUrl = url;
            }
            else
            {
                await error.WriteLineAsync($"error: unexpected argument '{args[i]}' (--days takes 1 to 366; the base URL must be http or https).\n\n{Usage}");
                return 1;
            }
        }

        if (baseUrl is null)
        {
            await error.WriteLineAsync($"error: give the council's Modern.Gov base URL.\n\n{Usage}");
            return 1;
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var until = today.AddDays(days - 1);
        using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        var client = new ModernGovClient(http, new ModernGovCouncilOptions { BaseUrl = baseUrl });
        IReadOnlyList<ModernGovMeetingSummary> meetings;
        try
        {
            meetings = await client.GetMeetingsAsync(fromDate: today, toDate: until, cancellationToken: cancellationToken);
        }
        catch (ModernGovException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return ex is ModernGovNotFoundException ? 3 : 2;
        }

        var upcoming = meetings
            .Where(m => m.Date is { } d && d >= today && d <= until)
            .OrderBy(m => m.Date).ThenBy(m => m.Time ?? TimeOnly.MinValue).ThenBy(m => m.CommitteeTitle, StringComparer.Ordinal)
            .ToList();
        var uk = CultureInfo.GetCultureInfo("en-GB");
        await output.WriteLineAsync($"Meetings from {today.ToString("dddd d MMMM yyyy", uk)} to {until.ToString("dddd d MMMM yyyy", uk)}: {upcoming.Count}");
        foreach (var meeting in upcoming)
        {
            var when = meeting.Date!.Value.ToString("ddd d MMM", uk) + (meeting.Time is { } t ? " " + t.ToString("HH:mm", uk) : "      ");
            var details = string.Join(", ", new[] { meeting.Location, meeting.Status }.Where(s => !string.IsNullOrWhiteSpace(s)));
            await output.WriteLineAsync($"{when}  {meeting.CommitteeTitle ?? "(untitled committee)"}{(details.Length > 0 ? $" ({details})" : "")}");
        }

        return 0;
    }
}
