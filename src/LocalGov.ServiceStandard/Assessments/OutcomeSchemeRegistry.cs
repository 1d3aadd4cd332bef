namespace LocalGov.ServiceStandard.Assessments;

/// <summary>An immutable set of outcome schemes by id: the built-ins plus any you add with <see cref="With"/>.</summary>
public sealed class OutcomeSchemeRegistry
{
    private readonly IReadOnlyDictionary<string, IOutcomeScheme> _schemes;

    private OutcomeSchemeRegistry(IReadOnlyDictionary<string, IOutcomeScheme> schemes) => _schemes = schemes;

    /// <summary>A registry with the built-in schemes.</summary>
    /// <returns>The registry.</returns>
    public static OutcomeSchemeRegistry CreateDefault() =>
        new(OutcomeSchemes.All.ToDictionary(s => s.Id, StringComparer.Ordinal));

    /// <summary>The schemes.</summary>
    public IEnumerable<IOutcomeScheme> Schemes => _schemes.Values;

    /// <summary>A registry with <paramref name="scheme"/> added (or replacing one with the same id).</summary>
    /// <param name="scheme">The scheme.</param>
    /// <returns>The new registry.</returns>
    public OutcomeSchemeRegistry With(IOutcomeScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        var copy = new Dictionary<string, IOutcomeScheme>(_schemes, StringComparer.Ordinal) { [scheme.Id] = scheme };
        return new OutcomeSchemeRegistry(copy);
    }

    /// <summary>The scheme with <paramref name="id"/>.</summary>
    /// <param name="id">The scheme id.</param>
    /// <returns>The scheme.</returns>
    /// <exception cref="InvalidAssessmentException">No scheme has that id.</exception>
    public IOutcomeScheme Get(string id) =>
        _schemes.TryGetValue(id ?? string.Empty, out var scheme)
            ? scheme
            : throw new InvalidAssessmentException($"Outcome scheme '{id}' is not known. Known: {string.Join(", ", _schemes.Keys)}.");
}
