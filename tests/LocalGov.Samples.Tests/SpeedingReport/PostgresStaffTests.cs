using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpeedingReport.Staff;
using SpeedingReport.Storage;

namespace LocalGov.Samples.Tests.SpeedingReport;

/// <summary>The staff area on PostgreSQL (a database made for the class), with the failing first confirmation; skipped with the reason without PostgreSQL.</summary>
public sealed class PostgresStaffFactory : PostgresSpeedingReportFactory
{
    public PostgresStaffFactory()
        : base(new Dictionary<string, string?>())
    {
    }

    protected override string DatabasePrefix => "staff";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(FailOnceEmailChannel.Register);
    }
}

public sealed partial class PostgresStaffTests(PostgresStaffFactory factory) : IClassFixture<PostgresStaffFactory>
{
    [Fact]
    public async Task Filters_actions_audit_log_and_export_work_on_postgres()
    {
        factory.RequirePostgres();
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal("postgres", factory.Services.GetRequiredService<IReportsDbContextFactory>().Provider);
        var failing = await StaffJourneys.SubmitReportAsync(factory, FailOnceEmailChannel.Address, "=Cmd Road");
        var fine = await StaffJourneys.SubmitReportAsync(factory, "pat@example.com", "High Street");
        using var staff = await StaffJourneys.SignedInAsync(factory);

        Assert.Equal([failing], Rows(await staff.GetAsync("/staff?state=failed")));
        Assert.Equal([fine], Rows(await staff.GetAsync("/staff?state=delivered")));
        var today = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal([fine, failing], Rows(await staff.GetAsync($"/staff?from={today}&body={Uri.EscapeDataString("Ashcombe Parish Council")}")));

        var path = $"/staff/reports/{failing}";
        var page = await staff.GetAsync(path);
        var failedId = DeliveryIdRegex().Match(page.Html).Groups[1].Value;
        Assert.Equal($"{path}?done=resent", (await staff.PostAsync($"{path}?handler=resend", JourneyClient.TokenOn(page), ("delivery", failedId))).Location);
        await DeliveredReports.WaitAsync(factory, failing);
        Assert.Equal($"{path}?done=rerouted", (await staff.PostAsync($"{path}?handler=reroute", JourneyClient.TokenOn(page), ("Body", "DEMO-P02"), ("Reason", "Brookfield's clerk covers this road."))).Location);
        await DeliveredReports.WaitAsync(factory, failing);
        Assert.Equal($"{path}?done=closed", (await staff.PostAsync($"{path}?handler=close", JourneyClient.TokenOn(page), ("Note", ""))).Location);

        await using var db = await factory.StoreAsync();
        var report = await db.Reports.AsNoTracking().Include(r => r.Deliveries).SingleAsync(r => r.Reference == failing, ct);
        Assert.NotNull(report.ClosedAt);
        Assert.Equal(3, report.Deliveries.Count);
        Assert.Equal([StaffActionKind.Resend, StaffActionKind.Reroute, StaffActionKind.Close], await db.StaffActions.Where(a => a.ReportId == report.Id).OrderBy(a => a.At).Select(a => a.Action).ToListAsync(ct));
        Assert.Equal([failing], Rows(await staff.GetAsync("/staff?state=closed")));

        var csv = await staff.GetAsync("/staff/reports.csv?state=closed");
        Assert.Equal(HttpStatusCode.OK, csv.Status);
        Assert.Contains($"{failing},", csv.Html, StringComparison.Ordinal);
        Assert.Contains(",'=Cmd Road,", csv.Html, StringComparison.Ordinal);
    }

    private static List<string> Rows(JourneyClient.Response page) => [.. RowRegex().Matches(page.Html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<tr class=\"govuk-table__row\" data-reference=\"([^\"]+)\">")]
    private static partial Regex RowRegex();

    [GeneratedRegex("data-delivery=\"([0-9a-f-]{36})\" data-status=\"Failed\"")]
    private static partial Regex DeliveryIdRegex();
}
