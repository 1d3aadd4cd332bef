namespace LocalGov.ModernGov;

/// <summary>
/// Parses the common form of a value straight from the body's UTF-8, or returns null to have the text decoded and
/// given to the <see cref="SpanParser{T}"/>, which knows every form and what to keep when nothing parses.
/// </summary>
internal delegate T? Utf8SpanParser<T>(ReadOnlySpan<byte> value)
    where T : struct;
