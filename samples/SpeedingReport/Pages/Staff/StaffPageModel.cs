using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SpeedingReport.Pages.Staff;

/// <summary>What the staff pages share: the error summary's errors, and no caching of what they show.</summary>
public abstract class StaffPageModel : PageModel
{
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Residents' names and addresses: not to be kept by the browser or a shared proxy once staff sign out.
        context.HttpContext.Response.Headers.CacheControl = "no-store";
        base.OnPageHandlerExecuting(context);
    }

    public List<FieldError> Errors { get; } = [];

    public string? ErrorFor(string fieldId) => Errors.FirstOrDefault(e => e.FieldId == fieldId)?.Message;

    protected void AddError(string fieldId, string message)
    {
        Errors.Add(new FieldError(fieldId, message));
        ViewData["HasErrors"] = true;
    }
}
