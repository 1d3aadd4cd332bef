using System.CommandLine;

namespace LocalGov.Cli.Commands;

/// <summary>The <c>localgov assessment</c> group.</summary>
internal static class AssessmentCommands
{
    public static Command Create()
    {
        var group = new Command("assessment", "Import, render and work with service assessments.");
        return group;
    }
}
