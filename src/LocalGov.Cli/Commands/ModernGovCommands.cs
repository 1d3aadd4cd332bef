using System.CommandLine;

namespace LocalGov.Cli.Commands;

/// <summary>The <c>localgov moderngov</c> group.</summary>
internal static class ModernGovCommands
{
    public static Command Create()
    {
        var group = new Command("moderngov", "Query a council's Modern.Gov web service (councillors, committees, meetings, elections, parish councils).");
        return group;
    }
}
