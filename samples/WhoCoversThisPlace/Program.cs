namespace WhoCoversThisPlace;

/// <summary>The entry point. Not top-level statements: those generate a global Program, which would clash with the other samples' in the tests.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => PlaceLookup.RunAsync(args, Console.Out, Console.Error);
}
