using Xunit;

namespace LocalGov.Testing;

/// <summary>
/// Locates the real-data folder (<c>../shared</c> beside the repository, or <c>$LOCALGOV_SHARED</c>).
/// Conformance tests call <see cref="Require(string)"/>: when the data is absent the test is reported as
/// skipped with the reason, never passed silently.
/// </summary>
public static class SharedData
{
    /// <summary>The environment variable that overrides the location of the real-data folder.</summary>
    public const string EnvironmentVariable = "LOCALGOV_SHARED";

    /// <summary>The real-data folder, or null when it is absent.</summary>
    public static string? TryFindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment) ? Path.GetFullPath(fromEnvironment) : null;
        }

        var root = RepositoryPaths.TryFindRoot();
        if (root is null)
        {
            return null;
        }

        var beside = Path.GetFullPath(Path.Combine(root, "..", "shared"));
        return Directory.Exists(beside) ? beside : null;
    }

    /// <summary>Why the data is missing, for skip messages.</summary>
    public static string AbsenceReason
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
            return string.IsNullOrWhiteSpace(fromEnvironment)
                ? $"real data not found: no ../shared beside the repository and ${EnvironmentVariable} is not set"
                : $"real data not found: ${EnvironmentVariable} points to '{fromEnvironment}', which does not exist";
        }
    }

    /// <summary>
    /// Returns the full path of <paramref name="relativePath"/> inside the real-data folder, or skips the
    /// calling test (with the reason) when the folder or the entry is absent.
    /// </summary>
    public static string Require(string relativePath)
    {
        var root = TryFindRoot();
        if (root is null)
        {
            Assert.Skip(AbsenceReason);
        }

        var full = Path.Combine(root, relativePath);
        if (!File.Exists(full) && !Directory.Exists(full))
        {
            Assert.Skip($"real data entry '{relativePath}' is missing from {root}");
        }

        return full;
    }
}
