using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SpeedingReport.Delivery;
using SpeedingReport.Staff;
using SpeedingReport.Storage;

namespace LocalGov.Samples.Tests.SpeedingReport;

/// <summary>Reports stored directly (the worker off, so states stay as written), two to a page.</summary>
public sealed class StaffListFactory : StaffFactory, IAsyncLifetime
{
    public StaffListFactory()
        : base(new Dictionary<string, string?> { ["SpeedingReport:Staff:PageSize"] = "2", ["SpeedingReport:Delivery:WorkerEnabled"] = "false" })
    {
    }

    public async ValueTask InitializeAsync()
    {
        // Migrated by the app at start; received dates in UK summer and winter time.
        _ = Services;
        await using var db = await StoreAsync();
        db.Reports.AddRange(
            Report("SR-LIST-0001", "2026-01-10T09:00:00Z", "Ashcombe Parish Council (DEMO)", "High Street", DeliveryStatus.Delivered),
            Report("SR-LIST-0002", "2026-06-30T23:30:00Z", "Ashcombe Parish Council (DEMO)", "=HYPERLINK(\"http://evil.example\",\"click\")", DeliveryStatus.Failed),
            Report("SR-LIST-0003", "2026-07-01T10:00:00Z", "Demo Vale District Council road safety team (DEMO)", "+44 Road, \"the bend\"\r\nnext line", DeliveryStatus.Pending),
            Report("SR-LIST-0004", "2026-08-01T10:00:00Z", "Demo Vale District Council road safety team (DEMO)", "-1 Lane", DeliveryStatus.Delivered, closed: true),
            Report("SR-LIST-0005", "2026-09-01T10:00:00Z", "Demo Vale District Council road safety team (DEMO)", "@SUM(A1)", DeliveryStatus.Delivered),
            Report("SR-LIST-0006", "2026-10-01T10:00:00Z", "Demo Vale District Council road safety team (DEMO)", "\tTab Road", DeliveryStatus.Delivered),
            Report("SR-LIST-0007", "2026-11-01T10:00:00Z", "Demo Vale District Council road safety team (DEMO)", "\rReturn Road", DeliveryStatus.Delivered));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private static ReportRecord Report(string reference, string received, string body, string road, DeliveryStatus status, bool closed = false)
    {
        var at = DateTimeOffset.Parse(received, System.Globalization.CultureInfo.InvariantCulture);
        var id = Guid.NewGuid();
        return new ReportRecord
        {
            Id = id,
            SubmissionId = Guid.NewGuid(),
            Reference = reference,
            ReceivedAt = at,
            DealtWithBy = "district",
            RecipientName = body,
            ParishCode = body.StartsWith("Ashcombe", StringComparison.Ordinal) ? "DEMO-P01" : null,
            DistrictCode = "DEMO-D01",
            Road = road,
            ReporterEmail = "pat@example.com",
            SubmissionJson = "{}",
            ClosedAt = closed ? at.AddDays(1) : null,
            Deliveries =
            [
                new DeliveryRecord { Id = Guid.NewGuid(), ReportId = id, Kind = DeliveryKind.ToResponsibleBody, Channel = "email", RecipientAddress = "x@example.com", Status = status, CreatedAt = at, NextAttemptAt = at },
                new DeliveryRecord { Id = Guid.NewGuid(), ReportId = id, Kind = DeliveryKind.ConfirmationToResident, Channel = "email", RecipientAddress = "pat@example.com", Status = DeliveryStatus.Delivered, CreatedAt = at, NextAttemptAt = at },
            ],
        };
    }
}

/// <summary>The list's filters and paging, and the CSV export with its escaping.</summary>
public sealed partial class StaffListTests(StaffListFactory factory) : IClassFixture<StaffListFactory>
{
    [Theory]
    [InlineData("", new[] { "SR-LIST-0007", "SR-LIST-0006", "SR-LIST-0005", "SR-LIST-0004", "SR-LIST-0003", "SR-LIST-0002", "SR-LIST-0001" })]
    [InlineData("state=failed", new[] { "SR-LIST-0002" })]
    [InlineData("state=in-progress", new[] { "SR-LIST-0003" })]
    [InlineData("state=delivered", new[] { "SR-LIST-0007", "SR-LIST-0006", "SR-LIST-0005", "SR-LIST-0001" })]
    [InlineData("state=closed", new[] { "SR-LIST-0004" })]
    [InlineData("body=Ashcombe%20Parish%20Council%20(DEMO)", new[] { "SR-LIST-0002", "SR-LIST-0001" })]
    [InlineData("from=2026-07-01&to=2026-08-01", new[] { "SR-LIST-0004", "SR-LIST-0003", "SR-LIST-0002" })] // 23:30 UTC on 30 June is 1 July in the UK
    [InlineData("to=2026-06-30", new[] { "SR-LIST-0001" })]
    [InlineData("state=delivered&body=Demo%20Vale%20District%20Council%20road%20safety%20team%20(DEMO)&from=2026-09-01", new[] { "SR-LIST-0007", "SR-LIST-0006", "SR-LIST-0005" })]
    public async Task Filters_choose_the_reports_and_every_page_of_them_is_listed(string query, string[] expected)
    {
        using var staff = await factory.SignedInAsync();

        var seen = new List<string>();
        var pages = (expected.Length + 1) / 2;
        for (var page = 1; page <= pages; page++)
        {
            var response = await staff.GetAsync($"/staff?{query}&page={page}");
            Assert.Equal(HttpStatusCode.OK, response.Status);
            var rows = RowRegex().Matches(response.Html).Select(m => m.Groups[1].Value).ToList();
            Assert.InRange(rows.Count, 1, 2);
            seen.AddRange(rows);
            Assert.Equal(page < pages, response.Html.Contains("rel=\"next\"", StringComparison.Ordinal));
            Assert.Equal(page > 1, response.Html.Contains("rel=\"prev\"", StringComparison.Ordinal));
            if (pages > 1)
            {
                Assert.Contains($"aria-label=\"Page {page}\" aria-current=\"page\"", response.Html, StringComparison.Ordinal);
            }
        }

        Assert.Equal(expected, seen);
        var count = await staff.GetAsync($"/staff?{query}");
        Assert.Contains($"of {expected.Length} reports", count.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_past_the_end_shows_the_last_page_and_the_links_keep_the_filters()
    {
        using var staff = await factory.SignedInAsync();

        var response = await staff.GetAsync("/staff?state=delivered&page=99");

        Assert.Equal(["SR-LIST-0005", "SR-LIST-0001"], RowRegex().Matches(response.Html).Select(m => m.Groups[1].Value));
        Assert.Contains("href=\"/staff?state=delivered\" rel=\"prev\"", response.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/staff/reports.csv?state=delivered\"", response.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=yesterday", "#from", "The ‘from’ date must be a real date, like 2026-12-01")]
    [InlineData("to=2026-02-30", "#to", "The ‘to’ date must be a real date, like 2026-12-31")]
    [InlineData("from=2026-08-01&to=2026-07-01", "#to", "The ‘to’ date must be the same as or after the ‘from’ date")]
    [InlineData("state=lost", "#state", "Select a delivery state from the list")]
    public async Task Bad_filters_are_errors_not_ignored(string query, string field, string message)
    {
        using var staff = await factory.SignedInAsync();

        var response = await staff.GetAsync($"/staff?{query}");

        Assert.Equal((field, message), Assert.Single(response.SummaryErrors));
        Assert.Empty(RowRegex().Matches(response.Html));
        var csv = await staff.GetAsync($"/staff/reports.csv?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, csv.Status);
    }

    [Fact]
    public async Task The_export_is_rfc_4180_utf8_with_a_bom_and_no_cell_can_run_a_formula()
    {
        using var http = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var cookie = await SignInCookieAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/staff/reports.csv");
        request.Headers.Add("Cookie", cookie);

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var lines = text.Split("\r\n");
        Assert.Equal("Reference,Received (UK time),Road,Parish or district,Responsible body,State", lines[0]);
        Assert.Equal("", lines[^1]);

        Assert.Contains("SR-LIST-0002,2026-07-01 00:30,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",\"Ashcombe parish, Demo Vale\",Ashcombe Parish Council (DEMO),Delivery failed\r\n", text, StringComparison.Ordinal);
        Assert.Contains("SR-LIST-0003,2026-07-01 11:00,\"'+44 Road, \"\"the bend\"\"\r\nnext line\",Demo Vale (not in a parish),Demo Vale District Council road safety team (DEMO),Being delivered\r\n", text, StringComparison.Ordinal);
        Assert.Contains("SR-LIST-0004,2026-08-01 11:00,'-1 Lane,", text, StringComparison.Ordinal);
        Assert.Contains(",Closed\r\n", text, StringComparison.Ordinal);
        Assert.Contains("SR-LIST-0005,2026-09-01 11:00,'@SUM(A1),", text, StringComparison.Ordinal);
        Assert.Contains("SR-LIST-0006,2026-10-01 11:00,'\tTab Road,", text, StringComparison.Ordinal);
        Assert.Contains("SR-LIST-0007,2026-11-01 10:00,\"'\rReturn Road\",", text, StringComparison.Ordinal);
        Assert.Contains("SR-LIST-0001,2026-01-10 09:00,High Street,", text, StringComparison.Ordinal);

        // Filtered as the list is.
        using var filtered = new HttpRequestMessage(HttpMethod.Get, "/staff/reports.csv?state=failed");
        filtered.Headers.Add("Cookie", cookie);
        using var failedOnly = await http.SendAsync(filtered, TestContext.Current.CancellationToken);
        var failedLines = (await failedOnly.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split("\r\n");
        Assert.Equal(3, failedLines.Length);
        Assert.StartsWith("SR-LIST-0002,", failedLines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("a=b", "a=b")]
    [InlineData("=\"x\",y", "\"'=\"\"x\"\",y\"")]
    [InlineData("Café – £5", "Café – £5")]
    public void A_cell_is_neutralised_then_quoted(string? value, string expected) => Assert.Equal(expected, ReportCsv.Cell(value));

    [Fact]
    public void Every_row_is_crlf_ended_and_the_file_starts_with_the_bom()
    {
        var bytes = ReportCsv.Write([new StaffReportRow("SR-1", DateTimeOffset.Parse("2026-12-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture), "Café Road", "Area", "Body", StaffReportState.Delivered)]);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("Reference,Received (UK time),Road,Parish or district,Responsible body,State\r\nSR-1,2026-12-01 12:00,Café Road,Area,Body,Delivered\r\n", Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }

    private async Task<string> SignInCookieAsync()
    {
        using var http = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var page = await http.GetAsync(new Uri("/staff/sign-in", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var token = WebUtility.HtmlDecode(TokenRegex().Match(html).Groups[1].Value);
        var antiforgery = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/staff/sign-in")
        {
            Content = new FormUrlEncodedContent([new("UserName", StaffFactory.UserName), new("Password", StaffFactory.Password), new("__RequestVerificationToken", token)]),
        };
        request.Headers.Add("Cookie", antiforgery);
        using var signedIn = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return string.Join("; ", signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

    [GeneratedRegex("<tr class=\"govuk-table__row\" data-reference=\"([^\"]+)\">")]
    private static partial Regex RowRegex();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
