using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Persistence;

/// <summary>Tables of the 住民記録 module, prefixed "registry_". Tenant isolation comes from the platform (filters + RLS).</summary>
public sealed class RegistryDbContext(DbContextOptions<RegistryDbContext> options, ITenantScopeAccessor scopeAccessor)
    : DbContext(options), IScopedDbContext
{
    public const string MigrationsHistoryTable = "registry_ef_migrations";
    public TenantScope Scope => scopeAccessor.Scope;

    public DbSet<ResidentRow> Residents => Set<ResidentRow>();
    public DbSet<HouseholdRow> Households => Set<HouseholdRow>();
    public DbSet<MovementRow> Movements => Set<MovementRow>();
    public DbSet<ResidentVersionRow> ResidentVersions => Set<ResidentVersionRow>();
    public DbSet<NumberCounterRow> NumberCounters => Set<NumberCounterRow>();
    public DbSet<RestrictionRow> Restrictions => Set<RestrictionRow>();
    public DbSet<PendingMovementRow> PendingMovements => Set<PendingMovementRow>();
    public DbSet<MemoRow> Memos => Set<MemoRow>();
    public DbSet<AddressEntryRow> AddressEntries => Set<AddressEntryRow>();
    public DbSet<BuildingEntryRow> BuildingEntries => Set<BuildingEntryRow>();
    public DbSet<RecordEntryRow> RecordEntries => Set<RecordEntryRow>();
    public DbSet<DeFactoHeadRow> DeFactoHeads => Set<DeFactoHeadRow>();
    public DbSet<InputLocationRow> InputLocations => Set<InputLocationRow>();
    public DbSet<InputTerminalRow> InputTerminals => Set<InputTerminalRow>();
    public DbSet<CertificateIssueRow> CertificateIssues => Set<CertificateIssueRow>();
    public DbSet<CertificateSubjectRow> CertificateSubjects => Set<CertificateSubjectRow>();
    public DbSet<RestrictionOffenderRow> RestrictionOffenders => Set<RestrictionOffenderRow>();
    public DbSet<MigrationRunRow> MigrationRuns => Set<MigrationRunRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder c) =>
        c.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        var postgres = Database.IsNpgsql();
        b.Entity<ResidentRow>(e =>
        {
            e.ToTable("registry_residents");
            e.Property(x => x.AddresseeNumber).HasMaxLength(15);
            e.HasIndex(x => new { x.TenantId, x.AddresseeNumber }).IsUnique();
            e.Property(x => x.LastVersionId).IsConcurrencyToken(); // two clerks changing one person: the second is refused
            e.HasIndex(x => new { x.TenantId, x.HouseholdId });
            // 生年月日 searches are ordered by kana (alone or with a kana prefix): (tenant, birth, kana, id) gives range and order.
            e.HasIndex(x => new { x.TenantId, x.BirthDate, x.KanaKey, x.Id });
            e.HasIndex(x => new { x.TenantId, x.PersonalNumberIndex });
            foreach (var key in new[] { nameof(ResidentRow.KanaKey), nameof(ResidentRow.NameKey), nameof(ResidentRow.AddressKey), nameof(ResidentRow.FuzzyKanaKey), nameof(ResidentRow.GivenKanaKey) })
            {
                // Prefix search is a range scan; code-point order (C collation) makes the range exact.
                var p = e.Property(key).HasMaxLength(200);
                if (postgres) p.UseCollation("C");
                // (tenant, key, id) matches ORDER BY key, id: the scan returns rows in order and LIMIT stops after 100,
                // instead of sorting every match of a short prefix (10,896 rows for a 2-kana prefix at 1,000,000 residents).
                e.HasIndex(nameof(ResidentRow.TenantId), key, nameof(ResidentRow.Id));
            }
        });
        b.Entity<HouseholdRow>(e =>
        {
            e.ToTable("registry_households");
            e.Property(x => x.HouseholdNumber).HasMaxLength(15);
            e.HasIndex(x => new { x.TenantId, x.HouseholdNumber }).IsUnique();
        });
        b.Entity<MovementRow>(e =>
        {
            e.ToTable("registry_movements");
            e.Property(x => x.StaffName).HasMaxLength(100);
            e.Property(x => x.IdempotencyKey).HasMaxLength(100);
            e.Property(x => x.Summary).HasMaxLength(500);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.Property(x => x.InputLocation).HasMaxLength(200);
            e.Property(x => x.InputTerminal).HasMaxLength(100);
            e.Property(x => x.ClientAddress).HasMaxLength(64);
            e.HasIndex(x => new { x.TenantId, x.IdempotencyKey }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.ReasonCode, x.EffectiveOn });
            e.HasIndex(x => new { x.TenantId, x.LateNotification });
        });
        b.Entity<ResidentVersionRow>(e =>
        {
            e.ToTable("registry_resident_versions");
            e.HasIndex(x => new { x.TenantId, x.ResidentId, x.Id });
            e.HasIndex(x => new { x.TenantId, x.MovementId });
            e.HasIndex(x => new { x.TenantId, x.HouseholdId });
        });
        b.Entity<NumberCounterRow>(e =>
        {
            e.ToTable("registry_number_counters");
            e.HasKey(x => new { x.TenantId, x.Name });
            e.Property(x => x.Name).HasMaxLength(30);
        });
        b.Entity<RestrictionRow>(e =>
        {
            e.ToTable("registry_restrictions");
            e.Property(x => x.Reason).HasMaxLength(500);
            e.Property(x => x.EndReason).HasMaxLength(500);
            e.Property(x => x.ReleasedBy).HasMaxLength(100);
            e.Property(x => x.CreatedBy).HasMaxLength(100);
            e.HasIndex(x => new { x.TenantId, x.ResidentId });
            e.HasIndex(x => new { x.TenantId, x.HouseholdId });
            e.HasIndex(x => new { x.TenantId, x.Kind, x.EndOn });
        });
        b.Entity<PendingMovementRow>(e =>
        {
            e.ToTable("registry_pending_movements");
            e.Property(x => x.Feature).HasMaxLength(40);
            e.Property(x => x.Summary).HasMaxLength(500);
            e.Property(x => x.EnteredByName).HasMaxLength(100);
            e.Property(x => x.DecidedByName).HasMaxLength(100);
            e.Property(x => x.RejectReason).HasMaxLength(500);
            e.Property(x => x.IdempotencyKey).HasMaxLength(100);
            e.HasIndex(x => new { x.TenantId, x.Status });
            e.HasIndex(x => new { x.TenantId, x.IdempotencyKey }).IsUnique();
        });
        b.Entity<MemoRow>(e =>
        {
            e.ToTable("registry_memos");
            e.Property(x => x.Text).HasMaxLength(2000);
            e.Property(x => x.WrittenByName).HasMaxLength(100);
            e.Property(x => x.DeletedByName).HasMaxLength(100);
            e.HasIndex(x => new { x.TenantId, x.ResidentId });
        });
        b.Entity<AddressEntryRow>(e =>
        {
            e.ToTable("registry_address_entries");
            e.Property(x => x.Code).HasMaxLength(11);
            e.Property(x => x.PostalCode).HasMaxLength(8);
            foreach (var name in new[] { nameof(AddressEntryRow.Prefecture), nameof(AddressEntryRow.PrefectureKana), nameof(AddressEntryRow.Municipality),
                nameof(AddressEntryRow.MunicipalityKana), nameof(AddressEntryRow.Town), nameof(AddressEntryRow.TownKana) })
                e.Property(name).HasMaxLength(100);
            e.Property(x => x.Note).HasMaxLength(500);
            e.Property(x => x.UpdatedBy).HasMaxLength(100);
            e.HasIndex(x => new { x.TenantId, x.Code }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.PostalCode });
        });
        b.Entity<BuildingEntryRow>(e =>
        {
            e.ToTable("registry_building_entries");
            e.Property(x => x.BlockNumber).HasMaxLength(50);
            e.Property(x => x.BlockSortKey).HasMaxLength(60);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.NameKana).HasMaxLength(100);
            e.Property(x => x.UpdatedBy).HasMaxLength(100);
            e.HasIndex(x => new { x.TenantId, x.AddressEntryId, x.BlockSortKey });
        });
        RecordModel.Configure(b);
        CertificateModel.Configure(b);
        b.Entity<MigrationRunRow>(e =>
        {
            e.ToTable("registry_migration_runs");
            e.Property(x => x.FilesHash).HasMaxLength(64);
            e.Property(x => x.Encoding).HasMaxLength(10);
            e.Property(x => x.Actor).HasMaxLength(100);
            e.HasIndex(x => new { x.TenantId, x.FilesHash });
        });
        TenantIsolation.ApplyQueryFilters(b, this);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        TenantIsolation.CheckBeforeSave(this, Scope);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        TenantIsolation.CheckBeforeSave(this, Scope);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
    }
}
