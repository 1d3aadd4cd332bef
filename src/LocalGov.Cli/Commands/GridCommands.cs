using System.CommandLine;

namespace LocalGov.Cli.Commands;

/// <summary>The <c>localgov grid</c> group.</summary>
internal static class GridCommands
{
    public static Command Create()
    {
        var group = new Command("grid", "Convert between British National Grid (EPSG:27700) and WGS84 (EPSG:4326).");
        return group;
    }
}
