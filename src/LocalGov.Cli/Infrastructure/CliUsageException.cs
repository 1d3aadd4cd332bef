namespace LocalGov.Cli.Infrastructure;

/// <summary>A command line that parsed but cannot be acted on (a missing input file, options that conflict).</summary>
internal sealed class CliUsageException(string message) : Exception(message);
