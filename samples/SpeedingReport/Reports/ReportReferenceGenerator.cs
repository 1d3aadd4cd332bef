using System.Security.Cryptography;

namespace SpeedingReport.Reports;

/// <summary>
/// References like <c>SR-7KQ4-M2XD</c>: eight characters from a CSPRNG over an alphabet without the characters that
/// are confused when read aloud or written down (0/O, 1/I/L, U/V), so about 6.5 × 10¹¹ of them, none derivable from
/// another. Uniqueness is the database's unique index; the submitter draws again on a collision.
/// </summary>
public sealed class ReportReferenceGenerator : IReportReferenceGenerator
{
    /// <summary>30 characters: 2–9 and A–Z without I, L, O, U.</summary>
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    private static readonly System.Buffers.SearchValues<char> AlphabetValues = System.Buffers.SearchValues.Create(Alphabet);

    public string NewReference()
    {
        // GetItems draws each character uniformly (no modulo bias) from the system CSPRNG.
        Span<char> c = stackalloc char[8];
        RandomNumberGenerator.GetItems(Alphabet, c);
        return string.Create(12, c.ToArray(), static (s, x) =>
        {
            "SR-".CopyTo(s);
            x.AsSpan(0, 4).CopyTo(s[3..]);
            s[7] = '-';
            x.AsSpan(4, 4).CopyTo(s[8..]);
        });
    }

    /// <summary>Whether a string has the shape of a reference (for the tests and, later, staff search).</summary>
    public static bool IsWellFormed(string? reference) =>
        reference is { Length: 12 } r && r.StartsWith("SR-", StringComparison.Ordinal) && r[7] == '-'
        && r.AsSpan(3, 4).IndexOfAnyExcept(AlphabetValues) < 0 && r.AsSpan(8, 4).IndexOfAnyExcept(AlphabetValues) < 0;
}
