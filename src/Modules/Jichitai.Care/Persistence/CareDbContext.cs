using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Care.Persistence;

/// <summary>Tables of the 介護保険 module, prefixed "care_".</summary>
public sealed class CareDbContext(DbContextOptions<CareDbContext> options, ITenantScopeAccessor scopeAccessor)
    : DbContext(options), IScopedDbContext
{
    public const string MigrationsHistoryTable = "care_ef_migrations";
    public TenantScope Scope => scopeAccessor.Scope;

    public DbSet<CarePersonRow> People => Set<CarePersonRow>();
    public DbSet<InsuredRow> Insured => Set<InsuredRow>();
    public DbSet<QualificationChangeRow> QualificationChanges => Set<QualificationChangeRow>();
    public DbSet<CareCounterRow> Counters => Set<CareCounterRow>();
    public DbSet<IncomeRow> Incomes => Set<IncomeRow>();
    public DbSet<PensionRow> Pensions => Set<PensionRow>();
    public DbSet<CareImportRow> Imports => Set<CareImportRow>();
    public DbSet<OrdinanceVersionRow> Ordinances => Set<OrdinanceVersionRow>();
    public DbSet<AssessmentRunRow> Runs => Set<AssessmentRunRow>();
    public DbSet<AssessmentRow> Assessments => Set<AssessmentRow>();
    public DbSet<ReductionRow> Reductions => Set<ReductionRow>();
    public DbSet<CertificateIssueRow> CertificateIssues => Set<CertificateIssueRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder c) =>
        c.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<CarePersonRow>(e =>
        {
            e.ToTable("care_people");
            e.HasKey(x => new { x.TenantId, x.AddresseeNumber });
            e.HasIndex(x => new { x.TenantId, x.HouseholdNumber });
            e.Property(x => x.AddresseeNumber).HasMaxLength(20);
            e.Property(x => x.HouseholdNumber).HasMaxLength(20);
            e.Property(x => x.HouseholdHistory).HasMaxLength(1000);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.NameKana).HasMaxLength(200);
            e.Property(x => x.Gender).HasMaxLength(10);
            e.Property(x => x.PostalCode).HasMaxLength(10);
            e.Property(x => x.Address).HasMaxLength(500);
            e.Property(x => x.Status).HasMaxLength(10);
            e.Property(x => x.RemovalReason).HasMaxLength(40);
            e.Property(x => x.BecameResidentReason).HasMaxLength(40);
        });
        b.Entity<InsuredRow>(e =>
        {
            e.ToTable("care_insured");
            e.HasKey(x => new { x.TenantId, x.AddresseeNumber });
            e.HasIndex(x => new { x.TenantId, x.InsuredNumber }).IsUnique();
            e.Property(x => x.AddresseeNumber).HasMaxLength(20);
            e.Property(x => x.InsuredNumber).HasMaxLength(10);
            e.Property(x => x.Periods).HasMaxLength(4000);
            e.Property(x => x.OfficerPeriods).HasMaxLength(4000);
            e.Property(x => x.AddressExceptions).HasMaxLength(4000);
            e.Property(x => x.Exclusions).HasMaxLength(4000);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        b.Entity<QualificationChangeRow>(e =>
        {
            e.ToTable("care_qualification_changes");
            e.HasIndex(x => new { x.TenantId, x.AddresseeNumber, x.At });
            e.Property(x => x.AddresseeNumber).HasMaxLength(20);
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.Before).HasMaxLength(4000);
            e.Property(x => x.After).HasMaxLength(4000);
            e.Property(x => x.Reason).HasMaxLength(500);
            e.Property(x => x.Actor).HasMaxLength(100);
        });
        b.Entity<CareCounterRow>(e =>
        {
            e.ToTable("care_counters");
            e.HasKey(x => new { x.TenantId, x.Name });
            e.Property(x => x.Name).HasMaxLength(40);
        });
        b.Entity<IncomeRow>(e =>
        {
            e.ToTable("care_incomes");
            e.HasKey(x => new { x.TenantId, x.FiscalYear, x.AddresseeNumber });
            e.Property(x => x.AddresseeNumber).HasMaxLength(20);
        });
        b.Entity<PensionRow>(e =>
        {
            e.ToTable("care_pensions");
            e.HasKey(x => new { x.TenantId, x.FiscalYear, x.AddresseeNumber });
            e.Property(x => x.AddresseeNumber).HasMaxLength(20);
            e.Property(x => x.InsurerCode).HasMaxLength(10);
        });
        b.Entity<CareImportRow>(e =>
        {
            e.ToTable("care_imports");
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.FileName).HasMaxLength(300);
            e.Property(x => x.Actor).HasMaxLength(100);
        });
        b.Entity<OrdinanceVersionRow>(e =>
        {
            e.ToTable("care_ordinance_versions");
            e.HasIndex(x => new { x.TenantId, x.FiscalYear, x.Version }).IsUnique();
            e.Property(x => x.Reason).HasMaxLength(500);
            e.Property(x => x.CreatedBy).HasMaxLength(100);
        });
        b.Entity<AssessmentRunRow>(e =>
        {
            e.ToTable("care_runs");
            e.HasIndex(x => new { x.TenantId, x.FiscalYear, x.StartedAt });
            e.Property(x => x.StartedBy).HasMaxLength(100);
            e.Property(x => x.Cursor).HasMaxLength(20);
            e.Property(x => x.LeaseOwner).HasMaxLength(100);
            e.Property(x => x.Error).HasMaxLength(2000);
        });
        b.Entity<AssessmentRow>(e =>
        {
            e.ToTable("care_assessments");
            e.HasIndex(x => new { x.TenantId, x.FiscalYear, x.AddresseeNumber, x.Revision }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.FiscalYear, x.IsCurrent });
            e.Property(x => x.AddresseeNumber).HasMaxLength(20);
            e.Property(x => x.Kind).HasMaxLength(10);
            e.Property(x => x.Collection).HasMaxLength(10);
            e.Property(x => x.Cause).HasMaxLength(200);
            e.Property(x => x.ComputedBy).HasMaxLength(100);
        });
        b.Entity<ReductionRow>(e =>
        {
            e.ToTable("care_reductions");
            e.HasIndex(x => new { x.TenantId, x.FiscalYear, x.AddresseeNumber });
            e.Property(x => x.AddresseeNumber).HasMaxLength(20);
            e.Property(x => x.RuleCode).HasMaxLength(20);
            e.Property(x => x.Details).HasMaxLength(1000);
            e.Property(x => x.EnteredBy).HasMaxLength(100);
            e.Property(x => x.DecidedBy).HasMaxLength(100);
            e.Property(x => x.DecisionNote).HasMaxLength(500);
        });
        b.Entity<CertificateIssueRow>(e =>
        {
            e.ToTable("care_certificate_issues");
            e.HasIndex(x => new { x.TenantId, x.AddresseeNumber });
            e.Property(x => x.AddresseeNumber).HasMaxLength(20);
            e.Property(x => x.InsuredNumber).HasMaxLength(10);
            e.Property(x => x.Kind).HasMaxLength(10);
            e.Property(x => x.Reason).HasMaxLength(200);
            e.Property(x => x.IssuedBy).HasMaxLength(100);
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

public static class CareDatabase
{
    public static DbContextOptions<CareDbContext> Options(DatabaseLocation location) =>
        (DbContextOptions<CareDbContext>)PlatformDatabase.Configure(new DbContextOptionsBuilder<CareDbContext>(), location, CareDbContext.MigrationsHistoryTable).Options;

    public static CareDbContext Create(DatabaseLocation location, TenantScope scope) =>
        new(Options(location), new TenantScopeAccessor { Scope = scope });
}

/// <summary>Applies the care module's migrations (after the platform's).</summary>
public sealed class CareMigrations : IModuleMigrations
{
    public async Task<IReadOnlyList<string>> MigrateAsync(PlatformSettings settings, CancellationToken ct)
    {
        await using var db = CareDatabase.Create(settings.Database, TenantScope.System);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Select(m => "care:" + m).ToList();
        await db.Database.MigrateAsync(ct);
        return pending;
    }
}
