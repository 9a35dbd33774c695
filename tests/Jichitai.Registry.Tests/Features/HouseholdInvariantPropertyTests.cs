using CsCheck;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Features.Birth;
using Jichitai.Registry.Features.Cancellation;
using Jichitai.Registry.Features.HouseholdChange;
using Jichitai.Registry.Features.MoveIn;
using Jichitai.Registry.Features.MoveOut;
using Jichitai.Registry.Features.Relocation;
using Jichitai.Registry.Features.Removal;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Persistence;
using Jichitai.Registry.Residents;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;
using static Jichitai.Registry.Tests.Features.Scenario;

namespace Jichitai.Registry.Tests.Features;

/// <summary>
/// Property: any sequence of 異動 — valid ones applied, invalid ones refused — keeps every household with exactly one
/// head, every person in at most one current household, and the current rows equal to the last version of each person's
/// history (replaying history reproduces the current state). CsCheck generates the sequences and shrinks failures.
/// </summary>
public class HouseholdInvariantPropertyTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnySequenceOfMovements_KeepsHouseholdInvariants_AndHistoryReplaysToTheCurrentState(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var sequence = 0;
        await Gen.Int[0, int.MaxValue].Array[6, 14].SampleAsync(async steps =>
        {
            var code = TenantCode(++sequence);
            var tenant = await host.CreateTenantAsync(code, $"検証{sequence}市");
            var day = new DateOnly(2025, 1, 1);
            foreach (var step in steps)
            {
                day = day.AddDays(1 + step % 9);
                try { await ApplyAsync(host, tenant, step, day); }
                catch (DomainException) { /* a refused movement must leave the data as it was: checked below */ }
                await AssertInvariantsAsync(host, tenant.Id);
            }
        }, iter: provider == DatabaseProvider.Sqlite ? 12 : 6, threads: 1);
    }

    private static async Task ApplyAsync(RegistryTestHost host, Tenant tenant, int step, DateOnly day)
    {
        var households = await HouseholdsAsync(host, tenant.Id);
        var pick = households.Count == 0 ? null : households[step / 7 % households.Count];
        switch (households.Count == 0 ? 0 : step % 7)
        {
            case 0:
                await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(day, family: "試験" + step % 50, kana: "シケン") with { DuplicateConfirmed = true });
                break;
            case 1:
                await host.RunAsync(tenant, BirthHandler.HandleAsync, new BirthRequest
                { Header = On(day), HouseholdNumber = pick!.Number, Child = Person("試験", "子" + step % 10, "シケン", "コ", day, "女", "子") });
                break;
            case 2:
                await host.RunAsync(tenant, HouseholdChangeHandlers.SplitAsync, new HouseholdSplitRequest
                {
                    Header = On(day), HouseholdNumber = pick!.Number, AddresseeNumbers = [pick.Members[^1]],
                    NewHousehold = new HeadAssignment { NewHeadAddresseeNumber = pick.Members[^1] },
                });
                break;
            case 3:
                await host.RunAsync(tenant, RelocationHandler.HandleAsync, new RelocationRequest
                { Header = On(day), HouseholdNumber = pick!.Number, Address = Address($"{step % 97}番{step % 13}号") });
                break;
            case 4:
                var dead = pick!.Members[step % pick.Members.Count];
                var rest = pick.Members.Where(m => m != dead).ToList();
                // Sometimes name a successor, sometimes not: a head's death without one must be refused.
                var successor = rest.Count > 0 && step % 3 != 0 ? rest[0] : null;
                await host.RunAsync(tenant, RemovalHandler.HandleAsync, new RemovalRequest
                {
                    Header = On(day), AddresseeNumber = dead, Kind = "死亡",
                    RemainingHousehold = new HeadAssignment
                    {
                        NewHeadAddresseeNumber = dead == pick.Head ? successor : null,
                        Relationships = dead == pick.Head ? rest.Where(r => r != successor).ToDictionary(r => r, _ => "子") : new Dictionary<string, string>(),
                    },
                });
                break;
            case 5:
                await host.RunAsync(tenant, MoveOutHandler.HandleAsync, new MoveOutRequest
                { Header = On(day), HouseholdNumber = pick!.Number, Destination = "大阪府大阪市北区" });
                break;
            default:
                var last = await LastMovementAsync(host, tenant.Id);
                if (last is not null)
                    await host.RunAsync(tenant, CancellationHandler.HandleAsync, new CancellationRequest { MovementId = last, Reason = "性質試験" });
                break;
        }
    }

    private sealed record HouseholdView(string Number, List<string> Members, string? Head);

    private static async Task<List<HouseholdView>> HouseholdsAsync(RegistryTestHost host, int tenantId)
    {
        await using var db = RegistryDatabase.Create(host.Database.Settings.Database, TenantScope.ForTenant(tenantId));
        var rows = await db.Residents.AsNoTracking().Where(r => r.Status == ResidentStatus.Resident).ToListAsync();
        return rows.Select(r => MovementSession.Deserialize(r.Record)).GroupBy(r => r.HouseholdNumber!)
            .OrderBy(g => g.Key)
            .Select(g => new HouseholdView(g.Key, g.OrderBy(m => m.MemberOrder).Select(m => m.AddresseeNumber).ToList(), g.FirstOrDefault(m => m.IsHead)?.AddresseeNumber))
            .ToList();
    }

    private static async Task<long?> LastMovementAsync(RegistryTestHost host, int tenantId)
    {
        await using var db = RegistryDatabase.Create(host.Database.Settings.Database, TenantScope.ForTenant(tenantId));
        return await db.Movements.Where(m => m.CancelledByMovementId == null && m.CancelsMovementId == null).OrderByDescending(m => m.Id).Select(m => (long?)m.Id).FirstOrDefaultAsync();
    }

    private static async Task AssertInvariantsAsync(RegistryTestHost host, int tenantId)
    {
        await using var db = RegistryDatabase.Create(host.Database.Settings.Database, TenantScope.ForTenant(tenantId));
        var residents = await db.Residents.AsNoTracking().ToListAsync();
        foreach (var household in residents.Where(r => r.Status == ResidentStatus.Resident).GroupBy(r => r.HouseholdId))
        {
            Assert.NotNull(household.Key);
            var records = household.Select(r => MovementSession.Deserialize(r.Record)).ToList();
            Assert.Equal(1, records.Count(r => r.IsHead));
            Assert.All(records, r => Assert.Equal(household.Key, r.HouseholdId));
        }
        var versions = await db.ResidentVersions.AsNoTracking().OrderBy(v => v.Id).ToListAsync();
        foreach (var r in residents)
        {
            var mine = versions.Where(v => v.ResidentId == r.Id).ToList();
            Assert.NotEmpty(mine);
            Assert.Equal(mine[^1].Id, r.LastVersionId);
            Assert.Equal(mine[^1].Record, r.Record);          // replay: the last version is the current record
            Assert.Equal(mine[^1].HouseholdId, r.HouseholdId);
        }
    }

    /// <summary>A valid 地方公共団体コード (check digit included) distinct per sample.</summary>
    private static string TenantCode(int n)
    {
        var five = $"{13 + n % 30:00}{100 + n:000}";
        return five + Platform.Tenancy.LocalGovernmentCode.CheckDigit(five);
    }
}
