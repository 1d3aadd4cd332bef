using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace SpeedingReport.Storage;

/// <summary>
/// Reports, their deliveries and every attempt, and the demo outbox. The model is shared; each provider has its own
/// subclass (<see cref="SqliteReportsDbContext"/>, <see cref="PostgresReportsDbContext"/>) so each has its own
/// migrations, as EF Core's "migrations with multiple providers" guidance does it. The data protection keys are kept
/// here too (<see cref="IDataProtectionKeyContext"/>), so every instance on the database reads the others' cookies.
/// </summary>
public abstract class ReportsDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<ReportRecord> Reports => Set<ReportRecord>();

    public DbSet<DeliveryRecord> Deliveries => Set<DeliveryRecord>();

    public DbSet<DeliveryAttemptRecord> DeliveryAttempts => Set<DeliveryAttemptRecord>();

    public DbSet<DemoOutboxMessage> DemoOutbox => Set<DemoOutboxMessage>();

    public DbSet<AttentionSummaryRecord> AttentionSummaries => Set<AttentionSummaryRecord>();

    /// <summary>The ASP.NET Core data protection key ring (session, antiforgery and staff cookies), shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<StaffActionRecord> StaffActions => Set<StaffActionRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<ReportRecord>(e =>
        {
            e.ToTable("reports");
            e.HasKey(r => r.Id);
            e.HasIndex(r => r.SubmissionId).IsUnique();
            e.HasIndex(r => r.Reference).IsUnique();
            e.HasIndex(r => r.ReceivedAt);
            e.Property(r => r.Reference).HasMaxLength(16);
            e.Property(r => r.DealtWithBy).HasMaxLength(16);
            e.Property(r => r.RecipientName).HasMaxLength(300);
            e.Property(r => r.ParishCode).HasMaxLength(32);
            e.Property(r => r.DistrictCode).HasMaxLength(32);
            e.Property(r => r.Road).HasMaxLength(200);
            e.Property(r => r.ReporterEmail).HasMaxLength(320);
            e.HasMany(r => r.Deliveries).WithOne(d => d.Report).HasForeignKey(d => d.ReportId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<DeliveryRecord>(e =>
        {
            e.ToTable("deliveries");
            e.HasKey(d => d.Id);
            e.HasIndex(d => new { d.Status, d.NextAttemptAt });
            e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(d => d.Channel).HasMaxLength(32);
            e.Property(d => d.RecipientAddress).HasMaxLength(320);
            e.Property(d => d.ClaimedBy).HasMaxLength(100);
            e.Property(d => d.PendingToken).HasMaxLength(200);
            e.Property(d => d.RemoteId).HasMaxLength(200);
            e.Property(d => d.LastError).HasMaxLength(2000);
            e.HasMany(d => d.Attempts).WithOne().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<DeliveryAttemptRecord>(e =>
        {
            e.ToTable("delivery_attempts");
            e.HasKey(a => a.Id);
            e.HasIndex(a => new { a.DeliveryId, a.Number });
            e.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.Detail).HasMaxLength(2000);
            e.Property(a => a.RemoteId).HasMaxLength(200);
            e.Property(a => a.Worker).HasMaxLength(100);
        });

        modelBuilder.Entity<DemoOutboxMessage>(e =>
        {
            e.ToTable("demo_outbox");
            e.HasKey(m => m.Id);
            e.HasIndex(m => m.DeliveryId).IsUnique();
            e.HasIndex(m => m.CreatedAt);
            e.Property(m => m.Reference).HasMaxLength(16);
            e.Property(m => m.Recipient).HasMaxLength(320);
            e.Property(m => m.Subject).HasMaxLength(300);
        });

        // One row per key: its id as FriendlyName and the key's XML (not encrypted at rest: see the README).
        modelBuilder.Entity<DataProtectionKey>(e =>
        {
            e.ToTable("data_protection_keys");
            e.HasKey(k => k.Id);
            e.Property(k => k.FriendlyName).HasMaxLength(100);
        });

        // The staff audit log. No navigation on ReportRecord: the log is read on its own, newest last.
        modelBuilder.Entity<StaffActionRecord>(e =>
        {
            e.ToTable("staff_actions");
            e.HasKey(a => a.Id);
            e.HasIndex(a => new { a.ReportId, a.At });
            e.Property(a => a.Action).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.Actor).HasMaxLength(300);
            e.Property(a => a.Detail).HasMaxLength(StaffActionRecord.DetailMaxLength);
            e.HasOne<ReportRecord>().WithMany().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Cascade);
        });

        ConfigureRetentionAndAttention(modelBuilder);
    }

    private static void ConfigureRetentionAndAttention(ModelBuilder modelBuilder)
    {
        // The retention job looks for closed reports not yet anonymised, oldest closure first.
        modelBuilder.Entity<ReportRecord>().HasIndex(r => new { r.AnonymisedAt, r.ClosedAt });

        modelBuilder.Entity<AttentionSummaryRecord>(e =>
        {
            e.ToTable("attention_summaries");
            e.HasKey(s => s.Id);

            // One summary per period, whichever instance gets there first: the second insert is refused.
            e.HasIndex(s => s.Period).IsUnique();
            e.Property(s => s.Period).HasMaxLength(32);
            e.Property(s => s.Outcome).HasConversion<string>().HasMaxLength(16);
            e.Property(s => s.ClaimedBy).HasMaxLength(100);
            e.Property(s => s.RemoteId).HasMaxLength(200);
            e.Property(s => s.LastError).HasMaxLength(2000);
        });
    }
}
