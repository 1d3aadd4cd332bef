using Microsoft.AspNetCore.Mvc.RazorPages;
using SpeedingReport.Staff.Attention;

namespace SpeedingReport.Pages.Staff;

/// <summary>Deliveries that failed or are stuck past the threshold (<c>SpeedingReport:Staff:Attention:StuckAfter</c>).</summary>
public sealed class AttentionModel(AttentionQueries queries) : PageModel
{
    public AttentionList List { get; private set; } = new(DateTimeOffset.MinValue, TimeSpan.Zero, 0, 0, []);

    public async Task OnGetAsync(CancellationToken cancellationToken) => List = await queries.FindAsync(cancellationToken);
}
