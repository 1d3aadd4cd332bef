namespace LocalGov.ServiceStandard.Import;

/// <summary>The two standards the 2014-16 reports were assessed against.</summary>
internal static class GdsReportImporterStandards
{
    public static StandardReference DigitalByDefault { get; } = new("govuk-digital-by-default-service-standard", "2014-04");

    public static StandardReference DigitalServiceStandard { get; } = new("govuk-digital-service-standard", "2015-06");

    public static DateOnly DigitalServiceStandardStart { get; } = new(2015, 6, 1);
}
