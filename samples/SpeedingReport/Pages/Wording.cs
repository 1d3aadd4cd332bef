namespace SpeedingReport.Pages;

/// <summary>Fitting the council's text into a sentence without changing its names' capitalisation.</summary>
public static class Wording
{
    /// <summary>
    /// Lower-cases only the first letter, so "Does the parish run a Community Speedwatch scheme" reads "does the parish
    /// run a Community Speedwatch scheme"; a first word in capitals ("CCTV", "A-road" stays) or a name is left alone.
    /// </summary>
    public static string LowerFirst(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || !char.IsUpper(text[0]))
        {
            return text;
        }

        // A second capital in the first word (an acronym, "A-road" aside) means it is not an ordinary sentence opening.
        var firstWord = text.Split(' ', 2)[0];
        if (firstWord.Length > 1 && firstWord.Skip(1).Any(char.IsUpper))
        {
            return text;
        }

        return char.ToLowerInvariant(text[0]) + text[1..];
    }
}
