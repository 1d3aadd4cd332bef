namespace LocalGov.ModernGov;

/// <summary>Parses a value from characters, or returns null (a span cannot be a <see cref="Func{T, TResult}"/> argument).</summary>
internal delegate T? SpanParser<T>(ReadOnlySpan<char> value)
    where T : struct;
