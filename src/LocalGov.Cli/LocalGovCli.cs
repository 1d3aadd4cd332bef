using System.CommandLine;
using System.CommandLine.Invocation;
using LocalGov.Cli.Commands;

namespace LocalGov.Cli;

/// <summary>Builds the <c>localgov</c> command tree and runs it; tests call this with their own writers.</summary>
internal static class LocalGovCli
{
    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand(
            "localgov: UK council plumbing from the shell (Modern.Gov, postcodes, grid conversion, boundaries, service standards)." +
            Environment.NewLine + "Results go to stdout (--json for JSON where offered); messages and progress to stderr." +
            Environment.NewLine + ExitCodes.HelpText);

        root.Subcommands.Add(ModernGovCommands.Create());
        root.Subcommands.Add(PostcodeCommands.Create());
        root.Subcommands.Add(MapItCommands.Create());
        root.Subcommands.Add(GridCommands.Create());
        root.Subcommands.Add(BoundariesCommands.Create());
        root.Subcommands.Add(StandardsCommands.Create());
        root.Subcommands.Add(AssessmentCommands.Create());
        root.Subcommands.Add(Open311.Open311Commands.Create());
        return root;
    }

    public static Task<int> RunAsync(string[] args, InvocationConfiguration configuration, CancellationToken cancellationToken)
    {
        // Exceptions are mapped to documented exit codes by CommandRunner; the default handler would print a stack trace.
        configuration.EnableDefaultExceptionHandler = false;
        var parseResult = BuildRootCommand().Parse(args);
        if (parseResult.Action is ParseErrorAction parseError)
        {
            // stdout carries results only, so a usage error prints its message and a pointer to help on stderr.
            parseError.ShowHelp = false;
            configuration.Error.WriteLine("Run 'localgov --help' (or '<command> --help') for usage.");
        }

        return parseResult.InvokeAsync(configuration, cancellationToken);
    }
}
