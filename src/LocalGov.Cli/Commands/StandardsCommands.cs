using System.CommandLine;

namespace LocalGov.Cli.Commands;

/// <summary>The <c>localgov standards</c> group.</summary>
internal static class StandardsCommands
{
    public static Command Create()
    {
        var group = new Command("standards", "List, show, diff and derive service standards.");
        return group;
    }
}
