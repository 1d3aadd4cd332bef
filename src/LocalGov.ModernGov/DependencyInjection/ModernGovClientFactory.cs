using Microsoft.Extensions.Options;

namespace LocalGov.ModernGov;

/// <summary>The councils registered, by name (ignoring case).</summary>
internal sealed class ModernGovRegistrations
{
    public HashSet<string> Names { get; } = new(StringComparer.OrdinalIgnoreCase);
}

internal sealed class ModernGovClientFactory(IHttpClientFactory httpClientFactory, IOptionsMonitor<ModernGovCouncilOptions> options, IOptions<ModernGovRegistrations> registrations, Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory = null) : IModernGovClientFactory
{
    public IReadOnlyCollection<string> CouncilNames => registrations.Value.Names;

    public IModernGovClient GetClient(string councilName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(councilName);
        if (!registrations.Value.Names.TryGetValue(councilName, out var name))
        {
            var known = registrations.Value.Names.Count == 0 ? "none" : string.Join(", ", registrations.Value.Names.Order(StringComparer.OrdinalIgnoreCase).Take(20));
            throw new KeyNotFoundException($"No Modern.Gov council named '{councilName}' is registered (registered: {known}).");
        }

        return new ModernGovClient(httpClientFactory.CreateClient(HttpClientName(name)), options.Get(name), name, loggerFactory?.CreateLogger("LocalGov.ModernGov"));
    }

    public static string HttpClientName(string councilName) => "LocalGov.ModernGov:" + councilName;
}
