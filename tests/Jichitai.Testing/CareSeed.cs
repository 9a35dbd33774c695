using Jichitai.Care.Assessment;
using Jichitai.Care.Persistence;
using Jichitai.Care.Qualification;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Demo;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jichitai.Testing;

/// <summary>
/// Puts people into the 介護保険 tables of the demo tenant directly, as delivered registry events would (the demo data
/// reaches 介護保険 only when the linkage dispatcher runs), and runs the 本算定 — for the page and browser tests.
/// </summary>
public static class CareSeed
{
    public static async Task<int> DemoTenantIdAsync(WebAppFixture app)
    {
        await using var platform = PlatformDatabase.Create(app.Database.Settings.Database, TenantScope.System);
        return (await platform.Tenants.SingleAsync(t => t.Code == DemoSeeder.TenantCode)).Id;
    }

    public static async Task PersonAsync(WebAppFixture app, int tenantId, string addressee, string name, string kana, DateOnly birth, long? totalIncome = null)
    {
        await using var db = CareDatabase.Create(app.Database.Settings.Database, TenantScope.ForTenant(tenantId));
        var person = new CarePersonRow
        {
            TenantId = tenantId, AddresseeNumber = addressee, HouseholdNumber = "H" + addressee, BirthDate = birth, Name = name, NameKana = kana, Gender = "女",
            Address = "東京都デモ市本町1丁目1番1号", PostalCode = "100-0001", BecameResidentOn = birth, UpdatedAt = DateTime.UtcNow,
        };
        db.People.Add(person);
        if (totalIncome is { } income)
            db.Incomes.Add(new IncomeRow { TenantId = tenantId, FiscalYear = 2026, AddresseeNumber = addressee, TotalIncome = income, OtherIncome = income, ResidentTaxable = true });
        await db.SaveChangesAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        await QualificationService.RecomputeAsync(db, person, QualificationService.Automatic, "テスト", "test", DateTime.UtcNow, default);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
    }

    public static async Task<AssessmentRunRow> RunAsync(WebAppFixture app, int tenantId, int year = 2026)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantScopeAccessor>().Scope = TenantScope.ForTenant(tenantId);
        return await scope.ServiceProvider.GetRequiredService<AssessmentRuns>().RunAsync(tenantId, year, AuditActor.Cli(), null, default);
    }
}
