using System.Text;

namespace LocalGov.ServiceStandard.Franchising;

/// <summary>A word-level difference by longest common subsequence, written in git's word-diff style.</summary>
internal static class WordDiffer
{
    public static string Diff(string oldText, string newText)
    {
        var a = oldText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var b = newText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = string.Equals(a[i], b[j], StringComparison.Ordinal) ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var output = new StringBuilder();
        var removed = new List<string>();
        var added = new List<string>();
        void Flush()
        {
            var change = (removed.Count > 0 ? "[-" + string.Join(' ', removed) + "-]" : string.Empty)
                + (added.Count > 0 ? "{+" + string.Join(' ', added) + "+}" : string.Empty);
            if (change.Length > 0)
            {
                Append(output, change);
            }

            removed.Clear();
            added.Clear();
        }

        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && string.Equals(a[x], b[y], StringComparison.Ordinal))
            {
                Flush();
                Append(output, a[x]);
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                added.Add(b[y++]);
            }
            else
            {
                removed.Add(a[x++]);
            }
        }

        Flush();
        return output.ToString();
    }

    /// <summary>A line-level difference: unchanged lines start with two spaces, removed with "- ", added with "+ ".</summary>
    public static IReadOnlyList<string> DiffLines(string oldText, string newText)
    {
        var a = oldText.ReplaceLineEndings("\n").Split('\n');
        var b = newText.ReplaceLineEndings("\n").Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = string.Equals(a[i], b[j], StringComparison.Ordinal) ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var lines = new List<string>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && string.Equals(a[x], b[y], StringComparison.Ordinal))
            {
                lines.Add("  " + a[x++]);
                y++;
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                lines.Add("- " + a[x++]);
            }
            else
            {
                lines.Add("+ " + b[y++]);
            }
        }

        return lines;
    }

    private static void Append(StringBuilder output, string word)
    {
        if (output.Length > 0)
        {
            output.Append(' ');
        }

        output.Append(word);
    }
}
