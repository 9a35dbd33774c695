using Jichitai.Platform.Audit;
using Jichitai.Platform.Demo;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Features.Birth;
using Jichitai.Registry.Features.HouseholdChange;
using Jichitai.Registry.Features.MoveIn;
using Jichitai.Registry.Features.MoveOut;
using Jichitai.Registry.Features.Relocation;
using Jichitai.Registry.Features.Removal;
using Jichitai.Registry.Features.Restrictions;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Demo;

/// <summary>
/// A few hundred fictional residents for the demo municipality, entered through the real movement features so that
/// they carry history: families moving in over the years, births, a 転居, a 世帯分離, a death and a 転出,
/// foreign residents of every category, and names with characters outside JIS X 0208.
/// </summary>
public sealed class RegistryDemoSeeder(RegistryMovements movements, RestrictionService restrictions, Features.AddressDictionary.AddressDictionaryService dictionary, PlatformSettings settings) : IDemoDataSeeder
{
    private static readonly AuditActor Actor = new(null, "demo-seed", "local");

    public async Task SeedAsync(Tenant tenant, CancellationToken ct)
    {
        bool seeded, dictionarySeeded;
        await using (var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(tenant.Id)))
        {
            seeded = await db.Residents.AnyAsync(ct);
            dictionarySeeded = await db.AddressEntries.AnyAsync(ct);
        }
        var random = new Random(20261126);
        var families = DemoPeople.Families(random, count: 110);
        // The 住所辞書 first (also for a demo seeded before it existed), with the 方書 the residents live in.
        if (!dictionarySeeded)
            await DemoAddresses.SeedAsync(dictionary, Actor, families.Where(f => f.Address.Building is not null)
                .Select(f => (f.Address.Town!, f.Address.BlockNumber!, "デモマンション"))
                .Append(("デモ市緑町二丁目", "8番3号", "グリーンハイツ")).Append(("デモ市港町四丁目", "2番1号", "港ハイツ")), ct);
        if (seeded) return;

        var households = new List<(string Number, DemoFamily Family)>();
        foreach (var family in families.OrderBy(f => f.MoveInOn))
        {
            var result = await movements.ExecuteAsync(null, Actor, (s, c) => MoveInHandler.HandleAsync(s, family.ToMoveIn(), c), ct);
            households.Add((result.HouseholdNumbers[0], family));
        }
        foreach (var foreign in DemoPeople.ForeignResidents())
            await movements.ExecuteAsync(null, Actor, (s, c) => MoveInHandler.HandleAsync(s, foreign, c), ct);

        // History on a few households, in date order after every move-in.
        var withChildren = households.Where(h => h.Family.Members.Count >= 2 && h.Family.MoveInOn < new DateOnly(2024, 1, 1)).ToList();
        for (var i = 0; i < 12 && i < withChildren.Count; i++)
        {
            var (number, family) = withChildren[i];
            var born = new DateOnly(2024, 1, 10).AddDays(i * 23);
            await movements.ExecuteAsync(null, Actor, (s, c) => BirthHandler.HandleAsync(s, new BirthRequest
            {
                Header = new MovementHeader { EffectiveOn = born, NotifiedOn = born.AddDays(7) },
                HouseholdNumber = number,
                Child = new PersonInput { FamilyName = family.FamilyName, GivenName = DemoPeople.ChildName(i), FamilyNameKana = family.FamilyNameKana,
                    GivenNameKana = DemoPeople.ChildNameKana(i), BirthDate = born, Gender = i % 2 == 0 ? "女" : "男", Relationship = "子", KanaConfirmed = true,
                    Domicile = family.Members[0].Domicile, DomicileHead = family.Members[0].DomicileHead }, // the parents' 戸籍 (本籍 may not be blank, 1.1.6)
            }, c), ct);
        }
        var (movingNumber, _) = withChildren[12];
        await movements.ExecuteAsync(null, Actor, (s, c) => RelocationHandler.HandleAsync(s, new RelocationRequest
        {
            Header = new MovementHeader { EffectiveOn = new DateOnly(2025, 4, 1), NotifiedOn = new DateOnly(2025, 4, 3) },
            HouseholdNumber = movingNumber,
            Address = new AddressInput { PostalCode = "100-0012", AddressCode = "13999002002", Town = "デモ市緑町二丁目", BlockNumber = "8番3号", Building = "グリーンハイツ201" },
        }, c), ct);
        // 世帯分離: the first child of a family without a demo birth leaves to form a household of their own.
        var bornInto = withChildren.Take(13).Select(h => h.Number).ToHashSet();
        var (splitNumber, _) = households.First(h => h.Family.Members.Count >= 3 && h.Family.MoveInOn < new DateOnly(2023, 1, 1) && !bornInto.Contains(h.Number));
        var members = (await MembersAsync(tenant.Id, splitNumber, ct)).Take(3).ToList();
        await movements.ExecuteAsync(null, Actor, (s, c) => HouseholdChangeHandlers.SplitAsync(s, new HouseholdSplitRequest
        {
            Header = new MovementHeader { EffectiveOn = new DateOnly(2025, 9, 1), NotifiedOn = new DateOnly(2025, 9, 5) },
            HouseholdNumber = splitNumber,
            AddresseeNumbers = [members[^1]],
            NewHousehold = new HeadAssignment { NewHeadAddresseeNumber = members[^1] },
        }, c), ct);
        // A couple (exactly two current members) where the head dies and the wife becomes head.
        string deathNumber = "";
        List<string> couple = [];
        foreach (var (number, family) in households.Where(h => h.Family.MoveInOn < new DateOnly(2020, 1, 1) && h.Number != movingNumber && h.Number != splitNumber))
        {
            couple = await MembersAsync(tenant.Id, number, ct);
            if (couple.Count == 2) { deathNumber = number; break; }
        }
        await movements.ExecuteAsync(null, Actor, (s, c) => RemovalHandler.HandleAsync(s, new RemovalRequest
        {
            Header = new MovementHeader { EffectiveOn = new DateOnly(2026, 2, 14), NotifiedOn = new DateOnly(2026, 2, 16) },
            AddresseeNumber = couple[0], Kind = "死亡",
            RemainingHousehold = new HeadAssignment { NewHeadAddresseeNumber = couple[1] },
        }, c), ct);
        // One 支援措置 (DV): the wife of a family, shown with a warning and a reason prompt on every inquiry.
        var (protectedNumber, _) = households.First(h => h.Family.Members.Count >= 2 && h.Number != movingNumber && h.Number != splitNumber && h.Number != deathNumber);
        var protectedMembers = await MembersAsync(tenant.Id, protectedNumber, ct);
        await restrictions.CreateAsync(new CreateRestrictionRequest
        {
            Kind = "支援措置", AddresseeNumber = protectedMembers[1], Movement = "アラート", Issuance = "エラー", Inquiry = "アラート",
            StartOn = new DateOnly(2026, 6, 1), Reason = "DV等支援措置申出書による(デモ)",
        }, Actor, ct);
        var (leavingNumber, _) = households.Last(h => h.Number != deathNumber && h.Number != splitNumber && h.Number != movingNumber && h.Number != protectedNumber);
        await movements.ExecuteAsync(null, Actor, (s, c) => MoveOutHandler.HandleAsync(s, new MoveOutRequest
        {
            Header = new MovementHeader { EffectiveOn = new DateOnly(2026, 10, 31), NotifiedOn = new DateOnly(2026, 10, 20) },
            HouseholdNumber = leavingNumber, Destination = "神奈川県横浜市中区本町一丁目1番地",
        }, c), ct);
    }

    private async Task<List<string>> MembersAsync(int tenantId, string householdNumber, CancellationToken ct)
    {
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var id = await db.Households.Where(h => h.HouseholdNumber == householdNumber).Select(h => h.Id).SingleAsync(ct);
        var rows = await db.Residents.Where(r => r.HouseholdId == id && r.Status == Residents.ResidentStatus.Resident).ToListAsync(ct);
        return rows.Select(r => (r.AddresseeNumber, MovementSession.Deserialize(r.Record).MemberOrder)).OrderBy(x => x.MemberOrder).Select(x => x.AddresseeNumber).ToList();
    }
}
