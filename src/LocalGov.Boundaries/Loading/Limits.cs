namespace LocalGov.Boundaries.Loading;

/// <summary>The caller's load options with their limits checked, so a zero or negative cap is a clear error, not a silent "no limit".</summary>
internal static class Limits
{
    public static BoundaryLoadOptions Checked(BoundaryLoadOptions? options)
    {
        options ??= new BoundaryLoadOptions();
        Require(options.MaxNestingDepth is >= 4 and <= 1000, nameof(options.MaxNestingDepth), "between 4 and 1000 (deeper parsing could overflow the stack)");
        Require(options.MaxFeatures > 0, nameof(options.MaxFeatures), "more than zero");
        Require(options.MaxVertices > 0, nameof(options.MaxVertices), "more than zero");
        Require(options.MaxCsvRecordLength > 0, nameof(options.MaxCsvRecordLength), "more than zero");
        Require(options.MaxJsonBytes > 0, nameof(options.MaxJsonBytes), "more than zero");
        Require(options.MaxQueryTime > TimeSpan.Zero && options.MaxQueryTime <= TimeSpan.FromDays(1), nameof(options.MaxQueryTime), "more than zero and at most a day");
        return options;
    }

    private static void Require(bool ok, string name, string rule)
    {
        if (!ok)
        {
            throw new ArgumentException($"BoundaryLoadOptions.{name} must be {rule}.");
        }
    }
}
