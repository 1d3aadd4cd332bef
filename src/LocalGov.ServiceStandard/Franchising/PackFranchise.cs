using LocalGov.ServiceStandard.Catalogue;

namespace LocalGov.ServiceStandard.Franchising;

/// <summary>Takes a pack from another peer group, revises it by recorded edits, rebases it onto a newer version of that pack, and traces lineage.</summary>
public static class PackFranchise
{
    /// <summary>Derives a pack from <paramref name="parent"/>; the edits are recorded and the licence carried through.</summary>
    /// <param name="parent">The pack taken.</param>
    /// <param name="id">The new pack's id.</param>
    /// <param name="version">The new pack's version.</param>
    /// <param name="edits">The edits, applied in order.</param>
    /// <param name="title">The new title, or null to keep the parent's.</param>
    /// <param name="peerGroup">The group taking it.</param>
    /// <param name="note">Why.</param>
    /// <returns>The derived pack.</returns>
    /// <exception cref="StandardEditException">An edit names a session or material that does not exist, or adds one that does.</exception>
    public static PeerGroupPack Derive(PeerGroupPack parent, string id, string version, IReadOnlyList<PackEdit> edits, string? title = null, string? peerGroup = null, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentNullException.ThrowIfNull(edits);
        return parent with
        {
            Id = id,
            Version = version,
            Title = title ?? parent.Title,
            PeerGroup = peerGroup ?? parent.PeerGroup,
            DerivedFrom = new PackDerivation { Parent = parent.Reference, Note = note, Edits = [.. edits] },
            Sessions = Apply(parent.Sessions, edits, parent.Reference.ToString()),
        };
    }

    /// <summary>The chain from <paramref name="pack"/> back to its origin among <paramref name="known"/> packs, newest first.</summary>
    /// <param name="pack">Where to start.</param>
    /// <param name="known">The packs available (e.g. imported from other regions).</param>
    /// <returns>The references; the last one is the origin (or the first parent not among <paramref name="known"/>).</returns>
    public static IReadOnlyList<PackReference> Lineage(PeerGroupPack pack, IEnumerable<PeerGroupPack> known)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(known);
        var byReference = known.GroupBy(p => p.Reference).ToDictionary(g => g.Key, g => g.First());
        var lineage = new List<PackReference> { pack.Reference };
        var current = pack;
        while (current.DerivedFrom?.Parent is { } parent && !lineage.Contains(parent))
        {
            lineage.Add(parent);
            if (!byReference.TryGetValue(parent, out var next))
            {
                break;
            }

            current = next;
        }

        return lineage;
    }

    /// <summary>
    /// Replays <paramref name="derived"/>'s recorded edits on <paramref name="newParent"/>, a newer version of the pack it
    /// was taken from. Where upstream changed something an edit also touches, or an edit no longer applies, the rebase
    /// reports a conflict and produces no pack: nothing is resolved silently.
    /// </summary>
    /// <param name="derived">The derived pack (its <see cref="PeerGroupPack.DerivedFrom"/> names <paramref name="oldParent"/>).</param>
    /// <param name="oldParent">The pack it was derived from.</param>
    /// <param name="newParent">Another version of that pack: the same id, a different version.</param>
    /// <returns>
    /// The rebased pack, or the conflicts. The rebased pack keeps the derived pack's id, version, title, peer group and
    /// derivation note and edits, now with <paramref name="newParent"/> as parent; like a derived pack, it takes the
    /// parent's description, standard and attribution.
    /// </returns>
    /// <exception cref="StandardEditException">
    /// <paramref name="derived"/> was not derived from <paramref name="oldParent"/>, its edits do not apply to
    /// <paramref name="oldParent"/>, or it differs from what they make of it (a rebase would lose those changes); or
    /// <paramref name="newParent"/> is not another version of the same pack.
    /// </exception>
    public static PackRebaseResult Rebase(PeerGroupPack derived, PeerGroupPack oldParent, PeerGroupPack newParent)
    {
        ArgumentNullException.ThrowIfNull(derived);
        ArgumentNullException.ThrowIfNull(oldParent);
        ArgumentNullException.ThrowIfNull(newParent);
        if (derived.DerivedFrom is null || derived.DerivedFrom.Parent != oldParent.Reference)
        {
            throw new StandardEditException($"{derived.Reference} was not derived from {oldParent.Reference} (its parent: {derived.DerivedFrom?.Parent.ToString() ?? "none"}), so it cannot be rebased from it.");
        }

        // Versions are free text ("2016-07", "2"), so "newer" cannot be checked; but the conflicts are found by comparing
        // the two parents, which means nothing unless they are versions of one pack.
        if (!string.Equals(newParent.Id, oldParent.Id, StringComparison.Ordinal) || string.Equals(newParent.Version, oldParent.Version, StringComparison.Ordinal))
        {
            throw new StandardEditException($"{newParent.Reference} is not another version of {oldParent.Id}, so {derived.Reference} cannot be rebased onto it: a pack is rebased onto a newer version of the pack it was taken from.");
        }

        if (newParent.Reference == derived.Reference)
        {
            throw new StandardEditException($"{derived.Reference} cannot be rebased onto itself.");
        }

        // The rebased pack is rebuilt from the edits, so a change made outside them (say, by hand in an exported folder)
        // would be dropped without a word; refuse instead.
        var edits = derived.DerivedFrom.Edits;
        var unrecorded = Unrecorded(derived, oldParent, Apply(oldParent.Sessions, edits, oldParent.Reference.ToString()));
        if (unrecorded.Count > 0)
        {
            throw new StandardEditException($"{derived.Reference} has changes its edits do not record ({string.Join("; ", unrecorded)}), and a rebase would lose them. Record them as edits and derive it again from {oldParent.Reference}, then rebase.");
        }

        var conflicts = new List<PackRebaseConflict>();
        var sessions = newParent.Sessions.ToList();
        for (var i = 0; i < edits.Count; i++)
        {
            var clashes = Conflicts(i, edits[i], oldParent, newParent);
            if (clashes.Count > 0)
            {
                // Left out of the replay, so later edits meet the new parent as upstream left it; one that builds on this edit then no longer applies.
                conflicts.AddRange(clashes);
            }
            else if (ApplyOne(sessions, edits[i]) is { } reason)
            {
                conflicts.Add(Conflict(i, edits[i], PackRebaseConflictKind.NoLongerApplies, $"it cannot be applied to {newParent.Reference}: {reason}"));
            }
        }

        if (conflicts.Count > 0)
        {
            return new PackRebaseResult { Conflicts = conflicts };
        }

        // Built here rather than by Derive, which would take the new parent's peer group where the derived pack has none.
        return new PackRebaseResult
        {
            Rebased = newParent with
            {
                Id = derived.Id,
                Version = derived.Version,
                Title = derived.Title,
                PeerGroup = derived.PeerGroup,
                DerivedFrom = derived.DerivedFrom with { Parent = newParent.Reference },
                Sessions = sessions,
            },
            Conflicts = [],
        };
    }

    internal static List<PackSession> Apply(IReadOnlyList<PackSession> parentSessions, IReadOnlyList<PackEdit> edits, string target)
    {
        var sessions = parentSessions.ToList();
        for (var i = 0; i < edits.Count; i++)
        {
            var edit = edits[i] ?? throw new StandardEditException(target, i, "null", "the edit is missing");
            if (ApplyOne(sessions, edit) is { } reason)
            {
                throw new StandardEditException(target, i, edit.Describe(), reason);
            }
        }

        return sessions;
    }

    /// <returns>Null when applied; else why the edit cannot apply (and <paramref name="sessions"/> is unchanged).</returns>
    private static string? ApplyOne(List<PackSession> sessions, PackEdit edit)
    {
        var index = sessions.FindIndex(s => string.Equals(s.Id, edit.SessionId, StringComparison.Ordinal));
        if (edit is AddSession add)
        {
            if (index >= 0)
            {
                return $"a session with id '{add.SessionId}' already exists";
            }

            var at = 0;
            if (add.AfterSessionId is not null)
            {
                at = sessions.FindIndex(s => string.Equals(s.Id, add.AfterSessionId, StringComparison.Ordinal)) + 1;
                if (at == 0)
                {
                    return $"there is no session '{add.AfterSessionId}' to place it after";
                }
            }

            sessions.Insert(at, new PackSession { Id = add.SessionId, Title = add.Title, PointIds = add.PointIds });
            return null;
        }

        if (index < 0)
        {
            return $"there is no session '{edit.SessionId}'";
        }

        var session = sessions[index];
        switch (edit)
        {
            case RemoveSession:
                sessions.RemoveAt(index);
                return null;
            case ReplaceAgenda agenda:
                sessions[index] = session with { Agenda = agenda.Agenda };
                return null;
            case AddMaterial addMaterial:
                if (FindMaterial(session, addMaterial.Material.Id) is not null)
                {
                    return $"material '{addMaterial.Material.Id}' already exists";
                }

                sessions[index] = session with { Materials = [.. session.Materials, addMaterial.Material] };
                return null;
            case EditMaterial editMaterial:
                var m = FindMaterial(session, editMaterial.MaterialId);
                if (m is null)
                {
                    return $"session '{session.Id}' has no material '{editMaterial.MaterialId}'";
                }

                sessions[index] = session with { Materials = [.. session.Materials.Select(x => ReferenceEquals(x, m) ? x with { Markdown = editMaterial.Markdown, Title = editMaterial.Title ?? x.Title } : x)] };
                return null;
            case RemoveMaterial removeMaterial:
                var r = FindMaterial(session, removeMaterial.MaterialId);
                if (r is null)
                {
                    return $"session '{session.Id}' has no material '{removeMaterial.MaterialId}'";
                }

                sessions[index] = session with { Materials = [.. session.Materials.Where(x => !ReferenceEquals(x, r))] };
                return null;
            default:
                return "unknown kind of edit";
        }
    }

    /// <summary>What upstream changed between the parents that <paramref name="edit"/> also touches.</summary>
    private static List<PackRebaseConflict> Conflicts(int index, PackEdit edit, PeerGroupPack oldParent, PeerGroupPack newParent)
    {
        var conflicts = new List<PackRebaseConflict>();
        var before = PackDiff.Find(oldParent, edit.SessionId);
        var after = PackDiff.Find(newParent, edit.SessionId);
        if (edit is AddSession add)
        {
            if (before is null && after is not null)
            {
                conflicts.Add(Conflict(index, edit, PackRebaseConflictKind.AddedUpstream, $"upstream added a session with the same id (\"{after.Title}\")"));
            }

            if (add.AfterSessionId is { } anchor && PackDiff.Find(oldParent, anchor) is not null && PackDiff.Find(newParent, anchor) is null)
            {
                conflicts.Add(Conflict(index, edit, PackRebaseConflictKind.AnchorRemovedUpstream, $"upstream removed '{anchor}', the session this edit places after"));
            }

            return conflicts;
        }

        if (before is not null && after is null)
        {
            conflicts.Add(Conflict(index, edit, PackRebaseConflictKind.RemovedUpstream, edit is RemoveSession
                ? "upstream removed the session too; drop this edit if that is what you want"
                : $"upstream removed session '{edit.SessionId}', which this edit changes"));
            return conflicts;
        }

        if (before is null || after is null)
        {
            // The session comes from an earlier edit, not from upstream: the replay tells whether the edit still applies.
            return conflicts;
        }

        var materialId = MaterialId(edit);
        var oldMaterial = materialId is null ? null : FindMaterial(before, materialId);
        var newMaterial = materialId is null ? null : FindMaterial(after, materialId);
        switch (edit)
        {
            case RemoveSession when SessionChanges(before, after) is { Count: > 0 } changed:
                conflicts.Add(Conflict(index, edit, PackRebaseConflictKind.RemovedHereChangedUpstream, $"upstream changed the session this edit removes (its {string.Join(", ", changed)})"));
                break;
            case ReplaceAgenda agenda when !before.Agenda.SequenceEqual(after.Agenda):
                conflicts.Add(Conflict(index, edit, PackRebaseConflictKind.BothChanged, $"upstream changed the agenda too, now {PackDiff.Agenda(after.Agenda)}; here: {PackDiff.Agenda(agenda.Agenda)}"));
                break;
            case AddMaterial when oldMaterial is null && newMaterial is not null:
                conflicts.Add(Conflict(index, edit, PackRebaseConflictKind.AddedUpstream, $"upstream added a material with the same id (\"{newMaterial.Title}\")"));
                break;
            case EditMaterial or RemoveMaterial when oldMaterial is not null && newMaterial is null:
                conflicts.Add(Conflict(index, edit, PackRebaseConflictKind.RemovedUpstream, edit is RemoveMaterial
                    ? "upstream removed the material too; drop this edit if that is what you want"
                    : "upstream removed the material this edit changes"));
                break;
            case EditMaterial change when oldMaterial is not null && newMaterial is not null:
                if (change.Title is not null && !string.Equals(oldMaterial.Title, newMaterial.Title, StringComparison.Ordinal))
                {
                    conflicts.Add(Conflict(index, edit, PackRebaseConflictKind.BothChanged, $"upstream retitled it \"{oldMaterial.Title}\" → \"{newMaterial.Title}\"; here: \"{change.Title}\""));
                }

                if (!string.Equals(oldMaterial.Markdown, newMaterial.Markdown, StringComparison.Ordinal))
                {
                    conflicts.Add(Conflict(index, edit, PackRebaseConflictKind.BothChanged, $"upstream changed its Markdown too ({LineChanges(oldMaterial.Markdown, newMaterial.Markdown)}); this edit replaces it with its own"));
                }

                break;
            case RemoveMaterial when oldMaterial is not null && newMaterial is not null && oldMaterial != newMaterial:
                conflicts.Add(Conflict(index, edit, PackRebaseConflictKind.RemovedHereChangedUpstream, $"upstream changed the material this edit removes ({MaterialChanges(oldMaterial, newMaterial)})"));
                break;
            default:
                break;
        }

        return conflicts;
    }

    /// <summary>How <paramref name="derived"/> differs from what its edits make of <paramref name="oldParent"/> (<paramref name="recorded"/>).</summary>
    private static List<string> Unrecorded(PeerGroupPack derived, PeerGroupPack oldParent, List<PackSession> recorded)
    {
        var differences = new List<string>();
        if (!derived.Sessions.Select(s => s.Id).SequenceEqual(recorded.Select(s => s.Id), StringComparer.Ordinal))
        {
            differences.Add($"sessions {string.Join(", ", derived.Sessions.Select(s => s.Id))}; the edits give {string.Join(", ", recorded.Select(s => s.Id))}");
        }
        else
        {
            foreach (var (mine, theirs) in derived.Sessions.Zip(recorded))
            {
                if (SessionChanges(theirs, mine) is { Count: > 0 } changed)
                {
                    differences.Add($"session '{mine.Id}': {string.Join(", ", changed)}");
                }
            }
        }

        if (!string.Equals(derived.Description, oldParent.Description, StringComparison.Ordinal))
        {
            differences.Add("the description");
        }

        if (derived.Standard != oldParent.Standard)
        {
            differences.Add("the standard");
        }

        if (!SameAttribution(derived.Attribution, oldParent.Attribution))
        {
            differences.Add("the attribution");
        }

        return differences;
    }

    private static List<string> SessionChanges(PackSession before, PackSession after)
    {
        var changes = new List<string>();
        if (!string.Equals(before.Title, after.Title, StringComparison.Ordinal))
        {
            changes.Add("title");
        }

        if (!before.PointIds.SequenceEqual(after.PointIds, StringComparer.Ordinal))
        {
            changes.Add("points");
        }

        if (!before.Agenda.SequenceEqual(after.Agenda))
        {
            changes.Add("agenda");
        }

        // Materials and agenda items hold only text and numbers, so record equality compares their content.
        if (!before.Materials.SequenceEqual(after.Materials))
        {
            changes.Add("materials");
        }

        return changes;
    }

    private static bool SameAttribution(Attribution? a, Attribution? b) =>
        a is null || b is null
            ? a is null && b is null
            : string.Equals(a.Statement, b.Statement, StringComparison.Ordinal) && string.Equals(a.Licence, b.Licence, StringComparison.Ordinal) && a.LicenceUrl == b.LicenceUrl && a.Sources.SequenceEqual(b.Sources);

    private static string MaterialChanges(PackMaterial before, PackMaterial after)
    {
        var changes = new List<string>();
        if (!string.Equals(before.Title, after.Title, StringComparison.Ordinal))
        {
            changes.Add($"title \"{before.Title}\" → \"{after.Title}\"");
        }

        if (!string.Equals(before.Markdown, after.Markdown, StringComparison.Ordinal))
        {
            changes.Add($"Markdown: {LineChanges(before.Markdown, after.Markdown)}");
        }

        return string.Join("; ", changes);
    }

    private static string LineChanges(string before, string after)
    {
        var lines = WordDiffer.DiffLines(before, after);
        var removed = lines.Count(l => l.StartsWith("- ", StringComparison.Ordinal));
        var added = lines.Count(l => l.StartsWith("+ ", StringComparison.Ordinal));
        return removed + added == 0 ? "line endings only" : $"{removed} line(s) removed, {added} added";
    }

    private static string? MaterialId(PackEdit edit) => edit switch
    {
        AddMaterial add => add.Material.Id,
        EditMaterial change => change.MaterialId,
        RemoveMaterial remove => remove.MaterialId,
        _ => null,
    };

    private static PackMaterial? FindMaterial(PackSession session, string materialId) =>
        session.Materials.FirstOrDefault(m => string.Equals(m.Id, materialId, StringComparison.Ordinal));

    private static PackRebaseConflict Conflict(int index, PackEdit edit, PackRebaseConflictKind kind, string detail) =>
        new() { EditIndex = index, Edit = edit.Describe(), SessionId = edit.SessionId, MaterialId = MaterialId(edit), Kind = kind, Detail = detail };
}
