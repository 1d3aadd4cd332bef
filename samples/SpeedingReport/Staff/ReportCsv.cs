using System.Globalization;
using System.Text;
using SpeedingReport.Delivery;

namespace SpeedingReport.Staff;

/// <summary>
/// The staff list as CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break in quotes, quotes doubled),
/// UTF-8 with a byte order mark so Excel reads it as UTF-8. A cell that begins with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, tab or carriage return is prefixed with <c>'</c>, so a spreadsheet shows it as text instead of running it
/// as a formula (OWASP's CSV injection advice): road names and body names come from residents and files.
/// </summary>
public static class ReportCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly string[] Header = ["Reference", "Received (UK time)", "Road", "Parish or district", "Responsible body", "State"];

    /// <summary>The whole file, BOM first.</summary>
    public static byte[] Write(IEnumerable<StaffReportRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        AppendLine(text, Header);
        foreach (var row in rows)
        {
            var received = TimeZoneInfo.ConvertTime(row.ReceivedAt, ReportMessages.UkTime).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            AppendLine(text, [row.Reference, received, row.Road, row.Area, row.ResponsibleBody, StateText(row.State)]);
        }

        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())];
    }

    /// <summary>One cell as written: neutralised if it could start a formula, then quoted if it must be.</summary>
    public static string Cell(string? value)
    {
        var cell = value ?? "";
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            cell = "'" + cell;
        }

        return cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }

    public static string StateText(StaffReportState state) => state switch
    {
        StaffReportState.Failed => "Delivery failed",
        StaffReportState.InProgress => "Being delivered",
        StaffReportState.Delivered => "Delivered",
        StaffReportState.Closed => "Closed",
        _ => state.ToString(),
    };

    private static void AppendLine(StringBuilder text, string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(Cell(cells[i]));
        }

        text.Append("\r\n");
    }
}
