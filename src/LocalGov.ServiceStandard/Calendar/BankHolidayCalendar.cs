using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LocalGov.ServiceStandard.Assessments;

/// <summary>
/// UK bank holidays from an official list in GOV.UK's <c>bank-holidays.json</c> format (<c>https://www.gov.uk/bank-holidays.json</c>),
/// falling back to the rules (<see cref="UkBankHolidays"/>) for the years the list does not cover. For the years both
/// cover they are compared when the list is loaded: each difference is logged and kept in <see cref="Differences"/>,
/// and the list wins (it knows holidays proclaimed after this package was built).
/// <see cref="Snapshot"/> is the list shipped inside the package (see the README for where it comes from).
/// </summary>
public sealed partial class BankHolidayCalendar
{
    private const string SnapshotResource = "LocalGov.ServiceStandard.Calendar.bank-holidays.json";

    private static readonly Lazy<BankHolidayCalendar> LazySnapshot = new(LoadSnapshot);
    private static readonly Lazy<BankHolidayCalendar> LazyRules = new(() => new BankHolidayCalendar("rules", new Dictionary<UkNation, Dictionary<int, List<BankHoliday>>>(), []));

    private readonly Dictionary<UkNation, Dictionary<int, List<BankHoliday>>> _listed;

    private BankHolidayCalendar(string source, Dictionary<UkNation, Dictionary<int, List<BankHoliday>>> listed, IReadOnlyList<BankHolidayDifference> differences)
    {
        Source = source;
        _listed = listed;
        Differences = differences;
    }

    /// <summary>The rules alone, with no list.</summary>
    public static BankHolidayCalendar Rules => LazyRules.Value;

    /// <summary>The list embedded in this package, with the rules beyond its years.</summary>
    public static BankHolidayCalendar Snapshot => LazySnapshot.Value;

    /// <summary>Where the list came from (a file, a URL, <c>snapshot</c>, or <c>rules</c>).</summary>
    public string Source { get; }

    /// <summary>Where the list and the rules disagree, for the years both cover, in date order.</summary>
    public IReadOnlyList<BankHolidayDifference> Differences { get; }

    /// <summary>The years the list covers for <paramref name="nation"/>, in order (empty for <see cref="Rules"/>).</summary>
    /// <param name="nation">The nation.</param>
    /// <returns>The years.</returns>
    public IReadOnlyList<int> ListedYears(UkNation nation) => _listed.TryGetValue(nation, out var years) ? [.. years.Keys.Order()] : [];

    /// <summary>The bank holidays of one year: the list's when it covers the year, else the rules'.</summary>
    /// <param name="nation">The nation.</param>
    /// <param name="year">The year (from <see cref="UkBankHolidays.FirstSupportedYear"/> where the list does not cover it).</param>
    /// <returns>The holidays in date order.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The list does not cover the year and the rules do not either.</exception>
    public IReadOnlyList<BankHoliday> For(UkNation nation, int year) =>
        _listed.TryGetValue(nation, out var years) && years.TryGetValue(year, out var holidays) ? holidays : UkBankHolidays.For(nation, year);

    /// <summary>Whether <paramref name="date"/> is a bank holiday in <paramref name="nation"/>.</summary>
    /// <param name="nation">The nation.</param>
    /// <param name="date">The day.</param>
    /// <returns>True for a bank holiday, including a substitute day.</returns>
    public bool IsBankHoliday(UkNation nation, DateOnly date) => For(nation, date.Year).Any(h => h.Date == date);

    /// <summary>Reads a list in GOV.UK's format from a file.</summary>
    /// <param name="path">The file, e.g. a saved <c>bank-holidays.json</c>.</param>
    /// <param name="logger">Where differences from the rules are logged; null for nowhere.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="InvalidDocumentException">The file is not GOV.UK's format.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static BankHolidayCalendar Load(string path, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Parse(File.ReadAllBytes(path), path, logger);
    }

    /// <summary>Reads a list in GOV.UK's format.</summary>
    /// <param name="json">The UTF-8 JSON: <c>{"england-and-wales": {"division": …, "events": [{"title", "date", "notes", "bunting"}]}, "scotland": …, "northern-ireland": …}</c>.</param>
    /// <param name="source">Where it came from, for messages.</param>
    /// <param name="logger">Where differences from the rules are logged; null for nowhere.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="InvalidDocumentException">The JSON is not GOV.UK's format.</exception>
    public static BankHolidayCalendar Parse(ReadOnlySpan<byte> json, string source, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        logger ??= NullLogger.Instance;
        var listed = new Dictionary<UkNation, Dictionary<int, List<BankHoliday>>>();
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDocumentException(source, null, "expected a JSON object keyed by division (england-and-wales, scotland, northern-ireland)");
            }

            foreach (var division in document.RootElement.EnumerateObject())
            {
                if (Division(division.Name) is not { } nation)
                {
                    continue; // A division this package does not know is ignored rather than failing the whole list.
                }

                if (!division.Value.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
                {
                    throw new InvalidDocumentException(source, division.Name, "the division has no \"events\" array");
                }

                var years = new Dictionary<int, List<BankHoliday>>();
                var index = 0;
                foreach (var item in events.EnumerateArray())
                {
                    var location = $"{division.Name}.events[{index++}]";
                    var title = item.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                    var dateText = item.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
                    if (string.IsNullOrWhiteSpace(title) || !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    {
                        throw new InvalidDocumentException(source, location, $"each event needs a \"title\" and a \"date\" as yyyy-MM-dd (got {dateText ?? "none"})");
                    }

                    var notes = item.TryGetProperty("notes", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
                    var name = notes is not null && notes.Contains("substitute", StringComparison.OrdinalIgnoreCase) ? title + " (substitute day)" : title;
                    if (!years.TryGetValue(date.Year, out var list))
                    {
                        years[date.Year] = list = [];
                    }

                    list.Add(new BankHoliday(date, name));
                }

                foreach (var list in years.Values)
                {
                    list.Sort((a, b) => a.Date.CompareTo(b.Date));
                }

                listed[nation] = years;
            }
        }
        catch (JsonException ex)
        {
            throw new InvalidDocumentException(source, null, $"not JSON: {ex.Message}", ex);
        }

        var differences = Compare(listed);
        foreach (var difference in differences)
        {
            if (difference.InOfficialList)
            {
                LogOnlyInList(logger, source, difference.Nation, difference.Date, difference.Name);
            }
            else
            {
                LogOnlyInRules(logger, source, difference.Nation, difference.Date, difference.Name);
            }
        }

        return new BankHolidayCalendar(source, listed, differences);
    }

    private static List<BankHolidayDifference> Compare(Dictionary<UkNation, Dictionary<int, List<BankHoliday>>> listed)
    {
        var differences = new List<BankHolidayDifference>();
        foreach (var (nation, years) in listed)
        {
            foreach (var (year, holidays) in years)
            {
                if (year < UkBankHolidays.FirstSupportedYear || year > 9998)
                {
                    continue;
                }

                var rules = UkBankHolidays.For(nation, year);
                differences.AddRange(holidays.Where(h => !rules.Any(r => r.Date == h.Date)).Select(h => new BankHolidayDifference(nation, h.Date, h.Name, true)));
                differences.AddRange(rules.Where(r => !holidays.Any(h => h.Date == r.Date)).Select(r => new BankHolidayDifference(nation, r.Date, r.Name, false)));
            }
        }

        differences.Sort((a, b) => a.Date != b.Date ? a.Date.CompareTo(b.Date) : a.Nation.CompareTo(b.Nation));
        return differences;
    }

    private static UkNation? Division(string name) => name switch
    {
        "england-and-wales" => UkNation.EnglandAndWales,
        "scotland" => UkNation.Scotland,
        "northern-ireland" => UkNation.NorthernIreland,
        _ => null,
    };

    private static BankHolidayCalendar LoadSnapshot()
    {
        using var stream = typeof(BankHolidayCalendar).Assembly.GetManifestResourceStream(SnapshotResource)
            ?? throw new InvalidOperationException($"The embedded resource {SnapshotResource} is missing (a packaging bug).");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), "snapshot");
    }

    [LoggerMessage(EventId = 1901, EventName = "BankHolidayOnlyInList", Level = LogLevel.Warning, Message = "Bank holidays: {Source} lists {Date:yyyy-MM-dd} ({Name}) in {Nation}, which the rules do not know; the list wins")]
    private static partial void LogOnlyInList(ILogger logger, string source, UkNation nation, DateOnly date, string name);

    [LoggerMessage(EventId = 1902, EventName = "BankHolidayOnlyInRules", Level = LogLevel.Warning, Message = "Bank holidays: the rules give {Date:yyyy-MM-dd} ({Name}) in {Nation}, which {Source} does not list; the list wins")]
    private static partial void LogOnlyInRules(ILogger logger, string source, UkNation nation, DateOnly date, string name);
}
