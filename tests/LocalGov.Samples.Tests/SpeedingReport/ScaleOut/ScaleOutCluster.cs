using System.Net.Sockets;
using LocalGov.Samples.Tests.SpeedingReport.Notify;
using LocalGov.Testing;
using Microsoft.EntityFrameworkCore;
using SpeedingReport.Storage;

namespace LocalGov.Samples.Tests.SpeedingReport.ScaleOut;

/// <summary>
/// Two instances of the app, each its own process on a loopback port, sharing a new PostgreSQL database, the real Redis
/// and a loopback GOV.UK Notify stand-in (the live email channel, not the demo outbox). Skipped, with the reason, where
/// PostgreSQL or Redis is absent.
/// </summary>
public abstract class ScaleOutCluster : IAsyncLifetime
{
    private static readonly Guid ReportTemplate = Guid.Parse("0d7b2c3e-1f4a-4b5c-8d6e-7f8091a2b3c4");
    private static readonly Guid ConfirmationTemplate = Guid.Parse("5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9");
    private readonly List<AppProcess> _instances = [];
    private PostgresTestDatabase? _database;

    public string? SkipReason { get; private set; }

    internal NotifyStandIn Notify { get; private set; } = null!;

    internal IReadOnlyList<AppProcess> Instances => _instances;

    /// <summary>This cluster's own settings (the delivery workers' lease and poll), over the shared ones.</summary>
    protected abstract IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>Skips the running test, with the reason, where PostgreSQL or Redis is absent.</summary>
    public void Require()
    {
        if (_database is null)
        {
            throw RealServices.SkipNow(SkipReason ?? "no PostgreSQL");
        }
    }

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        if (await RedisUnavailableReasonAsync(ct) is { } redisReason)
        {
            SkipReason = redisReason;
            return;
        }

        (_database, SkipReason) = await RealServices.TryCreatePostgresDatabaseAsync("scaleout", ct);
        if (_database is null)
        {
            return;
        }

        Notify = await NotifyStandIn.StartAsync();
        Notify.AddTemplate(new NotifyTemplate(ReportTemplate, "Speeding report ((reference)): ((road))", "((dealt_with_by)): ((what_seen))"));
        Notify.AddTemplate(new NotifyTemplate(ConfirmationTemplate, "Your speeding report ((reference))", "Dear ((reporter_name)), your reference is ((reference))."));

        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Reports"] = _database.ConnectionString,
            ["ConnectionStrings:Redis"] = Environment.GetEnvironmentVariable(RealServices.RedisVariable)!,

            // Out of demo mode: email goes through GOV.UK Notify (the stand-in). Journeys give coordinates, so
            // postcodes.io is never asked (the address is a closed port; its check is only Degraded).
            ["SpeedingReport:DemoPostcodes"] = "",
            ["SpeedingReport:DemoModernGovParishCouncils"] = "",
            ["PostcodesIo:BaseAddress"] = "http://127.0.0.1:9/",
            ["SpeedingReport:Notify:ApiKey"] = NotifyStandIn.ApiKey,
            ["SpeedingReport:Notify:ReportTemplateId"] = ReportTemplate.ToString(),
            ["SpeedingReport:Notify:ConfirmationTemplateId"] = ConfirmationTemplate.ToString(),
            ["SpeedingReport:Notify:BaseUrl"] = Notify.BaseAddress.ToString(),
            ["SpeedingReport:Notify:Timeout"] = "00:00:05",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        // Started together, as a deployment starts its servers: both migrate the same empty database at once.
        _instances.Add(AppProcess.Start(settings));
        _instances.Add(AppProcess.Start(settings));
        await Task.WhenAll(_instances.Select(i => i.WaitReadyAsync(TimeSpan.FromSeconds(60))));
    }

    /// <summary>A context on the shared database, for checking what the instances stored.</summary>
    public ReportsDbContext Store() =>
        new PostgresReportsDbContext(new DbContextOptionsBuilder<PostgresReportsDbContext>().UseNpgsql(_database!.ConnectionString).Options);

    /// <summary>A resident's browser whose requests go to the instances in turn (from <paramref name="first"/>), one cookie jar for all.</summary>
    internal JourneyClient Journey(int first = 0) => RoundRobin.Journey(_instances.Select(i => i.BaseAddress).ToList(), first);

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        if (Notify is not null)
        {
            await Notify.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private static async Task<string?> RedisUnavailableReasonAsync(CancellationToken ct)
    {
        var redis = Environment.GetEnvironmentVariable(RealServices.RedisVariable);
        if (string.IsNullOrWhiteSpace(redis))
        {
            return $"Redis is not configured: {RealServices.RedisVariable} is not set (run `source \"$(.ci/services start)\"`, as .ci/run does)";
        }

        var (host, port) = (redis[..redis.LastIndexOf(':')], int.Parse(redis[(redis.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            using var client = new TcpClient();
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(TimeSpan.FromSeconds(5));
            await client.ConnectAsync(host, port, limit.Token);
            return null;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return $"Redis at {redis} ({RealServices.RedisVariable}) cannot be reached: {ex.Message}";
        }
    }
}

/// <summary>Two instances with the default lease (30 s here) and a quick poll.</summary>
public sealed class TwoInstances : ScaleOutCluster
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["SpeedingReport:Delivery:PollInterval"] = "00:00:01",
        ["SpeedingReport:Delivery:LeaseDuration"] = "00:00:30",
    };
}

/// <summary>Two instances whose leases last 5 seconds, so a killed instance's deliveries come back quickly.</summary>
public sealed class TwoInstancesShortLease : ScaleOutCluster
{
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(5);

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["SpeedingReport:Delivery:PollInterval"] = "00:00:00.500",
        ["SpeedingReport:Delivery:LeaseDuration"] = Lease.ToString(),
        ["SpeedingReport:Delivery:BatchSize"] = "4",
        ["SpeedingReport:Delivery:Concurrency"] = "4",

        // Sends are held at Notify while an instance is killed: they must not time out meanwhile.
        ["SpeedingReport:Notify:Timeout"] = "00:00:30",
    };
}
