using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Linkage.Persistence;

/// <summary>Tables of the 連携 module, prefixed "linkage_". The events themselves are the platform's outbox.</summary>
public sealed class LinkageDbContext(DbContextOptions<LinkageDbContext> options, ITenantScopeAccessor scopeAccessor)
    : DbContext(options), IScopedDbContext
{
    public const string MigrationsHistoryTable = "linkage_ef_migrations";
    public TenantScope Scope => scopeAccessor.Scope;

    public DbSet<ConsumerRow> Consumers => Set<ConsumerRow>();
    public DbSet<DeliveryFailureRow> Failures => Set<DeliveryFailureRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder c) =>
        c.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<ConsumerRow>(e =>
        {
            e.ToTable("linkage_consumers");
            e.HasIndex(x => new { x.TenantId, x.Name }).IsUnique();
            e.HasIndex(x => x.ApiKeyHash).IsUnique();
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Items).HasMaxLength(2000);
            e.Property(x => x.ApiKeyHash).HasMaxLength(64);
            e.Property(x => x.ApiKeyPrefix).HasMaxLength(20);
            e.Property(x => x.WebhookUrl).HasMaxLength(500);
            e.Property(x => x.WebhookSecretProtected).HasMaxLength(500);
            e.Property(x => x.FileEncoding).HasMaxLength(10);
            e.Property(x => x.LastError).HasMaxLength(1000);
            e.Property(x => x.LeaseOwner).HasMaxLength(100);
            e.Property(x => x.CreatedBy).HasMaxLength(100);
        });
        b.Entity<DeliveryFailureRow>(e =>
        {
            e.ToTable("linkage_delivery_failures");
            e.HasIndex(x => new { x.TenantId, x.ConsumerId, x.At });
            e.Property(x => x.Error).HasMaxLength(1000);
        });
        TenantIsolation.ApplyQueryFilters(b, this);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        TenantIsolation.CheckBeforeSave(this, Scope);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        TenantIsolation.CheckBeforeSave(this, Scope);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }
}

public static class LinkageDatabase
{
    public static DbContextOptions<LinkageDbContext> Options(DatabaseLocation location) =>
        (DbContextOptions<LinkageDbContext>)PlatformDatabase.Configure(new DbContextOptionsBuilder<LinkageDbContext>(), location, LinkageDbContext.MigrationsHistoryTable).Options;

    public static LinkageDbContext Create(DatabaseLocation location, TenantScope scope) =>
        new(Options(location), new TenantScopeAccessor { Scope = scope });
}

/// <summary>Applies the linkage module's migrations (after the platform's).</summary>
public sealed class LinkageMigrations : IModuleMigrations
{
    public async Task<IReadOnlyList<string>> MigrateAsync(PlatformSettings settings, CancellationToken ct)
    {
        await using var db = LinkageDatabase.Create(settings.Database, TenantScope.System);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Select(m => "linkage:" + m).ToList();
        await db.Database.MigrateAsync(ct);
        return pending;
    }
}
