using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using SpeedingReport.Storage;

namespace LocalGov.Samples.Tests.SpeedingReport.Staff;

/// <summary><c>/staff/attention</c> in the app: sign-in required; failed and stuck deliveries listed; the threshold from settings.</summary>
public sealed class AttentionPageTests(AttentionFactory factory) : IClassFixture<AttentionFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        await using (var db = await factory.StoreAsync())
        {
            if (await db.Reports.AnyAsync(TestContext.Current.CancellationToken))
            {
                return;
            }
        }

        await factory.SeedAsync("SR-ATTN-FAIL", TimeSpan.FromHours(1), DeliveryStatus.Failed, 3, "Gave up after 3 attempts over 00:50:00. Last: GOV.UK Notify server error (500)");
        await factory.SeedAsync("SR-ATTN-OLDP", TimeSpan.FromMinutes(40), DeliveryStatus.Pending, 2, "GOV.UK Notify rate limit (429)");
        await factory.SeedAsync("SR-ATTN-NEWP", TimeSpan.FromMinutes(20), DeliveryStatus.Pending, 1, "HTTP 503");
        await factory.SeedAsync("SR-ATTN-DONE", TimeSpan.FromHours(3), DeliveryStatus.Delivered);
        await factory.SeedAsync("SR-ATTN-SHUT", TimeSpan.FromHours(2), DeliveryStatus.Failed, 1, "HTTP 400", closed: true);
        await factory.SeedAsync("SR-ATTN-WAIT", TimeSpan.FromHours(2), DeliveryStatus.AwaitingId, 1);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Anonymous_requests_are_sent_to_sign_in()
    {
        using var response = await GetAsync(staff: null);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/staff/sign-in?ReturnUrl=", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Failed_and_stuck_deliveries_are_listed_with_reference_kind_body_attempts_age_and_last_reason()
    {
        using var response = await GetAsync(staff: "Sam Staff");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1 class=\"govuk-heading-l\">Deliveries that need attention</h1>", html, StringComparison.Ordinal);
        Assert.Contains("3 deliveries need attention</strong>:\n                1 failed, 2 stuck.", html.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("still not made 30 minutes after the report was received", html, StringComparison.Ordinal);
        var rows = Rows(html);
        Assert.Equal(["SR-ATTN-WAIT", "SR-ATTN-FAIL", "SR-ATTN-OLDP"], rows.Keys);
        Assert.Contains("<a class=\"govuk-link\" href=\"/staff/reports/SR-ATTN-FAIL\">SR-ATTN-FAIL</a>", rows["SR-ATTN-FAIL"], StringComparison.Ordinal);
        foreach (var cell in new[] { "Report to the body", "Ashcombe Parish Council", "govuk-tag--red\">Failed<", ">3<", "1 hour</time>", "Gave up after 3 attempts over 00:50:00. Last: GOV.UK Notify server error (500)" })
        {
            Assert.Contains(cell, rows["SR-ATTN-FAIL"], StringComparison.Ordinal);
        }

        foreach (var cell in new[] { "govuk-tag--yellow\">Stuck: not sent yet<", ">2<", "40 minutes</time>", "GOV.UK Notify rate limit (429)" })
        {
            Assert.Contains(cell, rows["SR-ATTN-OLDP"], StringComparison.Ordinal);
        }

        Assert.Contains("Stuck: waiting for the case system&#x27;s id", rows["SR-ATTN-WAIT"], StringComparison.Ordinal);
        Assert.Contains("None recorded", rows["SR-ATTN-WAIT"], StringComparison.Ordinal);

        // Never the resident's details, which the page does not need.
        Assert.DoesNotContain("pat@example.com", html, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> GetAsync(string? staff)
    {
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/staff/attention");
        if (staff is not null)
        {
            request.Headers.Add(TestStaffAuthentication.Header, staff);
        }

        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Each table row's HTML, by the reference in it, in page order.</summary>
    private static Dictionary<string, string> Rows(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "<tr class=\"govuk-table__row\" data-delivery=[^>]*>(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .ToDictionary(m => System.Text.RegularExpressions.Regex.Match(m.Value, "SR-ATTN-[A-Z]{4}").Value, m => m.Groups[1].Value);
}
