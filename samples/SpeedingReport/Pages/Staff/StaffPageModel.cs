using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SpeedingReport.Pages.Staff;

/// <summary>What the staff pages share: the error summary's errors.</summary>
public abstract class StaffPageModel : PageModel
{
    public List<FieldError> Errors { get; } = [];

    public string? ErrorFor(string fieldId) => Errors.FirstOrDefault(e => e.FieldId == fieldId)?.Message;

    protected void AddError(string fieldId, string message)
    {
        Errors.Add(new FieldError(fieldId, message));
        ViewData["HasErrors"] = true;
    }
}
