using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace SpeedingReport.Hosting;

/// <summary>
/// The one connection to Redis this instance keeps, shared by the session cache and the readiness check. It connects
/// on first use and keeps trying in the background while Redis is away, rather than failing the caller at once.
/// </summary>
internal sealed class RedisConnection(ConfigurationOptions options) : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _multiplexer = new(async () => await ConnectionMultiplexer.ConnectAsync(options));

    /// <summary>Reads a StackExchange.Redis configuration string (e.g. <c>redis1:6379,password=…,ssl=true</c>); a bad one is an options error naming the setting.</summary>
    public static ConfigurationOptions Parse(string configuration)
    {
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(configuration);
        }
        catch (ArgumentException ex)
        {
            throw Invalid($"ConnectionStrings:Redis is not a Redis configuration string (host:port[,option=value…]): {ex.Message}");
        }

        if (options.EndPoints.Count == 0)
        {
            throw Invalid("ConnectionStrings:Redis names no server: give host:port, e.g. redis:6379.");
        }

        // Connect in the background when Redis is not there yet (the default outside Azure, said here so it stays so).
        options.AbortOnConnectFail = false;
        options.ClientName ??= ScaleOutServiceCollectionExtensions.DataProtectionApplicationName;
        return options;
    }

    public Task<IConnectionMultiplexer> GetAsync() => _multiplexer.Value;

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer.IsValueCreated && _multiplexer.Value.IsCompletedSuccessfully)
        {
            await (await _multiplexer.Value).DisposeAsync();
        }
    }

    // The type Program reports as one line ("SpeedingReport cannot start: …") for any setting that is wrong.
    private static OptionsValidationException Invalid(string problem) =>
        new(RedisConnectionOptionName, typeof(ConfigurationOptions), [problem]);

    private const string RedisConnectionOptionName = "ConnectionStrings:Redis";
}
