namespace SpeedingReport.Staff;

/// <summary>A staff action that cannot be done as asked (the report is closed, the delivery has not failed, no reason given); the message is shown to staff.</summary>
public sealed class StaffActionException : Exception
{
    public StaffActionException()
    {
    }

    public StaffActionException(string message)
        : base(message)
    {
    }

    public StaffActionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The form field the message is about, for the error summary's link; null for the page as a whole.</summary>
    public string? Field { get; init; }
}
