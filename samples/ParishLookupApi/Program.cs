namespace ParishLookupApi;

/// <summary>The entry point. Not top-level statements: those generate a public global Program, which would clash with the other web sample's in the tests.</summary>
internal static class Program
{
    public static Task Main(string[] args) => ParishLookupApp.Build(args).RunAsync();
}
