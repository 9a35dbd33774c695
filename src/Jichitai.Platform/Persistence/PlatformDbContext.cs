using Jichitai.Platform.Audit;
using Jichitai.Platform.Authenticity;
using Jichitai.Platform.Identity;
using Jichitai.Platform.Settings;
using Jichitai.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Platform.Persistence;

/// <summary>Tables of the platform: tenants, staff identity, settings, audit. SQLite has no schemas, so every table is prefixed "platform_".</summary>
public sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options, ITenantScopeAccessor scopeAccessor)
    : IdentityDbContext<StaffUser, StaffRoleEntity, Guid>(options), IScopedDbContext
{
    public TenantScope Scope => scopeAccessor.Scope;

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<TenantSettingValue> TenantSettings => Set<TenantSettingValue>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();
    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();
    public DbSet<IssuedDocument> IssuedDocuments => Set<IssuedDocument>();
    public DbSet<Linkage.IntegrationEvent> IntegrationEvents => Set<Linkage.IntegrationEvent>();
    public DbSet<Linkage.IntegrationEventSequence> IntegrationEventSequences => Set<Linkage.IntegrationEventSequence>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);

        b.Entity<StaffUser>(e =>
        {
            e.ToTable("platform_staff_users");
            e.Property(x => x.DisplayName).HasMaxLength(100);
            e.HasIndex(x => x.TenantId);
            e.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<StaffRoleEntity>().ToTable("platform_roles");
        b.Entity<IdentityUserRole<Guid>>().ToTable("platform_user_roles");
        b.Entity<IdentityUserClaim<Guid>>().ToTable("platform_user_claims");
        b.Entity<IdentityUserLogin<Guid>>().ToTable("platform_user_logins");
        b.Entity<IdentityUserToken<Guid>>().ToTable("platform_user_tokens");
        b.Entity<IdentityRoleClaim<Guid>>().ToTable("platform_role_claims");

        b.Entity<Tenant>(e =>
        {
            e.ToTable("platform_tenants");
            e.Property(x => x.Code).HasMaxLength(6).IsFixedLength();
            e.HasIndex(x => x.Code).IsUnique();
            e.Property(x => x.Name).HasMaxLength(60);
            e.Property(x => x.NameKana).HasMaxLength(120);
            e.Property(x => x.Prefecture).HasMaxLength(10);
        });

        b.Entity<TenantSettingValue>(e =>
        {
            e.ToTable("platform_tenant_settings");
            e.Property(x => x.Key).HasMaxLength(100);
            e.Property(x => x.Value).HasMaxLength(2000);
            e.HasIndex(x => new { x.TenantId, x.Key, x.EffectiveFrom });
            e.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("platform_audit_entries");
            e.HasIndex(x => new { x.ChainId, x.Seq }).IsUnique();
            e.HasIndex(x => new { x.ChainId, x.At });
            e.HasIndex(x => new { x.ChainId, x.SubjectId });
            e.HasIndex(x => new { x.ChainId, x.ActorId });
            e.Property(x => x.Action).HasMaxLength(80);
            e.Property(x => x.ActorName).HasMaxLength(100);
            e.Property(x => x.TargetType).HasMaxLength(80);
            e.Property(x => x.TargetId).HasMaxLength(100);
            e.Property(x => x.SubjectId).HasMaxLength(100);
            e.Property(x => x.Reason).HasMaxLength(500);
            e.Property(x => x.ClientAddress).HasMaxLength(64);
            e.Property(x => x.Detail).HasMaxLength(2000);
            e.Property(x => x.PrevHash).HasMaxLength(64);
            e.Property(x => x.Hash).HasMaxLength(64);
        });
        b.Entity<AuditChainHead>(e =>
        {
            e.ToTable("platform_audit_chain_heads");
            e.HasKey(x => x.ChainId);
            e.Property(x => x.ChainId).ValueGeneratedNever();
            e.Property(x => x.LastHash).HasMaxLength(64);
        });
        b.Entity<AuditCheckpoint>(e =>
        {
            e.ToTable("platform_audit_checkpoints");
            e.HasIndex(x => new { x.ChainId, x.Seq });
            e.Property(x => x.Hash).HasMaxLength(64);
            e.Property(x => x.Signature).HasMaxLength(64);
        });

        b.Entity<IssuedDocument>(e =>
        {
            e.ToTable("platform_issued_documents");
            e.Property(x => x.Code).HasMaxLength(VerificationCode.Length).IsFixedLength();
            e.HasIndex(x => x.Code).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.IssuedAt });
            e.Property(x => x.Kind).HasMaxLength(80);
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.Sha256).HasMaxLength(64).IsFixedLength();
            e.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<Linkage.IntegrationEvent>(e =>
        {
            e.ToTable("platform_integration_events");
            e.HasIndex(x => new { x.TenantId, x.Sequence }).IsUnique();
            e.HasIndex(x => x.EventId).IsUnique();
            e.Property(x => x.Type).HasMaxLength(80);
            e.Property(x => x.SubjectKey).HasMaxLength(40);
        });
        b.Entity<Linkage.IntegrationEventSequence>(e =>
        {
            e.ToTable("platform_integration_event_sequences");
            e.HasKey(x => x.TenantId);
            e.Property(x => x.TenantId).ValueGeneratedNever();
        });

        TenantIsolation.ApplyQueryFilters(b, this);
        if (Scope.IsSystem) return;
        // Audit rows are keyed by chain (tenant id, or 0 for the operator), not by ITenantOwned.
        b.Entity<AuditEntry>().HasQueryFilter(x => x.ChainId == Scope.IsolationKey);
        b.Entity<AuditCheckpoint>().HasQueryFilter(x => x.ChainId == Scope.IsolationKey);
        b.Entity<AuditChainHead>().HasQueryFilter(x => x.ChainId == Scope.IsolationKey);
        // Settings are configuration, not personal data: the operator reads every tenant's (differences report) but writes none.
        b.Entity<TenantSettingValue>().HasQueryFilter(x => Scope.Kind == ScopeKind.Operator || x.TenantId == Scope.IsolationKey);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        TenantIsolation.CheckBeforeSave(this, Scope);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        TenantIsolation.CheckBeforeSave(this, Scope);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}

/// <summary>Every DateTime is UTC: SQLite returns kind Unspecified, PostgreSQL's timestamptz requires Utc.</summary>
public sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
