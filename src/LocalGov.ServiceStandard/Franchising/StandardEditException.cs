namespace LocalGov.ServiceStandard.Franchising;

/// <summary>An edit cannot be applied: it names a point or material that does not exist, or adds one that already does.</summary>
public sealed class StandardEditException : ServiceStandardException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public StandardEditException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong.</param>
    public StandardEditException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public StandardEditException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for edit number <paramref name="editIndex"/> (0-based).</summary>
    /// <param name="target">What the edits apply to (<c>id@version</c> of the parent).</param>
    /// <param name="editIndex">The edit's position in the list.</param>
    /// <param name="edit">The edit, described.</param>
    /// <param name="reason">Why it cannot be applied.</param>
    public StandardEditException(string target, int editIndex, string edit, string reason)
        : base($"Edit {editIndex + 1} ({edit}) cannot be applied to {target}: {reason}.")
    {
        Target = target;
        EditIndex = editIndex;
        Edit = edit;
    }

    /// <summary>What the edits apply to.</summary>
    public string? Target { get; }

    /// <summary>The failing edit's position (0-based).</summary>
    public int? EditIndex { get; }

    /// <summary>The failing edit, described.</summary>
    public string? Edit { get; }
}
