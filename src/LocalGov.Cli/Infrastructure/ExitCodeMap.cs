namespace LocalGov.Cli.Infrastructure;

/// <summary>Maps the packages' exceptions to the documented exit codes. Each package adds its types here.</summary>
internal static class ExitCodeMap
{
    public static bool TryMap(Exception exception, out int exitCode)
    {
        exitCode = exception switch
        {
            CliUsageException => ExitCodes.UsageError,
            LocalGov.Open311.Open311AttributeException or LocalGov.Open311.Open311InvalidRequestException => ExitCodes.InvalidInput,
            LocalGov.Open311.Open311NotFoundException => ExitCodes.NotFound,
            LocalGov.Open311.Open311Exception => ExitCodes.RemoteServiceError,
            LocalGov.Postcodes.InvalidPostcodeException => ExitCodes.InvalidInput,
            LocalGov.Postcodes.PostcodesNotFoundException => ExitCodes.NotFound,
            LocalGov.Postcodes.PostcodesException => ExitCodes.RemoteServiceError,
            LocalGov.Boundaries.ArcGisServiceException or LocalGov.Boundaries.ArcGisTransportException => ExitCodes.RemoteServiceError,
            LocalGov.Boundaries.BoundariesException => ExitCodes.InvalidInput,
            LocalGov.ServiceStandard.StandardNotFoundException => ExitCodes.NotFound,
            LocalGov.ServiceStandard.ServiceStandardException => ExitCodes.InvalidInput,
            FileNotFoundException or DirectoryNotFoundException => ExitCodes.UsageError,
            FormatException or InvalidDataException or ArgumentException => ExitCodes.InvalidInput,
            HttpRequestException or TimeoutException => ExitCodes.RemoteServiceError,
            LocalGov.ModernGov.ModernGovNotFoundException => ExitCodes.NotFound,
            LocalGov.ModernGov.ModernGovRegistryException => ExitCodes.InvalidInput,
            LocalGov.ModernGov.ModernGovException => ExitCodes.RemoteServiceError,
            _ => -1,
        };
        return exitCode >= 0;
    }
}
