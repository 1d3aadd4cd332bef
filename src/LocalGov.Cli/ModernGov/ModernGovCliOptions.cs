using System.CommandLine;
using System.Globalization;
using LocalGov.Cli.Infrastructure;
using LocalGov.ModernGov;
using Microsoft.Extensions.DependencyInjection;

namespace LocalGov.Cli.ModernGov;

/// <summary>The options every <c>moderngov</c> command shares, and the client they describe.</summary>
internal sealed class ModernGovCliOptions
{
    public Option<string> Url { get; } = new("--url") { Description = "The council's Modern.Gov base URL (a pasted mgWebService.asmx or page URL is fine), e.g. https://democracy.example.gov.uk", Required = true };

    public Option<bool> Json { get; } = new("--json") { Description = "Print JSON (camelCase) instead of text." };

    public Option<int> TimeoutSeconds { get; } = new("--timeout") { Description = "Give up after this many seconds, retries included (default 120).", DefaultValueFactory = _ => 120 };

    public Option<int> Retries { get; } = new("--retries") { Description = "Retries of transient failures (default 3).", DefaultValueFactory = _ => 3 };

    public Option<int> AllCommitteesValue { get; } = new("--all-committees-value") { Description = "The committee id meaning 'all committees' on this install: 0 (default) or -1.", DefaultValueFactory = _ => 0 };

    public Option<string?> UserAgent { get; } = new("--user-agent") { Description = "The User-Agent header (default: a descriptive LocalGov.ModernGov one)." };

    public Option<int> MaxRedirects { get; } = new("--max-redirects") { Description = "Redirects to follow, on the same host and port only (default 5; 0 to 20).", DefaultValueFactory = _ => 5 };

    public Option<bool> AllowOtherHosts { get; } = new("--allow-redirects-to-other-hosts") { Description = "Follow a redirect to another host or port (an install that has moved); never to a scheme other than http(s)." };

    public void AddTo(Command command)
    {
        command.Options.Add(MaxRedirects);
        command.Options.Add(AllowOtherHosts);
        command.Options.Add(Url);
        command.Options.Add(Json);
        command.Options.Add(TimeoutSeconds);
        command.Options.Add(Retries);
        command.Options.Add(AllCommitteesValue);
        command.Options.Add(UserAgent);
    }

    /// <summary>A client for the council at <c>--url</c>, through DI so it has the same resilience pipeline as an application.</summary>
    public (ServiceProvider Provider, IModernGovClient Client) CreateClient(CommandContext context)
    {
        var url = context.GetValue(Url)!;
        Uri baseUrl;
        try
        {
            baseUrl = ModernGovBaseUrl.Normalise(url);
        }
        catch (ArgumentException ex)
        {
            throw new CliUsageException($"--url: {ex.Message}");
        }

        var options = new ModernGovCouncilOptions
        {
            BaseUrl = baseUrl,
            Timeout = TimeSpan.FromSeconds(context.GetValue(TimeoutSeconds)),
            MaxRetryAttempts = context.GetValue(Retries),
            AllCommitteesValue = context.GetValue(AllCommitteesValue),
            MaxRedirects = context.GetValue(MaxRedirects),
            AllowRedirectsToOtherHosts = context.GetValue(AllowOtherHosts),
        };
        if (context.GetValue(UserAgent) is { Length: > 0 } agent)
        {
            options.UserAgent = agent;
        }

        var problems = new List<string>();
        if (context.GetValue(TimeoutSeconds) is < 1 or > 3600)
        {
            problems.Add("--timeout must be between 1 and 3600 seconds");
        }

        if (options.MaxRedirects is < 0 or > 20)
        {
            problems.Add("--max-redirects must be between 0 and 20");
        }

        if (options.UserAgent.Any(char.IsControl))
        {
            problems.Add("--user-agent must not hold control characters (such as CR or LF)");
        }

        if (options.MaxRetryAttempts is < 0 or > 10)
        {
            problems.Add("--retries must be between 0 and 10");
        }

        if (options.AllCommitteesValue is not (0 or -1))
        {
            problems.Add("--all-committees-value must be 0 or -1");
        }

        if (problems.Count > 0)
        {
            throw new CliUsageException(string.Join("; ", problems));
        }

        var council = baseUrl.Host;
        var services = new ServiceCollection();
        services.AddModernGov(council, o =>
        {
            o.BaseUrl = options.BaseUrl;
            o.Timeout = options.Timeout;
            o.MaxRetryAttempts = options.MaxRetryAttempts;
            o.AllCommitteesValue = options.AllCommitteesValue;
            o.UserAgent = options.UserAgent;
            o.MaxRedirects = options.MaxRedirects;
            o.AllowRedirectsToOtherHosts = options.AllowRedirectsToOtherHosts;
        });
        var provider = services.BuildServiceProvider();
        try
        {
            return (provider, provider.GetRequiredService<IModernGovClientFactory>().GetClient(council));
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            // Anything the checks above miss is still a setting the user gave, not a bug.
            provider.Dispose();
            throw new CliUsageException(string.Join("; ", ex.Failures));
        }
    }

    /// <summary>Reads an ISO date (yyyy-MM-dd) given on the command line; the client sends it as dd/MM/yyyy.</summary>
    public static DateOnly? ParseDate(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CliUsageException($"{option}: '{text}' is not an ISO date (yyyy-MM-dd).");
    }
}
