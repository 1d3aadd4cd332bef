using System.Text;

namespace LocalGov.ServiceStandard.Franchising;

/// <summary>The difference between two packs (e.g. a region's pack and the one it was taken from), as readable Markdown.</summary>
public static class PackDiff
{
    /// <summary>Compares two packs session by session and material by material (matched by id).</summary>
    /// <param name="from">The older pack.</param>
    /// <param name="to">The newer pack.</param>
    /// <returns>Markdown: sessions added and removed; per session, agenda and point changes and each material added, removed or changed (with a line diff).</returns>
    public static string ToMarkdown(PeerGroupPack from, PeerGroupPack to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var text = new StringBuilder();
        text.Append("# ").Append(from.Reference).Append(" → ").Append(to.Reference).Append("\n\n");
        var changes = 0;
        foreach (var session in from.Sessions.Where(s => Find(to, s.Id) is null))
        {
            text.Append("## Removed session: ").Append(session.Title).Append(" (`").Append(session.Id).Append("`)\n\n");
            changes++;
        }

        foreach (var session in to.Sessions)
        {
            var old = Find(from, session.Id);
            if (old is null)
            {
                text.Append("## Added session: ").Append(session.Title).Append(" (`").Append(session.Id).Append("`)\n\n");
                foreach (var material in session.Materials)
                {
                    text.Append("- material `").Append(material.Id).Append("`: ").Append(material.Title).Append('\n');
                }

                text.Append(session.Materials.Count > 0 ? "\n" : string.Empty);
                changes++;
                continue;
            }

            var section = new StringBuilder();
            if (!string.Equals(old.Title, session.Title, StringComparison.Ordinal))
            {
                section.Append("- title: \"").Append(old.Title).Append("\" → \"").Append(session.Title).Append("\"\n");
            }

            if (!old.PointIds.SequenceEqual(session.PointIds, StringComparer.Ordinal))
            {
                section.Append("- points: ").Append(string.Join(", ", old.PointIds)).Append(" → ").Append(string.Join(", ", session.PointIds)).Append('\n');
            }

            if (!old.Agenda.SequenceEqual(session.Agenda))
            {
                section.Append("- agenda: ").Append(Agenda(old.Agenda)).Append(" → ").Append(Agenda(session.Agenda)).Append('\n');
            }

            foreach (var material in old.Materials.Where(m => session.Materials.All(n => !string.Equals(n.Id, m.Id, StringComparison.Ordinal))))
            {
                section.Append("- removed material `").Append(material.Id).Append("`: ").Append(material.Title).Append('\n');
            }

            foreach (var material in session.Materials)
            {
                var before = old.Materials.FirstOrDefault(m => string.Equals(m.Id, material.Id, StringComparison.Ordinal));
                if (before is null)
                {
                    section.Append("- added material `").Append(material.Id).Append("`: ").Append(material.Title).Append('\n');
                }
                else if (!string.Equals(before.Markdown, material.Markdown, StringComparison.Ordinal) || !string.Equals(before.Title, material.Title, StringComparison.Ordinal))
                {
                    section.Append("- changed material `").Append(material.Id).Append("`: ").Append(material.Title).Append("\n\n```diff\n");
                    foreach (var line in WordDiffer.DiffLines(before.Markdown, material.Markdown))
                    {
                        section.Append(line).Append('\n');
                    }

                    section.Append("```\n");
                }
            }

            if (section.Length > 0)
            {
                text.Append("## Changed session: ").Append(session.Title).Append(" (`").Append(session.Id).Append("`)\n\n").Append(section).Append('\n');
                changes++;
            }
        }

        if (changes == 0)
        {
            text.Append("No differences.\n");
        }

        return text.ToString();
    }

    internal static PackSession? Find(PeerGroupPack pack, string id) => pack.Sessions.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal));

    internal static string Agenda(IReadOnlyList<AgendaItem> agenda) =>
        agenda.Count == 0 ? "(none)" : string.Join("; ", agenda.Select(a => $"{a.Minutes} min {a.Title}"));
}
