using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SpeedingReport.Configuration;
using SpeedingReport.Reports;
using SpeedingReport.Storage;

namespace SpeedingReport.Pages.Demo;

/// <summary>The demo outbox: what the demo would have emailed, newest first. Not found outside demo mode.</summary>
public sealed class OutboxModel(ReportQueries queries, IOptions<SpeedingReportOptions> options) : PageModel
{
    public const int Limit = 200;

    public IReadOnlyList<DemoOutboxMessage> Messages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.IsDemo)
        {
            return NotFound();
        }

        Messages = await queries.DemoOutboxAsync(Limit, cancellationToken);
        return Page();
    }
}
