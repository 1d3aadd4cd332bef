using Microsoft.AspNetCore.Mvc;
using SpeedingReport.Staff;

namespace SpeedingReport.Pages.Staff;

/// <summary>One report in full, and the staff actions on it (each a POST with the antiforgery token, then back here).</summary>
public sealed class ReportModel(StaffReportQueries queries, StaffReportActions actions) : StaffPageModel
{
    public static readonly IReadOnlyDictionary<string, string> Done = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["resent"] = "The delivery will be tried again now.",
        ["rerouted"] = "The report is being sent to the new body.",
        ["closed"] = "The report is closed.",
    };

    [FromRoute]
    public string Reference { get; set; } = "";

    public StaffReportDetail Detail { get; private set; } = null!;

    public IReadOnlyList<StaffBody> Bodies { get; private set; } = [];

    [FromQuery(Name = "done")]
    public string? DoneKey { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public string? DoneMessage => DoneKey is null ? null : Done.GetValueOrDefault(DoneKey);

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(cancellationToken);

    public Task<IActionResult> OnPostResendAsync([FromForm(Name = "delivery")] Guid delivery, CancellationToken cancellationToken) =>
        ActAsync(() => actions.ResendAsync(Reference, delivery, StaffPrincipals.Actor(User), cancellationToken), "resent", cancellationToken);

    public Task<IActionResult> OnPostRerouteAsync(CancellationToken cancellationToken) =>
        ActAsync(() => actions.RerouteAsync(Reference, Body ?? "", Reason, StaffPrincipals.Actor(User), cancellationToken), "rerouted", cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken cancellationToken) =>
        ActAsync(() => actions.CloseAsync(Reference, Note, StaffPrincipals.Actor(User), cancellationToken), "closed", cancellationToken);

    private async Task<IActionResult> ActAsync(Func<Task> action, string done, CancellationToken cancellationToken)
    {
        try
        {
            await action();
            return Redirect($"/staff/reports/{Uri.EscapeDataString(Reference)}?done={done}");
        }
        catch (StaffActionException ex)
        {
            AddError(ex.Field ?? "actions", ex.Message);
            return await ShowAsync(cancellationToken);
        }
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var detail = await queries.FindAsync(Reference, cancellationToken);
        if (detail is null)
        {
            return NotFound();
        }

        Detail = detail;
        Bodies = detail.Report.ClosedAt is null ? await actions.BodiesAsync(detail.Report, cancellationToken) : [];
        return Page();
    }
}
