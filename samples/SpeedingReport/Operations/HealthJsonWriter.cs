using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SpeedingReport.Operations;

/// <summary>Writes a health report as JSON: overall status, then each check's status, description, duration and data.</summary>
public static class HealthJsonWriter
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await using var writer = new Utf8JsonWriter(context.Response.Body, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("status", report.Status.ToString());
        writer.WriteNumber("durationMs", Math.Round(report.TotalDuration.TotalMilliseconds, 1));
        writer.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            writer.WriteStartObject(name);
            writer.WriteString("status", entry.Status.ToString());
            if (entry.Description is { } description)
            {
                writer.WriteString("description", description);
            }

            writer.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 1));
            if (entry.Data.Count > 0)
            {
                writer.WriteStartObject("data");
                foreach (var (key, value) in entry.Data)
                {
                    switch (value)
                    {
                        case bool b: writer.WriteBoolean(key, b); break;
                        case int i: writer.WriteNumber(key, i); break;
                        case long l: writer.WriteNumber(key, l); break;
                        case double d: writer.WriteNumber(key, d); break;
                        default: writer.WriteString(key, value?.ToString()); break;
                    }
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
