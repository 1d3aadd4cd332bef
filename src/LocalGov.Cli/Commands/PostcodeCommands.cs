using System.CommandLine;

namespace LocalGov.Cli.Commands;

/// <summary>The <c>localgov postcode</c> group.</summary>
internal static class PostcodeCommands
{
    public static Command Create()
    {
        var group = new Command("postcode", "Look up, validate and bulk-resolve UK postcodes with postcodes.io.");
        return group;
    }
}
