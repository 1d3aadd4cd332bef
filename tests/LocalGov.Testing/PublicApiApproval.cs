using System.Reflection;
using PublicApiGenerator;
using Xunit;

namespace LocalGov.Testing;

/// <summary>
/// Compares a package's public API, rendered by PublicApiGenerator, with the committed
/// <c>tests/&lt;Project&gt;/&lt;Package&gt;.approved.txt</c>. A difference writes <c>*.received.txt</c> beside it and fails.
/// </summary>
public static class PublicApiApproval
{
    /// <summary>Asserts that the public API of <paramref name="assembly"/> matches its approved file.</summary>
    /// <param name="assembly">The package assembly.</param>
    /// <param name="testProjectFolder">The test project folder under <c>tests/</c> that holds the approved file.</param>
    public static void Verify(Assembly assembly, string testProjectFolder)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var name = assembly.GetName().Name!;
        var api = Normalise(assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute", "System.Runtime.CompilerServices.InternalsVisibleToAttribute"],

            // By default the generator leaves out "System" and "Microsoft" namespaces, which would hide the packages'
            // IServiceCollection extensions (they live in Microsoft.Extensions.DependencyInjection, as convention asks).
            DenyNamespacePrefixes = [],
        }));

        var folder = Path.Combine(RepositoryPaths.Root, "tests", testProjectFolder);
        var approvedPath = Path.Combine(folder, name + ".approved.txt");
        var receivedPath = Path.Combine(folder, name + ".received.txt");
        var approved = File.Exists(approvedPath) ? Normalise(File.ReadAllText(approvedPath)) : null;

        if (approved == api)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, api);
        Assert.Fail(
            $"The public API of {name} differs from {approvedPath}.{Environment.NewLine}" +
            $"The new surface was written to {receivedPath}. Review it; if the change is intended, approve it with{Environment.NewLine}" +
            $"  mv \"{receivedPath}\" \"{approvedPath}\"{Environment.NewLine}" +
            "and commit the approved file with the change.");
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() + "\n";
}
