namespace LocalGov.ServiceStandard.Franchising;

/// <summary>Takes a pack from another peer group, revises it by recorded edits, and traces lineage.</summary>
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

    internal static List<PackSession> Apply(IReadOnlyList<PackSession> parentSessions, IReadOnlyList<PackEdit> edits, string target)
    {
        var sessions = parentSessions.ToList();
        for (var i = 0; i < edits.Count; i++)
        {
            var edit = edits[i] ?? throw new StandardEditException(target, i, "null", "the edit is missing");
            var index = sessions.FindIndex(s => string.Equals(s.Id, edit.SessionId, StringComparison.Ordinal));
            if (edit is AddSession add)
            {
                if (index >= 0)
                {
                    throw new StandardEditException(target, i, edit.Describe(), $"a session with id '{add.SessionId}' already exists");
                }

                var at = 0;
                if (add.AfterSessionId is not null)
                {
                    at = sessions.FindIndex(s => string.Equals(s.Id, add.AfterSessionId, StringComparison.Ordinal)) + 1;
                    if (at == 0)
                    {
                        throw new StandardEditException(target, i, edit.Describe(), $"there is no session '{add.AfterSessionId}' to place it after");
                    }
                }

                sessions.Insert(at, new PackSession { Id = add.SessionId, Title = add.Title, PointIds = add.PointIds });
                continue;
            }

            if (index < 0)
            {
                throw new StandardEditException(target, i, edit.Describe(), $"there is no session '{edit.SessionId}'");
            }

            var session = sessions[index];
            switch (edit)
            {
                case RemoveSession:
                    sessions.RemoveAt(index);
                    break;
                case ReplaceAgenda agenda:
                    sessions[index] = session with { Agenda = agenda.Agenda };
                    break;
                case AddMaterial addMaterial:
                    if (session.Materials.Any(m => string.Equals(m.Id, addMaterial.Material.Id, StringComparison.Ordinal)))
                    {
                        throw new StandardEditException(target, i, edit.Describe(), $"material '{addMaterial.Material.Id}' already exists");
                    }

                    sessions[index] = session with { Materials = [.. session.Materials, addMaterial.Material] };
                    break;
                case EditMaterial editMaterial:
                    var m = FindMaterial(session, editMaterial.MaterialId, target, i, edit);
                    sessions[index] = session with { Materials = [.. session.Materials.Select(x => ReferenceEquals(x, m) ? x with { Markdown = editMaterial.Markdown, Title = editMaterial.Title ?? x.Title } : x)] };
                    break;
                case RemoveMaterial removeMaterial:
                    var r = FindMaterial(session, removeMaterial.MaterialId, target, i, edit);
                    sessions[index] = session with { Materials = [.. session.Materials.Where(x => !ReferenceEquals(x, r))] };
                    break;
                default:
                    throw new StandardEditException(target, i, edit.GetType().Name, "unknown kind of edit");
            }
        }

        return sessions;
    }

    private static PackMaterial FindMaterial(PackSession session, string materialId, string target, int index, PackEdit edit) =>
        session.Materials.FirstOrDefault(m => string.Equals(m.Id, materialId, StringComparison.Ordinal))
            ?? throw new StandardEditException(target, index, edit.Describe(), $"session '{session.Id}' has no material '{materialId}'");
}
