using LocalGov.Cli.Infrastructure;
using LocalGov.ServiceStandard;
using LocalGov.ServiceStandard.Catalogue;
using LocalGov.ServiceStandard.Serialization;

namespace LocalGov.Cli.Standards;

/// <summary>Resolves a standard named on the command line: <c>id@version</c>, a bare id (latest version), or a JSON file.</summary>
internal static class StandardSources
{
    public static async Task<StandardVersion> ResolveAsync(StandardCatalog catalog, string text, CancellationToken cancellationToken)
    {
        if (text.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || File.Exists(text))
        {
            if (!File.Exists(text))
            {
                throw new CliUsageException($"File '{text}' does not exist.");
            }

            return ServiceStandardJson.DeserializeStandard(await File.ReadAllTextAsync(text, cancellationToken).ConfigureAwait(false), text);
        }

        return StandardReference.TryParse(text, out var reference) ? catalog.Get(reference) : catalog.Get(text);
    }

    public static async Task<string> ReadFileAsync(string path, CancellationToken cancellationToken) =>
        File.Exists(path)
            ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)
            : throw new CliUsageException($"File '{path}' does not exist.");
}
