namespace LocalGov.Testing;

/// <summary>Finds the repository root from the test binaries, so tests never depend on the working directory.</summary>
public static class RepositoryPaths
{
    private const string SolutionFileName = "LocalGov.Sdk.sln";

    /// <summary>The folder that holds <c>LocalGov.Sdk.sln</c>, or null when the tests run outside a checkout.</summary>
    public static string? TryFindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>The repository root; fails the test when it cannot be found.</summary>
    public static string Root =>
        TryFindRoot() ?? throw new InvalidOperationException(
            $"Could not find {SolutionFileName} above {AppContext.BaseDirectory}; run the tests from a checkout of the repository.");
}
