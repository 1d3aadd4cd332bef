using LocalGov.Open311;
using SpeedingReport.Configuration;
using SpeedingReport.Contacts;

namespace SpeedingReport.Delivery.Open311;

/// <summary>One configured endpoint: the directory's target and the client settings (with the key from configuration).</summary>
public sealed record Open311Endpoint(Open311Target Target, Open311ClientOptions Options);

/// <summary>The Open311 endpoints named in the contact directory, by name, each checked once when the app starts.</summary>
public sealed class Open311Endpoints
{
    /// <summary>Configuration section holding one subsection per endpoint name (<c>ApiKey</c>, optionally <c>BaseAddress</c>, <c>Timeout</c>, …).</summary>
    public const string SectionName = "SpeedingReport:Open311";

    private readonly Dictionary<string, Open311Endpoint> _byName;

    public Open311Endpoints(ContactDirectory directory, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(configuration);
        _byName = new Dictionary<string, Open311Endpoint>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in directory.Entries.Where(e => e.Open311 is not null))
        {
            var target = entry.Open311!;
            var where = $"contact directory: '{entry.AreaCode}' open311";
            if (target.ApiKey is not null)
            {
                throw new SpeedingReportConfigurationException(where, $"has an apiKey; remove it and set {SectionName}:{target.Name}:ApiKey in configuration (user secrets or the environment) instead.");
            }

            if (string.IsNullOrWhiteSpace(target.Name) || string.IsNullOrWhiteSpace(target.ServiceCode))
            {
                throw new SpeedingReportConfigurationException(where, "needs 'name' and 'serviceCode'.");
            }

            if (target.Format is not (null or "json" or "xml"))
            {
                throw new SpeedingReportConfigurationException(where, $"format must be json or xml, not '{target.Format}'.");
            }

            var options = new Open311ClientOptions
            {
                BaseAddress = target.BaseAddress,
                Format = target.Format == "xml" ? Open311Format.Xml : Open311Format.Json,
                JurisdictionId = target.JurisdictionId,
            };
            configuration.GetSection($"{SectionName}:{target.Name}").Bind(options);
            try
            {
                // The client checks its options; building one here turns a bad URL into a start-up error with the entry named.
                _ = new Open311Client(new HttpClient(), options);
            }
            catch (ArgumentException ex)
            {
                throw new SpeedingReportConfigurationException(where, ex.Message, ex);
            }

            if (string.IsNullOrWhiteSpace(options.ApiKey))
            {
                throw new SpeedingReportConfigurationException(where, $"no API key: set {SectionName}:{target.Name}:ApiKey in configuration.");
            }

            if (!_byName.TryAdd(target.Name, new Open311Endpoint(target, options)))
            {
                throw new SpeedingReportConfigurationException(where, $"the endpoint name '{target.Name}' is used twice.");
            }
        }
    }

    public IReadOnlyCollection<string> Names => _byName.Keys;

    public Open311Endpoint? Find(string name) => _byName.GetValueOrDefault(name);
}
