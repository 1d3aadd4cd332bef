using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LocalGov.Cli.Infrastructure;

/// <summary>
/// Runs a command body with the process's writers and turns every failure into a message on stderr and
/// one of the documented <see cref="ExitCodes"/>. Commands never write a stack trace at a user.
/// </summary>
internal static class CommandRunner
{
    public static void SetAction(this Command command, Func<CommandContext, CancellationToken, Task<int>> body) =>
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, body, cancellationToken));

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031", Justification = "The CLI's last line of defence: every failure becomes a message and an exit code.")]
    public static async Task<int> RunAsync(ParseResult parseResult, Func<CommandContext, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        var context = new CommandContext(parseResult);
        try
        {
            return await body(context, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync("Cancelled.").ConfigureAwait(false);
            return ExitCodes.RemoteServiceError;
        }
        catch (Exception ex) when (ExitCodeMap.TryMap(ex, out var code))
        {
            await context.Error.WriteLineAsync($"error: {UserMessage(ex)}").ConfigureAwait(false);
            return code;
        }
        catch (Exception ex)
        {
            await context.Error.WriteLineAsync($"internal error ({ex.GetType().Name}): {ex.Message}").ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
    }

    /// <summary>The message without .NET's " (Parameter 'x')" suffix, which names a variable, not anything the user gave.</summary>
    private static string UserMessage(Exception ex) =>
        ex is ArgumentException { ParamName: { } name } && ex.Message.EndsWith($" (Parameter '{name}')", StringComparison.Ordinal)
            ? ex.Message[..^$" (Parameter '{name}')".Length]
            : ex.Message;
}

/// <summary>What a command body needs: its parse result and the writers it must use.</summary>
internal sealed class CommandContext(ParseResult parseResult)
{
    public ParseResult ParseResult { get; } = parseResult;

    /// <summary>Results only.</summary>
    public TextWriter Output { get; } = parseResult.InvocationConfiguration.Output;

    /// <summary>Messages, warnings and progress.</summary>
    public TextWriter Error { get; } = parseResult.InvocationConfiguration.Error;

    public T? GetValue<T>(Option<T> option) => ParseResult.GetValue(option);

    public T? GetValue<T>(Argument<T> argument) => ParseResult.GetValue(argument);

    public async Task WriteJsonAsync<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        await Output.WriteLineAsync(JsonSerializer.Serialize(value, typeInfo)).ConfigureAwait(false);
    }
}
