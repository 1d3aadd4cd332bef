namespace SpeedingReport.Reports;

/// <summary>Makes report references; an interface so the tests can force a collision.</summary>
public interface IReportReferenceGenerator
{
    string NewReference();
}
