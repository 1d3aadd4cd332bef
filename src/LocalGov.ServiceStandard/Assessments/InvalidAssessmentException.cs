namespace LocalGov.ServiceStandard.Assessments;

/// <summary>An assessment breaks a rule: an outcome outside its scheme, a point outside the standard, a reassessment of a point that did not fail.</summary>
public sealed class InvalidAssessmentException : ServiceStandardException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public InvalidAssessmentException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong.</param>
    public InvalidAssessmentException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidAssessmentException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an assessment and point.</summary>
    /// <param name="assessmentId">The assessment, when known.</param>
    /// <param name="pointNumber">The point, when the problem is about one.</param>
    /// <param name="reason">What was wrong.</param>
    public InvalidAssessmentException(string? assessmentId, int? pointNumber, string reason)
        : base($"Assessment{(assessmentId is null ? string.Empty : $" '{assessmentId}'")}{(pointNumber is null ? string.Empty : $", point {pointNumber}")}: {reason}.")
    {
        AssessmentId = assessmentId;
        PointNumber = pointNumber;
        Reason = reason;
    }

    /// <summary>The assessment, when known.</summary>
    public string? AssessmentId { get; }

    /// <summary>The point, when the problem is about one.</summary>
    public int? PointNumber { get; }

    /// <summary>What was wrong.</summary>
    public string? Reason { get; }
}
