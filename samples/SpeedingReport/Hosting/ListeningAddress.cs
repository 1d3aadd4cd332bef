using Microsoft.AspNetCore.Connections;

namespace SpeedingReport.Hosting;

/// <summary>
/// Where the app listens. The usual ASP.NET Core settings decide (<c>--urls</c>, <c>ASPNETCORE_URLS</c>,
/// <c>ASPNETCORE_HTTP_PORTS</c>, <c>Kestrel:Endpoints</c>); only when none is given does the app take
/// http://localhost:5080. (The launch profile used to set the address, which overrode the environment variable.)
/// </summary>
public static class ListeningAddress
{
    public const string Default = "http://localhost:5080";

    /// <summary>Listens on <see cref="Default"/> unless an address is configured the usual ways.</summary>
    public static WebApplicationBuilder UseDefaultAddressUnlessConfigured(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var configured = !string.IsNullOrWhiteSpace(configuration["urls"])
            || !string.IsNullOrWhiteSpace(configuration["http_ports"])
            || !string.IsNullOrWhiteSpace(configuration["https_ports"])
            || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
        if (!configured)
        {
            builder.WebHost.UseUrls(Default);
        }

        // A failure to start reaches RunAsync below, which reports it; the host's own log of it would repeat it as a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        return builder;
    }

    /// <summary>Runs the app. A port already in use is one line on <paramref name="error"/> and exit code 1, not a stack trace.</summary>
    public static async Task<int> RunAsync(WebApplication app, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (Exception ex) when (ex is AddressInUseException || ex.InnerException is AddressInUseException)
        {
            await error.WriteLineAsync($"SpeedingReport cannot start: {ex.Message.TrimEnd('.')}. Another program is using the port: stop it, or choose another port with --urls or ASPNETCORE_URLS (for example --urls http://localhost:5081).");
            return 1;
        }
    }
}
