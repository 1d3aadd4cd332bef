using System.CommandLine;

namespace LocalGov.Cli.Commands;

/// <summary>The <c>localgov boundaries</c> group.</summary>
internal static class BoundariesCommands
{
    public static Command Create()
    {
        var group = new Command("boundaries", "Load boundaries, build a binary index, and resolve points to parish or district.");
        return group;
    }
}
