using Microsoft.Extensions.Options;

namespace LocalGov.Boundaries;

/// <summary>Checks at start-up that a resolver source names files that exist, so a typo fails the app's start, not its first request.</summary>
internal sealed class ParishResolverSourceOptionsValidator : IValidateOptions<ParishResolverSourceOptions>
{
    public ValidateOptionsResult Validate(string? name, ParishResolverSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var index = !string.IsNullOrWhiteSpace(options.IndexPath);
        var parishes = !string.IsNullOrWhiteSpace(options.ParishBoundaries);
        if (index == parishes)
        {
            failures.Add(index
                ? "Set IndexPath or ParishBoundaries, not both: a saved index already holds the boundaries."
                : "Set IndexPath (a saved index) or ParishBoundaries (a boundary file to index).");
        }

        if (index && !string.IsNullOrWhiteSpace(options.DistrictBoundaries))
        {
            failures.Add("DistrictBoundaries goes with ParishBoundaries; a saved index holds its district layer already.");
        }

        RequireFile(options.IndexPath, nameof(options.IndexPath), failures);
        RequireFile(options.ParishBoundaries, nameof(options.ParishBoundaries), failures);
        RequireFile(options.DistrictBoundaries, nameof(options.DistrictBoundaries), failures);
        if (!string.IsNullOrWhiteSpace(options.Ostn15Directory) && !Directory.Exists(options.Ostn15Directory))
        {
            failures.Add($"Ostn15Directory: the folder '{options.Ostn15Directory}' does not exist.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequireFile(string? path, string setting, List<string> failures)
    {
        if (!string.IsNullOrWhiteSpace(path) && !File.Exists(path))
        {
            failures.Add($"{setting}: the file '{path}' does not exist.");
        }
    }
}
