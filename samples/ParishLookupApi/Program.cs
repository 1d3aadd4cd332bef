using LocalGov.Boundaries;
using Microsoft.Extensions.Options;

namespace ParishLookupApi;

/// <summary>The entry point. Not top-level statements: those generate a public global Program, which would clash with the other web sample's in the tests.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        WebApplication app;
        try
        {
            app = ParishLookupApp.Build(args);
        }
        catch (Exception ex) when (ex is BoundariesException or OptionsValidationException or FileNotFoundException or DirectoryNotFoundException)
        {
            // A bad boundary file is the operator's to fix: one line naming it and the problem, not a stack trace.
            await Console.Error.WriteLineAsync($"ParishLookupApi cannot start: {ex.Message}");
            return 1;
        }

        await app.RunAsync();
        return 0;
    }
}
