using Jichitai.Care.Assessment;
using Jichitai.Care.Persistence;
using Jichitai.Care.Qualification;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Demo;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Care.Demo;

/// <summary>
/// The demo city's 介護保険: the insured from the registry's demo residents (through the registry's snapshot, as after a
/// 移行), fictional tax and pension data, and the 本算定 of 2025 and 2026 — so the 介護担当 sees real assessments at once.
/// </summary>
public sealed class CareDemoSeeder(PlatformSettings settings, RegistrySync sync, AssessmentRuns runs) : IDemoDataSeeder
{
    private static readonly AuditActor Actor = new(null, "demo-seed", "local");

    public async Task SeedAsync(Tenant tenant, CancellationToken ct)
    {
        await using (var db = CareDatabase.Create(settings.Database, TenantScope.ForTenant(tenant.Id)))
            if (await db.People.AnyAsync(ct)) return;
        await sync.SyncAsync(tenant.Id, ct);
        await using (var db = CareDatabase.Create(settings.Database, TenantScope.ForTenant(tenant.Id)))
        {
            var random = new Random(65);
            var people = await db.People.AsNoTracking().OrderBy(p => p.AddresseeNumber).ToListAsync(ct);
            var insured = (await db.Insured.AsNoTracking().Select(i => i.AddresseeNumber).ToListAsync(ct)).ToHashSet();
            foreach (var p in people)
            {
                var age = 2026 - p.BirthDate.Year;
                if (age < 16) continue;
                var taxable = random.NextDouble() < (age >= 65 ? 0.35 : 0.6);
                var pension = age >= 65 ? random.Next(400_000, 2_400_000) : 0;
                long total = taxable ? random.Next(600_000, 8_000_000) : random.Next(0, 600_000);
                foreach (var year in new[] { 2025, 2026 })
                    db.Incomes.Add(new IncomeRow
                    {
                        TenantId = tenant.Id, FiscalYear = year, AddresseeNumber = p.AddresseeNumber, TotalIncome = total, TaxablePensionIncome = pension,
                        OtherIncome = Math.Max(0, total - pension), ResidentTaxable = taxable, PublicAssistance = random.NextDouble() < 0.02,
                    });
                if (insured.Contains(p.AddresseeNumber) && random.NextDouble() < 0.7)
                    foreach (var year in new[] { 2025, 2026 })
                        db.Pensions.Add(new PensionRow { TenantId = tenant.Id, FiscalYear = year, AddresseeNumber = p.AddresseeNumber, InsurerCode = "001", AnnualPension = pension + 200_000 });
            }
            await db.SaveChangesAsync(ct);
        }
        await runs.RunAsync(tenant.Id, 2025, Actor, null, ct);
        await runs.RunAsync(tenant.Id, 2026, Actor, null, ct);
    }
}
