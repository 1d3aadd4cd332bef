using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SpeedingReport.Operations;
using SpeedingReport.Storage;

namespace SpeedingReport.Hosting;

/// <summary>
/// What lets any number of instances stand behind one load balancer: the data protection keys in the report store
/// (so a cookie one instance issued, session, antiforgery or staff, is read by every other) under one fixed
/// application name, and, when <c>ConnectionStrings:Redis</c> is set, the session in Redis instead of in this process.
/// With <c>ConnectionStrings:Reports</c> (PostgreSQL) the instances also share the reports and the delivery work.
/// </summary>
public static class ScaleOutServiceCollectionExtensions
{
    /// <summary>
    /// The data protection application name. Left unset, ASP.NET Core uses the content root path, which differs between
    /// servers (and between deployments), and then no instance could read another's cookies.
    /// </summary>
    public const string DataProtectionApplicationName = "SpeedingReport";

    /// <summary>The name under <c>ConnectionStrings</c> of the Redis configuration string (StackExchange.Redis format).</summary>
    public const string RedisConnectionStringName = "Redis";

    /// <summary>The prefix of the app's keys in Redis, so a Redis shared with other apps keeps them apart.</summary>
    public const string RedisInstanceName = "SpeedingReport:";

    public static IServiceCollection AddScaleOut(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Keys in the report store on SQLite too: a restart (a new container, a redeploy) then keeps the cookies of
        // residents in the middle of a journey and of signed-in staff valid, and the keys are backed up with the reports.
        var dataProtection = services.AddDataProtection().SetApplicationName(DataProtectionApplicationName);
        if (string.IsNullOrWhiteSpace(configuration.GetConnectionString("Reports")))
        {
            PersistKeys<SqliteReportsDbContext>(services, dataProtection);
        }
        else
        {
            PersistKeys<PostgresReportsDbContext>(services, dataProtection);
        }

        var redis = configuration.GetConnectionString(RedisConnectionStringName);
        if (!string.IsNullOrWhiteSpace(redis))
        {
            // A string that cannot be used stops the start with the reason; a Redis that cannot be reached does not
            // (the instance would only be restarted over and over): /health/ready reports it until Redis answers.
            services.AddSingleton(new RedisConnection(RedisConnection.Parse(redis)));
            services.AddStackExchangeRedisCache(o => o.InstanceName = RedisInstanceName);
            services.AddOptions<RedisCacheOptions>().Configure<RedisConnection>((o, connection) => o.ConnectionMultiplexerFactory = connection.GetAsync);
            services.Configure<MvcOptions>(o => o.Filters.Add(new SessionLoadFilter()));
            services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [SpeedingReportOperations.ReadyTag], timeout: TimeSpan.FromSeconds(5));
        }

        return services;
    }

    private static void PersistKeys<TContext>(IServiceCollection services, IDataProtectionBuilder dataProtection)
        where TContext : ReportsDbContext
    {
        // The key repository asks for the context in a scope of its own; it comes from the store's pool.
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext());
        dataProtection.PersistKeysToDbContext<TContext>();
    }
}
