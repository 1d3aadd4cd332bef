using LocalGov.Testing;

namespace LocalGov.Conformance.Tests.ModernGov;

/// <summary>Every recorded Modern.Gov response in <c>../shared/data/moderngov</c> (all councils, all operations), found at run time.</summary>
internal static class RecordedResponses
{
    public const string Folder = "data/moderngov";

    /// <summary>Relative paths of every recorded body; a single placeholder when the data is absent, so the test skips with the reason.</summary>
    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        var root = SharedData.TryFindRoot();
        var folder = root is null ? null : Path.Combine(root, Folder);
        if (folder is null || !Directory.Exists(folder))
        {
            data.Add(Folder + "/(absent)");
            return data;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root!, file).Replace('\\', '/');
            if (relative.Contains("/registry/", StringComparison.Ordinal) || relative.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            data.Add(relative);
        }

        return data;
    }

    /// <summary>The operation a recording answers: its file name up to the first dot (<c>GetMeeting.cancelled-no-minutes.xml</c> → <c>GetMeeting</c>).</summary>
    public static string OperationOf(string relativePath)
    {
        var name = Path.GetFileName(relativePath);
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var operation = dot < 0 ? name : name[..dot];

        // Some collections drop the "Get" (symroe's CouncillorsByWard.xml); the service's names all have it.
        var known = Operations.FirstOrDefault(o => o.Equals(operation, StringComparison.OrdinalIgnoreCase) || o.Equals("Get" + operation, StringComparison.OrdinalIgnoreCase));
        return known ?? operation;
    }

    public static readonly string[] Operations =
    [
        "GetCouncillorsByWard", "GetCouncillorsByWardId", "GetCouncillorsByPostcode", "GetCommittees", "GetCommitteesByUser", "GetMeetings",
        "GetMeeting", "GetAllMeetingsByDate", "GetCalendarEvents", "GetWebCastMeetings", "GetDeletedWebcastMeetings", "GetElectionResults",
        "GetMemberGroup", "GetMpOrMepsAndWards", "GetMpOrMepAndWardsByPostcode", "GetParishCouncils", "GetAttachment",
    ];

    /// <summary>Bodies recorded as failures (HTML pages, redirects, error pages): a non-XML extension or an <c>error</c> tag in the name.</summary>
    public static bool IsNegative(string relativePath)
    {
        var name = Path.GetFileName(relativePath);
        return !name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.Contains(".error", StringComparison.OrdinalIgnoreCase);
    }
}
