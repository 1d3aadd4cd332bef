namespace LocalGov.Benchmarks;

/// <summary>Finds the real-data folder (<c>../shared</c> beside the repository, or <c>$LOCALGOV_SHARED</c>) for benchmarks on real inputs.</summary>
internal static class SharedDataLocator
{
    public static string Root
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("LOCALGOV_SHARED");
            if (!string.IsNullOrWhiteSpace(fromEnvironment))
            {
                return fromEnvironment;
            }

            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LocalGov.Sdk.sln")))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                }
            }

            throw new DirectoryNotFoundException("The real-data folder was not found: set LOCALGOV_SHARED or run from a checkout beside ../shared.");
        }
    }

    public static string Combine(string relative) => Path.Combine(Root, relative);
}
