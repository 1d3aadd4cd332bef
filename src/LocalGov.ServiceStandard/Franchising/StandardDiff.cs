using System.Text;
using LocalGov.ServiceStandard.Catalogue;

namespace LocalGov.ServiceStandard.Franchising;

/// <summary>The point-by-point difference between two standard versions (any two: parent and derived, or two releases).</summary>
public sealed record StandardDiff
{
    /// <summary>The older version.</summary>
    public required StandardReference From { get; init; }

    /// <summary>The newer version.</summary>
    public required StandardReference To { get; init; }

    /// <summary>Every point of either version: newer order first, then removed points in their old order.</summary>
    public required IReadOnlyList<PointChange> Changes { get; init; }

    /// <summary>Whether anything differs.</summary>
    public bool HasChanges => Changes.Any(c => c.Kind != PointChangeKind.Unchanged);

    /// <summary>Compares two versions, matching points by their stable ids.</summary>
    /// <param name="from">The older version.</param>
    /// <param name="to">The newer version.</param>
    /// <returns>The difference.</returns>
    public static StandardDiff Compare(StandardVersion from, StandardVersion to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var changes = new List<PointChange>();
        foreach (var point in to.Points)
        {
            var old = from.FindPoint(point.Id);
            if (old is null)
            {
                changes.Add(new PointChange { Kind = PointChangeKind.Added, PointId = point.Id, NewNumber = point.Number, NewTitle = point.Title, NewText = point.Text });
                continue;
            }

            var reworded = !string.Equals(old.Title, point.Title, StringComparison.Ordinal) || !string.Equals(old.Text, point.Text, StringComparison.Ordinal);
            var kind = reworded ? PointChangeKind.Reworded : old.Number != point.Number ? PointChangeKind.Moved : PointChangeKind.Unchanged;
            changes.Add(new PointChange
            {
                Kind = kind,
                PointId = point.Id,
                OldNumber = old.Number,
                NewNumber = point.Number,
                OldTitle = old.Title,
                NewTitle = point.Title,
                OldText = old.Text,
                NewText = point.Text,
                WordDiff = reworded && !string.Equals(old.Text, point.Text, StringComparison.Ordinal) ? WordDiffer.Diff(old.Text ?? string.Empty, point.Text ?? string.Empty) : null,
            });
        }

        foreach (var old in from.Points.Where(p => to.FindPoint(p.Id) is null))
        {
            changes.Add(new PointChange { Kind = PointChangeKind.Removed, PointId = old.Id, OldNumber = old.Number, OldTitle = old.Title, OldText = old.Text });
        }

        return new StandardDiff { From = from.Reference, To = to.Reference, Changes = changes };
    }

    /// <summary>The difference as readable Markdown: a summary line, then one entry per changed point.</summary>
    /// <returns>The Markdown.</returns>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append("# ").Append(From).Append(" → ").Append(To).Append("\n\n");
        var counts = Changes.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Count());
        text.Append(string.Join(", ", new[] { PointChangeKind.Added, PointChangeKind.Removed, PointChangeKind.Reworded, PointChangeKind.Moved, PointChangeKind.Unchanged }
            .Select(k => $"{counts.GetValueOrDefault(k)} {Name(k)}"))).Append(".\n");
        foreach (var change in Changes.Where(c => c.Kind != PointChangeKind.Unchanged))
        {
            text.Append('\n');
            switch (change.Kind)
            {
                case PointChangeKind.Added:
                    text.Append("## Added: ").Append(change.NewNumber).Append(". ").Append(change.NewTitle ?? change.PointId).Append("\n\n");
                    if (change.NewText is not null)
                    {
                        text.Append(change.NewText).Append('\n');
                    }

                    break;
                case PointChangeKind.Removed:
                    text.Append("## Removed: ").Append(change.OldNumber).Append(". ").Append(change.OldTitle ?? change.PointId).Append('\n');
                    break;
                case PointChangeKind.Moved:
                    text.Append("## Moved: ").Append(change.NewTitle ?? change.PointId).Append(" (point ").Append(change.OldNumber).Append(" → ").Append(change.NewNumber).Append(")\n");
                    break;
                default:
                    text.Append("## Reworded: ").Append(change.NewNumber).Append(". ").Append(change.NewTitle ?? change.PointId);
                    if (change.Renumbered)
                    {
                        text.Append(" (was point ").Append(change.OldNumber).Append(')');
                    }

                    text.Append("\n\n");
                    if (!string.Equals(change.OldTitle, change.NewTitle, StringComparison.Ordinal))
                    {
                        text.Append("Title: \"").Append(change.OldTitle).Append("\" → \"").Append(change.NewTitle).Append("\"\n\n");
                    }

                    if (change.WordDiff is not null)
                    {
                        text.Append(change.WordDiff).Append('\n');
                    }

                    break;
            }
        }

        return text.ToString();
    }

    private static string Name(PointChangeKind kind) => kind switch
    {
        PointChangeKind.Added => "added",
        PointChangeKind.Removed => "removed",
        PointChangeKind.Reworded => "reworded",
        PointChangeKind.Moved => "moved",
        _ => "unchanged",
    };
}
