using System.CommandLine;

namespace LocalGov.Cli.Commands;

/// <summary>The <c>localgov mapit</c> group.</summary>
internal static class MapItCommands
{
    public static Command Create()
    {
        var group = new Command("mapit", "Ask MapIt which areas contain a point or postcode.");
        return group;
    }
}
