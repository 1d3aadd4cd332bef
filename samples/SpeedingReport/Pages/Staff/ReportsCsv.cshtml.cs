using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using SpeedingReport.Staff;

namespace SpeedingReport.Pages.Staff;

/// <summary>The filtered list as CSV (every matching report, not one page); bad filters are a 400 with the reasons.</summary>
public sealed class ReportsCsvModel(StaffReportQueries queries, TimeProvider time) : StaffPageModel
{
    public async Task<IActionResult> OnGetAsync([FromQuery] StaffListQuery query, CancellationToken cancellationToken)
    {
        var (filter, errors) = (query ?? new StaffListQuery()).Check();
        if (errors.Count > 0)
        {
            return BadRequest(string.Join(Environment.NewLine, errors.Select(e => e.Message)));
        }

        var rows = await queries.AllAsync(filter, cancellationToken);
        var name = string.Create(CultureInfo.InvariantCulture, $"speeding-reports-{time.GetUtcNow():yyyy-MM-dd}.csv");
        return File(ReportCsv.Write(rows), ReportCsv.ContentType, name);
    }
}
