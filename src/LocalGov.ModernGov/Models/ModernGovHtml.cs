namespace LocalGov.ModernGov;

/// <summary>
/// HTML as Modern.Gov publishes it (often Word-generated), kept as HTML, with a plain-text reading.
/// </summary>
public sealed record ModernGovHtml
{
    /// <summary>Wraps <paramref name="html"/>.</summary>
    /// <param name="html">The HTML fragment.</param>
    public ModernGovHtml(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        Html = html;
    }

    /// <summary>The HTML fragment, unescaped once (or twice, when the server escaped the markup twice).</summary>
    public string Html { get; }

    /// <summary>The text: tags dropped, block elements as line breaks, entities decoded, spaces collapsed.</summary>
    public string PlainText => ModernGovText.HtmlToPlainText(Html);

    /// <inheritdoc />
    public override string ToString() => PlainText;
}
