using LocalGov.ServiceStandard.Catalogue;

namespace LocalGov.ServiceStandard.Franchising;

/// <summary>Derives new standard versions from a parent by recorded edits, and rebases them onto a newer parent.</summary>
public static class StandardDerivation
{
    /// <summary>Derives a version from <paramref name="parent"/> by applying <paramref name="edits"/>; the edits are recorded.</summary>
    /// <param name="parent">The parent version.</param>
    /// <param name="standardId">The derived standard's id (the parent's id for a new version of the same standard).</param>
    /// <param name="version">The derived version's id.</param>
    /// <param name="edits">The edits, applied in order.</param>
    /// <param name="title">The derived title, or null to keep the parent's.</param>
    /// <param name="publisher">Who publishes the derived version (e.g. a peer group), or null to keep the parent's.</param>
    /// <param name="note">Why it was derived.</param>
    /// <returns>The derived version (status draft, parent's attribution carried through).</returns>
    /// <exception cref="StandardEditException">An edit cannot be applied.</exception>
    public static StandardVersion Derive(StandardVersion parent, string standardId, string version, IReadOnlyList<StandardEdit> edits, string? title = null, string? publisher = null, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentException.ThrowIfNullOrWhiteSpace(standardId);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentNullException.ThrowIfNull(edits);
        if (string.Equals(standardId, parent.StandardId, StringComparison.Ordinal) && string.Equals(version, parent.Version, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The derived version must differ from its parent {parent.Reference}.", nameof(version));
        }

        var points = Apply(parent.Points, edits, parent.Reference.ToString());
        var ids = points.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        return new StandardVersion
        {
            StandardId = standardId,
            Version = version,
            Title = title ?? parent.Title,
            Publisher = publisher ?? parent.Publisher,
            Kind = parent.Kind,
            Status = StandardStatus.Draft,
            Description = parent.Description,
            Mandatory = parent.Mandatory,
            DerivedFrom = new Derivation { Parent = parent.Reference, Note = note, Edits = [.. edits] },
            Attribution = parent.Attribution,
            Sections = [.. parent.Sections.Select(s => s with { PointIds = [.. s.PointIds.Where(ids.Contains)] }).Where(s => s.PointIds.Count > 0)],
            Notes = [$"Derived from {parent.Reference} ({parent.Title}) by {edits.Count} recorded edit(s)."],
            Points = points,
        };
    }

    /// <summary>
    /// Replays <paramref name="derived"/>'s recorded edits on <paramref name="newParent"/>. Where upstream changed
    /// something an edit also touches, the rebase reports a conflict and produces no result: nothing is resolved silently.
    /// </summary>
    /// <param name="derived">The derived version (its <see cref="StandardVersion.DerivedFrom"/> names <paramref name="oldParent"/>).</param>
    /// <param name="oldParent">The parent it was derived from.</param>
    /// <param name="newParent">The newer parent.</param>
    /// <returns>The rebased version, or the conflicts.</returns>
    /// <exception cref="StandardEditException"><paramref name="derived"/> was not derived from <paramref name="oldParent"/>.</exception>
    public static RebaseResult Rebase(StandardVersion derived, StandardVersion oldParent, StandardVersion newParent)
    {
        ArgumentNullException.ThrowIfNull(derived);
        ArgumentNullException.ThrowIfNull(oldParent);
        ArgumentNullException.ThrowIfNull(newParent);
        if (derived.DerivedFrom is null || derived.DerivedFrom.Parent != oldParent.Reference)
        {
            throw new StandardEditException($"{derived.Reference} was not derived from {oldParent.Reference} (its parent: {derived.DerivedFrom?.Parent.ToString() ?? "none"}), so it cannot be rebased from it.");
        }

        var conflicts = new List<RebaseConflict>();
        var edits = derived.DerivedFrom.Edits;
        for (var i = 0; i < edits.Count; i++)
        {
            var edit = edits[i];
            var before = oldParent.FindPoint(edit.PointId);
            var after = newParent.FindPoint(edit.PointId);
            switch (edit)
            {
                case RewordPoint reword when before is not null && after is null:
                    conflicts.Add(Conflict(i, edit, RebaseConflictKind.RemovedUpstream, "upstream removed the point this edit rewords"));
                    break;
                case RewordPoint reword when before is not null && after is not null:
                    if (reword.Title is not null && !string.Equals(before.Title, after.Title, StringComparison.Ordinal))
                    {
                        conflicts.Add(Conflict(i, edit, RebaseConflictKind.BothReworded, $"upstream retitled it \"{before.Title}\" → \"{after.Title}\"; here: \"{reword.Title}\""));
                    }

                    if (reword.Text is not null && !string.Equals(before.Text, after.Text, StringComparison.Ordinal))
                    {
                        conflicts.Add(Conflict(i, edit, RebaseConflictKind.BothReworded, $"upstream changed the text to \"{after.Text}\"; here: \"{reword.Text}\""));
                    }

                    break;
                case RemovePoint when before is not null && after is null:
                    conflicts.Add(Conflict(i, edit, RebaseConflictKind.RemovedUpstream, "upstream removed the point too; drop this edit if that is what you want"));
                    break;
                case RemovePoint when before is not null && after is not null && (!string.Equals(before.Title, after.Title, StringComparison.Ordinal) || !string.Equals(before.Text, after.Text, StringComparison.Ordinal)):
                    conflicts.Add(Conflict(i, edit, RebaseConflictKind.RemovedHereChangedUpstream, $"upstream reworded the point this edit removes (now \"{after.Title}\")"));
                    break;
                case AddPoint when after is not null:
                    conflicts.Add(Conflict(i, edit, RebaseConflictKind.AddedUpstream, $"upstream added a point with the same id (\"{after.Title}\")"));
                    break;
                case MovePoint when before is not null && after is null:
                    conflicts.Add(Conflict(i, edit, RebaseConflictKind.RemovedUpstream, "upstream removed the point this edit moves"));
                    break;
                default:
                    break;
            }

            var anchor = edit switch
            {
                AddPoint add => add.AfterPointId,
                MovePoint move => move.AfterPointId,
                _ => null,
            };
            if (anchor is not null && oldParent.FindPoint(anchor) is not null && newParent.FindPoint(anchor) is null)
            {
                conflicts.Add(Conflict(i, edit, RebaseConflictKind.AnchorRemovedUpstream, $"upstream removed '{anchor}', the point this edit places after"));
            }
        }

        if (conflicts.Count > 0)
        {
            return new RebaseResult { Conflicts = conflicts };
        }

        var rebased = Derive(newParent, derived.StandardId, derived.Version, edits, derived.Title, derived.Publisher, derived.DerivedFrom.Note);
        return new RebaseResult
        {
            Rebased = rebased with
            {
                Status = derived.Status,
                Notes = [.. rebased.Notes, $"Rebased from {oldParent.Reference} onto {newParent.Reference}."],
            },
            Conflicts = [],
        };
    }

    internal static List<StandardPoint> Apply(IReadOnlyList<StandardPoint> parentPoints, IReadOnlyList<StandardEdit> edits, string target)
    {
        var points = parentPoints.ToList();
        for (var i = 0; i < edits.Count; i++)
        {
            var edit = edits[i] ?? throw new StandardEditException(target, i, "null", "the edit is missing");
            var index = points.FindIndex(p => string.Equals(p.Id, edit.PointId, StringComparison.Ordinal));
            switch (edit)
            {
                case RewordPoint reword:
                    RequireExisting(index, target, i, edit);
                    if (reword.Title is null && reword.Text is null)
                    {
                        throw new StandardEditException(target, i, edit.Describe(), "a reword must give a title, a text or both");
                    }

                    points[index] = points[index] with { Title = reword.Title ?? points[index].Title, Text = reword.Text ?? points[index].Text, Gaps = reword.Text is null ? points[index].Gaps : [] };
                    break;
                case AddPoint add:
                    if (index >= 0)
                    {
                        throw new StandardEditException(target, i, edit.Describe(), $"a point with id '{add.PointId}' already exists");
                    }

                    points.Insert(InsertionIndex(points, add.AfterPointId, target, i, edit), new StandardPoint
                    {
                        Id = add.PointId,
                        Number = 0,
                        Title = add.Title,
                        Text = add.Text,
                        Recommendation = add.Recommendation,
                    });
                    break;
                case RemovePoint:
                    RequireExisting(index, target, i, edit);
                    points.RemoveAt(index);
                    break;
                case MovePoint move:
                    RequireExisting(index, target, i, edit);
                    if (string.Equals(move.AfterPointId, move.PointId, StringComparison.Ordinal))
                    {
                        throw new StandardEditException(target, i, edit.Describe(), "a point cannot follow itself");
                    }

                    var moving = points[index];
                    points.RemoveAt(index);
                    points.Insert(InsertionIndex(points, move.AfterPointId, target, i, edit), moving);
                    break;
                default:
                    throw new StandardEditException(target, i, edit.GetType().Name, "unknown kind of edit");
            }
        }

        return [.. points.Select((p, n) => p with { Number = n + 1 })];
    }

    private static void RequireExisting(int index, string target, int editIndex, StandardEdit edit)
    {
        if (index < 0)
        {
            throw new StandardEditException(target, editIndex, edit.Describe(), $"there is no point with id '{edit.PointId}'");
        }
    }

    private static int InsertionIndex(List<StandardPoint> points, string? afterPointId, string target, int editIndex, StandardEdit edit)
    {
        if (afterPointId is null)
        {
            return 0;
        }

        var anchor = points.FindIndex(p => string.Equals(p.Id, afterPointId, StringComparison.Ordinal));
        return anchor >= 0 ? anchor + 1 : throw new StandardEditException(target, editIndex, edit.Describe(), $"there is no point with id '{afterPointId}' to place it after");
    }

    private static RebaseConflict Conflict(int index, StandardEdit edit, RebaseConflictKind kind, string detail) =>
        new() { EditIndex = index, Edit = edit.Describe(), PointId = edit.PointId, Kind = kind, Detail = detail };
}
