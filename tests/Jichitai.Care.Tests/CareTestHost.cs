using Jichitai.Care.Persistence;
using Jichitai.Care.Qualification;
using Jichitai.Linkage;
using Jichitai.Linkage.Delivery;
using Jichitai.Platform;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Jichitai.Care.Tests;

/// <summary>The platform, the registry (source of events), linkage (the pipe) and 介護保険 over a fresh test database.</summary>
public sealed class CareTestHost : IAsyncDisposable
{
    public static readonly AuditActor Officer = new(Guid.NewGuid(), "test-kaigo", "127.0.0.1");
    public static readonly AuditActor SecondOfficer = new(Guid.NewGuid(), "test-kaigo2", "127.0.0.1");
    public TestDatabase Database { get; }
    public ServiceProvider Services { get; }
    /// <summary>Fixed at 2026-11-26 10:00 JST unless a test moves it.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero));

    private CareTestHost(TestDatabase database)
    {
        Database = database;
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddDataProtection();
        services.AddJichitaiPlatform(database.Settings);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddRegistryModule();
        services.AddLinkageModule();
        services.AddCareModule();
        Services = services.BuildServiceProvider();
        var options = Services.GetRequiredService<LinkageOptions>();
        options.PollInterval = TimeSpan.FromMilliseconds(50);
        options.AttemptBaseDelay = TimeSpan.FromMilliseconds(50);
        options.MaxBackoff = TimeSpan.FromMilliseconds(200);
    }

    public static async Task<CareTestHost> CreateAsync(DatabaseProvider provider) => new(await TestDatabase.CreateAsync(provider));

    public async Task<Tenant> CreateTenantAsync(string code = "131016", string name = "千代田区")
    {
        await using var s = Services.CreateAsyncScope();
        s.ServiceProvider.GetRequiredService<ITenantScopeAccessor>().Scope = TenantScope.System;
        return await s.ServiceProvider.GetRequiredService<TenantService>().CreateAsync(new TenantDraft(code, name), Officer);
    }

    public async Task<T> AsTenant<TService, T>(Tenant tenant, Func<TService, Task<T>> call) where TService : notnull
    {
        await using var s = Services.CreateAsyncScope();
        s.ServiceProvider.GetRequiredService<ITenantScopeAccessor>().Scope = TenantScope.ForTenant(tenant.Id);
        return await call(s.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task AsTenant<TService>(Tenant tenant, Func<TService, Task> call) where TService : notnull
    {
        await using var s = Services.CreateAsyncScope();
        s.ServiceProvider.GetRequiredService<ITenantScopeAccessor>().Scope = TenantScope.ForTenant(tenant.Id);
        await call(s.ServiceProvider.GetRequiredService<TService>());
    }

    public CareDbContext Db(Tenant tenant) => CareDatabase.Create(Database.Settings.Database, TenantScope.ForTenant(tenant.Id));

    /// <summary>Delivers every pending registry event to the in-process subscribers (介護保険) and returns when all are applied.</summary>
    public async Task DeliverAsync()
    {
        var dispatcher = Services.GetRequiredService<LinkageDispatcher>();
        while (await dispatcher.RunOnceAsync(CancellationToken.None) > 0) { }
    }

    /// <summary>Puts a person into the module's view directly (as a delivered event would), for tests of the module alone.</summary>
    public async Task<CarePersonRow> PersonAsync(Tenant tenant, string addressee, DateOnly birth, DateOnly? residentFrom = null, string household = "H1",
        string status = "住民", DateOnly? removedOn = null, string? removalReason = null, string? residentReason = null, string name = "介護 太郎")
    {
        await using var db = Db(tenant);
        var person = new CarePersonRow
        {
            TenantId = tenant.Id, AddresseeNumber = addressee, HouseholdNumber = household, BirthDate = birth, Name = name, NameKana = "カイゴ タロウ",
            Gender = "男", Address = "東京都千代田区千代田1番1号", PostalCode = "100-0001", Status = status,
            BecameResidentOn = residentFrom ?? birth, BecameResidentReason = residentReason, RemovedOn = removedOn, RemovalReason = removalReason, UpdatedAt = DateTime.UtcNow,
        };
        db.People.Add(person);
        await db.SaveChangesAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        await QualificationService.RecomputeAsync(db, person, QualificationService.Automatic, "テスト", "test", DateTime.UtcNow, default);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return person;
    }

    /// <summary>Many insured people at once (household = own number; every third one taxable), for batch tests.</summary>
    public async Task SeedInsuredAsync(Tenant tenant, int count, int fiscalYear = 2026)
    {
        await using var db = Db(tenant);
        for (var n = 1; n <= count; n++)
        {
            var number = (100_000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture);
            db.People.Add(new CarePersonRow { TenantId = tenant.Id, AddresseeNumber = number, HouseholdNumber = "H" + number, BirthDate = new DateOnly(1940 + n % 20, 1 + n % 12, 1 + n % 28), Name = "被保険者" + n, NameKana = "ヒホケンシャ", Status = "住民", BecameResidentOn = new DateOnly(1990, 1, 1), UpdatedAt = DateTime.UtcNow });
            db.Insured.Add(new InsuredRow { TenantId = tenant.Id, AddresseeNumber = number, InsuredNumber = Jichitai.Care.Qualification.InsuredNumbers.Format(n), Periods = CareJson.Write(new[] { new Jichitai.Care.Qualification.QualificationPeriod(new DateOnly(2005, 1, 1), "65歳到達", null, null) }) });
            db.Incomes.Add(new IncomeRow { TenantId = tenant.Id, FiscalYear = fiscalYear, AddresseeNumber = number, TotalIncome = n % 3 == 0 ? 1_000_000 + n * 1_000 : 0, TaxablePensionIncome = 500_000 + n % 1_000 * 1_000, ResidentTaxable = n % 3 == 0 });
        }
        db.Counters.Add(new CareCounterRow { TenantId = tenant.Id, Name = "insured-number", Value = count });
        await db.SaveChangesAsync();
    }

    public async Task IncomeAsync(Tenant tenant, int year, string addressee, long total, long pension, long other, bool taxable, bool publicAssistance = false)
    {
        await using var db = Db(tenant);
        db.Incomes.Add(new IncomeRow
        {
            TenantId = tenant.Id, FiscalYear = year, AddresseeNumber = addressee, TotalIncome = total, TaxablePensionIncome = pension, OtherIncome = other,
            ResidentTaxable = taxable, PublicAssistance = publicAssistance,
        });
        await db.SaveChangesAsync();
    }

    public async Task PensionAsync(Tenant tenant, int year, string addressee, long annual)
    {
        await using var db = Db(tenant);
        db.Pensions.Add(new PensionRow { TenantId = tenant.Id, FiscalYear = year, AddresseeNumber = addressee, InsurerCode = "001", AnnualPension = annual });
        await db.SaveChangesAsync();
    }

    /// <summary>Runs SQL as the database owner (not the application role), e.g. to wipe a table the application may not delete from.</summary>
    public async Task ExecuteAsOwnerAsync(string sql)
    {
        System.Data.Common.DbConnection c = Database.Provider == DatabaseProvider.PostgreSql
            ? new Npgsql.NpgsqlConnection(Database.Settings.Database.ConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(Database.Settings.Database.ConnectionString);
        await using (c)
        {
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            await cmd.ExecuteNonQueryAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
