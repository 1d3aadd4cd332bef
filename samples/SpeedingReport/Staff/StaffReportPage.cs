namespace SpeedingReport.Staff;

/// <summary>A page of the staff list: its rows, which page it is (1-based) and how many match in all.</summary>
public sealed record StaffReportPage(IReadOnlyList<StaffReportRow> Rows, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
