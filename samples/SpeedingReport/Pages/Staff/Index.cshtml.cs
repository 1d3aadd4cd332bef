using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SpeedingReport.Staff;

namespace SpeedingReport.Pages.Staff;

/// <summary>The reports, newest first, filtered by state, body and dates from the query string, a page at a time.</summary>
public sealed class StaffIndexModel(StaffReportQueries queries, IOptions<StaffOptions> options) : StaffPageModel
{
    public StaffListQuery Query { get; private set; } = new();

    public StaffReportPage Reports { get; private set; } = new([], 1, 1, 0);

    public IReadOnlyList<string> Bodies { get; private set; } = [];

    // "page" is read from the query string only: Razor Pages keeps its own "page" route value.
    public async Task OnGetAsync([FromQuery] StaffListQuery query, [FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        Query = query ?? new StaffListQuery();
        Bodies = await queries.BodiesAsync(cancellationToken);
        var (filter, errors) = Query.Check();
        foreach (var error in errors)
        {
            AddError(error.FieldId, error.Message);
        }

        // Filters with errors are not applied: the list shows nothing rather than something the filters did not ask for.
        if (errors.Count == 0)
        {
            Reports = await queries.ListAsync(filter, page ?? 1, options.Value.PageSize, cancellationToken);
        }
    }
}
