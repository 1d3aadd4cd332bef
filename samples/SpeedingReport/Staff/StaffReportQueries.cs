using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SpeedingReport.Delivery;
using SpeedingReport.Location;
using SpeedingReport.Reports;
using SpeedingReport.Routing;
using SpeedingReport.Storage;

namespace SpeedingReport.Staff;

/// <summary>What the staff pages read: the filtered list (a page of it, or all of it for the export) and one report in full.</summary>
public sealed class StaffReportQueries(IReportsDbContextFactory factory, AreaResolver areas, RoutingConfiguration routing)
{
    private readonly Dictionary<string, string> _areaNames = AreaNames(areas);

    /// <summary>Newest first.</summary>
    public async Task<StaffReportPage> ListAsync(StaffReportFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await using var db = await factory.CreateAsync(cancellationToken);
        var query = Filtered(db, filter);
        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await RowsAsync(db, query.Skip((page - 1) * pageSize).Take(pageSize), cancellationToken);
        return new StaffReportPage(rows, page, pageSize, total);
    }

    /// <summary>Every report the filter matches, newest first (the export).</summary>
    public async Task<IReadOnlyList<StaffReportRow>> AllAsync(StaffReportFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await factory.CreateAsync(cancellationToken);
        return await RowsAsync(db, Filtered(db, filter), cancellationToken);
    }

    /// <summary>The bodies reports have gone to, for the list's filter.</summary>
    public async Task<IReadOnlyList<string>> BodiesAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateAsync(cancellationToken);
        var names = await db.Reports.AsNoTracking().Select(r => r.RecipientName).Distinct().ToListAsync(cancellationToken);
        return [.. names.Order(StringComparer.Ordinal)];
    }

    /// <summary>One report in full; null when no report has the reference.</summary>
    public async Task<StaffReportDetail?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateAsync(cancellationToken);
        var report = await db.Reports.AsNoTracking().AsSplitQuery()
            .Include(r => r.Deliveries).ThenInclude(d => d.Attempts)
            .FirstOrDefaultAsync(r => r.Reference == reference, cancellationToken);
        if (report is null)
        {
            return null;
        }

        var actions = await db.StaffActions.AsNoTracking().Where(a => a.ReportId == report.Id).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        ReportSubmission? submission = null;
        string? error = null;
        try
        {
            submission = JsonSerializer.Deserialize(report.SubmissionJson, ReportSubmissionJson.Default.ReportSubmission);
        }
        catch (JsonException ex)
        {
            error = $"The stored report cannot be read: {ex.Message}";
        }

        var deliveries = report.Deliveries.OrderBy(d => d.CreatedAt).ThenBy(d => d.Kind).ToList();
        foreach (var delivery in deliveries)
        {
            delivery.Attempts.Sort((a, b) => a.Number.CompareTo(b.Number));
        }

        return new StaffReportDetail
        {
            Report = report,
            Submission = submission,
            SubmissionError = error,
            Area = AreaOf(report.ParishCode, report.DistrictCode),
            State = StateOf(report.ClosedAt, deliveries.Select(d => (d.Kind, d.CreatedAt, d.Status))),
            RoutingAnswers = submission is null ? [] : Answers(submission),
            Rule = DescribeRule(report.RuleIndex),
            Deliveries = deliveries,
            Actions = actions,
        };
    }

    /// <summary>The routing file's rule at this index, in words: the conditions, the location, and the body.</summary>
    public string DescribeRule(int index)
    {
        var rules = routing.Rules;
        if (index < 0 || index >= rules.Count)
        {
            return $"Rule {index + 1}: the routing file no longer has this rule (it has {rules.Count}).";
        }

        var rule = rules[index];
        var conditions = new List<string>();
        if (rule.InParish is { } inParish)
        {
            conditions.Add(inParish ? "the location is in a parish" : "the location is not in a parish");
        }

        foreach (var (questionId, element) in rule.When)
        {
            var question = routing.FindQuestion(questionId);
            var values = element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().Select(v => v.GetString() ?? "") : [element.GetString() ?? ""];
            var texts = values.Select(v => question?.Options.FirstOrDefault(o => o.Value == v)?.Text ?? v);
            conditions.Add($"“{question?.ShortText ?? question?.Text ?? questionId}” is {string.Join(" or ", texts.Select(t => $"“{t}”"))}");
        }

        var when = conditions.Count == 0 ? "always (the catch-all)" : "when " + string.Join(" and ", conditions);
        var body = rule.DealtWithBy == ResponsibleBody.Parish ? "the parish council" : "the district council";
        return string.Create(CultureInfo.InvariantCulture, $"Rule {index + 1} of {rules.Count}: {when}, {body} deals with it.");
    }

    /// <summary>The report's state from its deliveries: only the latest of each kind counts.</summary>
    public static StaffReportState StateOf(DateTimeOffset? closedAt, IEnumerable<(DeliveryKind Kind, DateTimeOffset CreatedAt, DeliveryStatus Status)> deliveries)
    {
        if (closedAt is not null)
        {
            return StaffReportState.Closed;
        }

        var latest = deliveries.GroupBy(d => d.Kind).Select(g => g.MaxBy(d => d.CreatedAt).Status).ToList();
        return latest.Contains(DeliveryStatus.Failed) ? StaffReportState.Failed
            : latest.Any(s => s is DeliveryStatus.Pending or DeliveryStatus.AwaitingId) ? StaffReportState.InProgress
            : StaffReportState.Delivered;
    }

    private static IQueryable<ReportRecord> Filtered(ReportsDbContext db, StaffReportFilter filter)
    {
        var query = db.Reports.AsNoTracking();

        // A delivery counts while no later one of the same kind exists for the report (a re-route makes a later one).
        var latest = db.Deliveries.Where(d => !db.Deliveries.Any(o => o.ReportId == d.ReportId && o.Kind == d.Kind && o.CreatedAt > d.CreatedAt));
        query = filter.State switch
        {
            StaffReportState.Closed => query.Where(r => r.ClosedAt != null),
            StaffReportState.Failed => query.Where(r => r.ClosedAt == null && latest.Any(d => d.ReportId == r.Id && d.Status == DeliveryStatus.Failed)),
            StaffReportState.InProgress => query.Where(r => r.ClosedAt == null
                && !latest.Any(d => d.ReportId == r.Id && d.Status == DeliveryStatus.Failed)
                && latest.Any(d => d.ReportId == r.Id && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.AwaitingId))),
            StaffReportState.Delivered => query.Where(r => r.ClosedAt == null && !latest.Any(d => d.ReportId == r.Id && d.Status != DeliveryStatus.Delivered)),
            _ => query,
        };

        if (!string.IsNullOrWhiteSpace(filter.Body))
        {
            query = query.Where(r => r.RecipientName == filter.Body);
        }

        if (filter.From is { } from)
        {
            var start = StartOfUkDay(from);
            query = query.Where(r => r.ReceivedAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = StartOfUkDay(to.AddDays(1));
            query = query.Where(r => r.ReceivedAt < end);
        }

        return query.OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id);
    }

    private async Task<List<StaffReportRow>> RowsAsync(ReportsDbContext db, IQueryable<ReportRecord> query, CancellationToken cancellationToken)
    {
        var reports = await query.Select(r => new { r.Id, r.Reference, r.ReceivedAt, r.Road, r.ParishCode, r.DistrictCode, r.RecipientName, r.ClosedAt }).ToListAsync(cancellationToken);
        var ids = reports.Select(r => r.Id).ToList();
        var deliveries = (await db.Deliveries.AsNoTracking().Where(d => ids.Contains(d.ReportId))
            .Select(d => new { d.ReportId, d.Kind, d.CreatedAt, d.Status }).ToListAsync(cancellationToken))
            .ToLookup(d => d.ReportId);
        return [.. reports.Select(r => new StaffReportRow(
            r.Reference,
            r.ReceivedAt,
            r.Road,
            AreaOf(r.ParishCode, r.DistrictCode),
            r.RecipientName,
            StateOf(r.ClosedAt, deliveries[r.Id].Select(d => (d.Kind, d.CreatedAt, d.Status)))))];
    }

    private IReadOnlyList<(string Question, string Answer)> Answers(ReportSubmission submission) =>
        [.. submission.RoutingAnswers.Select(a =>
        {
            var question = routing.FindQuestion(a.Key);
            return (question?.Text ?? a.Key, question?.Options.FirstOrDefault(o => o.Value == a.Value)?.Text ?? a.Value);
        })];

    private string AreaOf(string? parishCode, string districtCode)
    {
        var district = _areaNames.GetValueOrDefault(districtCode, districtCode);
        return parishCode is null ? $"{district} (not in a parish)" : $"{_areaNames.GetValueOrDefault(parishCode, parishCode)} parish, {district}";
    }

    private static DateTimeOffset StartOfUkDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, ReportMessages.UkTime.GetUtcOffset(local)).ToUniversalTime();
    }

    private static Dictionary<string, string> AreaNames(AreaResolver areas)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var feature in areas.ParishBoundaries.Features)
        {
            names.TryAdd(feature.Code, feature.Name);
        }

        foreach (var (code, name) in areas.Districts)
        {
            names.TryAdd(code, name);
        }

        return names;
    }
}
