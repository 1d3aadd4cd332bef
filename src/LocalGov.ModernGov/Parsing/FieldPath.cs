namespace LocalGov.ModernGov;

/// <summary>The <c>parent/child</c> keys of kept fields, with their length capped.</summary>
internal static class FieldPath
{
    /// <summary>
    /// Far beyond any real path (under 100 characters). Each level's key copies its parent's, so without a cap a chain of
    /// 1,000 elements with long names would allocate hundreds of megabytes from a 1 MB body.
    /// </summary>
    internal const int MaxLength = 1024;

    public static string Join(string? prefix, string name)
    {
        var length = (prefix?.Length + 1 ?? 0) + name.Length;
        if (length > MaxLength)
        {
            var start = prefix ?? name;
            throw new XmlLimitException("characters in a field's path", MaxLength, $"A field's path is longer than {MaxLength} characters (it starts '{start[..Math.Min(60, start.Length)]}…').");
        }

        return prefix is null ? name : prefix + "/" + name;
    }
}
