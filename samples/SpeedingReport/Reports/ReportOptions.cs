namespace SpeedingReport.Reports;

/// <summary>The fixed choices of the report pages: option value (stored) and the text shown.</summary>
public static class ReportOptions
{
    public static IReadOnlyList<(string Value, string Text)> Days { get; } =
    [
        ("monday", "Monday"), ("tuesday", "Tuesday"), ("wednesday", "Wednesday"), ("thursday", "Thursday"),
        ("friday", "Friday"), ("saturday", "Saturday"), ("sunday", "Sunday"),
    ];

    public static IReadOnlyList<(string Value, string Text, string Hint)> Times { get; } =
    [
        ("morning", "Morning", "6am to 10am"),
        ("daytime", "Daytime", "10am to 4pm"),
        ("evening", "Evening", "4pm to 10pm"),
        ("night", "Night", "10pm to 6am"),
    ];

    /// <summary>The longest "what have you seen" answer, in characters (the GOV.UK character count shows what is left).</summary>
    public const int WhatSeenMaxLength = 1200;

    public const int RoadMaxLength = 200;

    public const int PlaceMaxLength = 500;

    public const int NameMaxLength = 200;

    public const int EmailMaxLength = 254;

    public const int PhoneMaxLength = 30;

    public static string DayText(string value) => Days.FirstOrDefault(d => d.Value == value).Text ?? value;

    public static string TimeText(string value) => Times.FirstOrDefault(t => t.Value == value).Text ?? value;
}
