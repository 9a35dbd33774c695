using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Features.MoveIn;
using Jichitai.Registry.Features.RecordColumn;
using Jichitai.Registry.Features.RecordSheets;
using Jichitai.Registry.Features.Relocation;
using Jichitai.Testing;
using static Jichitai.Registry.Tests.Features.Scenario;
using static Jichitai.Registry.Tests.Features.RecordSheets.RenewalAndSheetTests;

namespace Jichitai.Registry.Tests.Features.RecordColumn;

/// <summary>統合記載欄 (standard 1.1.14) and 事実上の世帯主 (4.1.4.3).</summary>
public class RecordColumnTests
{
    private static Task<RecordEntryView> Add(RegistryTestHost host, Tenant tenant, string number, RecordEntryRequest r) =>
        As<RecordEntryView, RecordColumnService>(host, tenant, s => s.AddAsync(number, r, RegistryTestHost.Clerk, default));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cautions_AreTiedToAMovementItem_RemarksStandApart_AndDeletionsKeepTheHistory(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var moveIn = await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(new DateOnly(2026, 4, 1)));
        var (taro, hanako) = (moveIn.AddresseeNumbers[0], moveIn.AddresseeNumbers[1]);
        var relocation = await host.RunAsync(tenant, RelocationHandler.HandleAsync, new RelocationRequest { Header = On(new DateOnly(2026, 6, 1)), HouseholdNumber = moveIn.HouseholdNumbers[0], Address = Address("2番2号") });

        var caution = await Add(host, tenant, taro, new RecordEntryRequest { Type = "留意事項", MovementId = relocation.MovementId, Item = "住所", Text = "住居表示実施に伴う" });
        var remark = await Add(host, tenant, taro, new RecordEntryRequest { Type = "備考", Text = "郵便物は勤務先へ" });
        var adoption = await Add(host, tenant, hanako, new RecordEntryRequest { Type = "備考", Category = "特別養子縁組", MovementId = moveIn.MovementId });
        Assert.Equal(("転入前住所", "特別養子縁組"), (adoption.Item, adoption.Text)); // wording and item fixed by 1.1.14

        var sheet = await Sheet(host, tenant, taro);
        Assert.Equal(["住居表示実施に伴う"], sheet.Column.History.Single(h => h.MovementId == relocation.MovementId).Cautions.Select(c => c.Text));
        Assert.Equal(["郵便物は勤務先へ"], sheet.Column.Remarks.Select(r => r.Text));

        await As<int, RecordColumnService>(host, tenant, async s => { await s.DeleteAsync(taro, remark.Id, RegistryTestHost.Clerk, default); return 0; });
        sheet = await Sheet(host, tenant, taro);
        Assert.Empty(sheet.Column.Remarks);
        Assert.Equal(RegistryTestHost.Clerk.Name, Assert.Single(sheet.Column.Withdrawn).DeletedBy);
        var twice = await Assert.ThrowsAsync<DomainException>(() => As<int, RecordColumnService>(host, tenant, async s => { await s.DeleteAsync(taro, remark.Id, RegistryTestHost.Clerk, default); return 0; }));
        Assert.Equal("registry.record-entry.deleted", twice.Code);
        Assert.NotEqual(0, caution.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Entries_AreRefused_WithTheFieldAndReason(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var moveIn = await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(new DateOnly(2026, 4, 1)));
        var other = await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(new DateOnly(2026, 4, 2), family: "佐藤", kana: "サトウ"));
        var relocation = await host.RunAsync(tenant, RelocationHandler.HandleAsync, new RelocationRequest { Header = On(new DateOnly(2026, 6, 1)), HouseholdNumber = moveIn.HouseholdNumbers[0], Address = Address("2番2号") });
        var taro = moveIn.AddresseeNumbers[0];

        async Task<string> Refused(RecordEntryRequest r) => Assert.Single((await Assert.ThrowsAsync<DomainValidationException>(() => Add(host, tenant, taro, r))).Errors.Keys);
        Assert.Equal("type", await Refused(new RecordEntryRequest { Type = "メモ", Text = "x" }));
        Assert.Equal("movementId", await Refused(new RecordEntryRequest { Type = "留意事項", Item = "住所", Text = "x" }));
        Assert.Equal("movementId", await Refused(new RecordEntryRequest { Type = "留意事項", Item = "住所", Text = "x", MovementId = other.MovementId })); // someone else's
        Assert.Equal("item", await Refused(new RecordEntryRequest { Type = "留意事項", Text = "x", MovementId = relocation.MovementId }));
        Assert.Equal("text", await Refused(new RecordEntryRequest { Type = "備考", Text = " " }));
        Assert.Equal("movementId", await Refused(new RecordEntryRequest { Type = "備考", Category = "特別養子縁組解消", MovementId = relocation.MovementId })); // not a 転入/転出
        Assert.Equal("category", await Refused(new RecordEntryRequest { Type = "備考", Category = "事実上の世帯主", Text = "x" }));
        Assert.Equal("recordedOn", await Refused(new RecordEntryRequest { Type = "備考", Text = "x", RecordedOn = RegistryTestHost.Today.AddDays(1) }));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DeFactoHead_IsWrittenAsARemarkOfEveryMember_ChangedAndEndedWithHistory(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var moveIn = await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(new DateOnly(2026, 4, 1)));
        var hn = moveIn.HouseholdNumbers[0];
        Task<DeFactoHeadView> Set(DeFactoHeadRequest r) => As<DeFactoHeadView, DeFactoHeadService>(host, tenant, s => s.SetAsync(hn, r, RegistryTestHost.Clerk, default));

        var head = await Assert.ThrowsAsync<DomainValidationException>(() => Set(new DeFactoHeadRequest { Name = "山田 太郎", Kind = "その他" }));
        Assert.Contains("世帯主", head.Errors["name"][0]); // the registered head is not a 事実上の世帯主
        var missing = await Assert.ThrowsAsync<DomainValidationException>(() => Set(new DeFactoHeadRequest { FromOn = RegistryTestHost.Today.AddDays(1) }));
        Assert.Equal(["fromOn", "kind", "name"], missing.Errors.Keys.Order());

        await Set(new DeFactoHeadRequest { Name = "John Smith", Kind = "法適用外の外国人", FromOn = new DateOnly(2026, 5, 1) });
        foreach (var member in moveIn.AddresseeNumbers)
            Assert.Equal(["事実上の世帯主 John Smith(法適用外の外国人)"], (await Sheet(host, tenant, member)).Column.Remarks.Select(r => r.Text));
        var twice = await Assert.ThrowsAsync<DomainException>(() => Set(new DeFactoHeadRequest { Name = "施設長 田中", Kind = "施設長" }));
        Assert.Equal(("registry.de-facto-head.exists", "replace"), (twice.Code, twice.Field));

        await Set(new DeFactoHeadRequest { Name = "田中 一", Kind = "施設長", FromOn = new DateOnly(2026, 8, 1), Replace = true });
        var sheet = await Sheet(host, tenant, moveIn.AddresseeNumbers[2]);
        Assert.Equal(["事実上の世帯主 田中 一(施設長)"], sheet.Column.Remarks.Select(r => r.Text));
        Assert.Equal(["事実上の世帯主 John Smith(法適用外の外国人)"], sheet.Column.Withdrawn.Select(r => r.Text));
        var household = await As<HouseholdSheet, RecordSheetQueries>(host, tenant, q => q.HouseholdAsync(hn, null, RegistryTestHost.Clerk, default));
        Assert.Equal("田中 一", household.DeFactoHead!.Name);

        var remarkId = sheet.Column.Remarks[0].Id;
        var direct = await Assert.ThrowsAsync<DomainException>(() => As<int, RecordColumnService>(host, tenant, async s => { await s.DeleteAsync(moveIn.AddresseeNumbers[2], remarkId, RegistryTestHost.Clerk, default); return 0; }));
        Assert.Equal("registry.record-entry.de-facto-head", direct.Code);
        var noReason = await Assert.ThrowsAsync<DomainValidationException>(() => As<DeFactoHeadView, DeFactoHeadService>(host, tenant, s => s.EndAsync(hn, new EndDeFactoHeadRequest(new DateOnly(2026, 9, 1), null), RegistryTestHost.Clerk, default)));
        Assert.Contains("reason", noReason.Errors.Keys);
        await As<DeFactoHeadView, DeFactoHeadService>(host, tenant, s => s.EndAsync(hn, new EndDeFactoHeadRequest(new DateOnly(2026, 9, 1), "施設退所"), RegistryTestHost.Clerk, default));
        Assert.Empty((await Sheet(host, tenant, moveIn.AddresseeNumbers[2])).Column.Remarks);
        var history = await As<IReadOnlyList<DeFactoHeadView>, DeFactoHeadService>(host, tenant, s => s.ListAsync(hn, default));
        Assert.Equal([("田中 一", "施設退所"), ("John Smith", "変更")], history.Select(h => (h.Name, h.EndReason!)));
        Assert.Null((await As<HouseholdSheet, RecordSheetQueries>(host, tenant, q => q.HouseholdAsync(hn, null, RegistryTestHost.Clerk, default))).DeFactoHead);
    }
}
