using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Features.Correction;
using Jichitai.Registry.Features.ForeignResidents;
using Jichitai.Registry.Features.MoveIn;
using Jichitai.Registry.Features.RecordSheets;
using Jichitai.Registry.Features.Relocation;
using Jichitai.Registry.Features.Removal;
using Jichitai.Registry.Features.Renewal;
using Jichitai.Registry.Movements;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jichitai.Registry.Tests.Features.Scenario;

namespace Jichitai.Registry.Tests.Features.RecordSheets;

/// <summary>個人票・世帯票 (standard 1.1.3), 改製 and 特別な事由 (1.1.4), 空欄 (1.1.6), 除票 items in the 統合記載欄 (1.1.14).</summary>
public class RenewalAndSheetTests
{
    internal static Task<T> As<T, TService>(RegistryTestHost host, Tenant tenant, Func<TService, Task<T>> f) where TService : notnull =>
        host.AsTenant(tenant, f);

    internal static Task<PersonalSheet> Sheet(RegistryTestHost host, Tenant tenant, string number, SheetOptions? options = null) =>
        As<PersonalSheet, RecordSheetQueries>(host, tenant, q => q.PersonalAsync(number, options ?? new SheetOptions(), RegistryTestHost.Clerk, false, default));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Renewal_RecordsItsDate_HistoryStartsThere_AndTheOriginalStaysRetrievable(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var moveIn = await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 3)));
        var taro = moveIn.AddresseeNumbers[0];
        await host.RunAsync(tenant, RelocationHandler.HandleAsync, new RelocationRequest { Header = On(new DateOnly(2026, 6, 1)), HouseholdNumber = moveIn.HouseholdNumbers[0], Address = Address("2番2号") });

        var renewal = await host.RunAsync(tenant, RenewalHandler.HandleAsync, new RenewalRequest { AddresseeNumber = taro, RenewedOn = new DateOnly(2026, 7, 1), Reason = "履歴が多くなったため" });
        Assert.Equal("改製による記載", renewal.Reason);
        Assert.Equal([taro], renewal.AddresseeNumbers); // one person's record, the household untouched

        var sheet = await Sheet(host, tenant, taro);
        Assert.Equal(new DateOnly(2026, 7, 1), sheet.RenewedOn);
        Assert.Equal(new DateOnly(2026, 7, 1), sheet.Record.RenewedOn);
        Assert.Equal(["令和8年7月1日 改製による記載"], sheet.Column.History.Select(h => h.Text));
        Assert.Equal("2番2号", sheet.Record.Address.BlockNumber); // every item kept
        Assert.Equal(taro, sheet.Summary.AddresseeNumber);

        var original = await Sheet(host, tenant, taro, new SheetOptions { Original = true });
        Assert.True(original.IsOriginal);
        Assert.Null(original.Record.RenewedOn);
        Assert.Equal(["令和8年4月1日 転入(令和8年4月3日届出)", "令和8年6月1日 転居"], original.Column.History.Select(h => h.Text));

        // Nothing since the 改製: a second one is refused; a 除票 cannot be re-made; no 改製原住民票 before a 改製.
        var again = await Assert.ThrowsAsync<DomainException>(() => host.RunAsync(tenant, RenewalHandler.HandleAsync, new RenewalRequest { AddresseeNumber = taro, RenewedOn = new DateOnly(2026, 8, 1), Reason = "再" }));
        Assert.Equal("registry.renewal.nothing-since", again.Code);
        var noReason = await Assert.ThrowsAsync<DomainValidationException>(() => host.RunAsync(tenant, RenewalHandler.HandleAsync, new RenewalRequest { AddresseeNumber = moveIn.AddresseeNumbers[1], RenewedOn = new DateOnly(2026, 8, 1) }));
        Assert.Contains("reason", noReason.Errors.Keys);
        var noOriginal = await Assert.ThrowsAsync<DomainException>(() => Sheet(host, tenant, moveIn.AddresseeNumbers[1], new SheetOptions { Original = true }));
        Assert.Equal("registry.renewal.no-original", noOriginal.Code);
        var beforeLast = await Assert.ThrowsAsync<DomainException>(() => host.RunAsync(tenant, RenewalHandler.HandleAsync, new RenewalRequest { AddresseeNumber = moveIn.AddresseeNumbers[1], RenewedOn = new DateOnly(2026, 5, 1), Reason = "法令改正" }));
        Assert.Equal("registry.date.before-last", beforeLast.Code);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SpecialReason_IsLeftOutOfTheHistoryByDefault_AndShownWhenAsked(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var ichiro = (await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(new DateOnly(2026, 4, 1)))).AddresseeNumbers[2];
        var change = await host.RunAsync(tenant, CorrectionHandler.HandleAsync, new CorrectionRequest { Header = On(new DateOnly(2026, 9, 1)), AddresseeNumber = ichiro, Kind = "戸籍通知", Gender = "女" });

        var marked = await As<string?, SpecialReasonService>(host, tenant, s => s.MarkAsync(change.MovementId, new SpecialReasonRequest("性別の変更"), RegistryTestHost.Clerk, default));
        Assert.Equal("性別の変更", marked);
        var sheet = await Sheet(host, tenant, ichiro);
        Assert.Equal(["令和8年4月1日 転入"], sheet.Column.History.Select(h => h.Text));
        Assert.Equal(1, sheet.Column.SpecialLinesLeftOut);
        var full = await Sheet(host, tenant, ichiro, new SheetOptions { IncludeSpecial = true });
        Assert.Equal(2, full.Column.History.Count);
        Assert.Equal("性別の変更", full.Column.History[1].SpecialReason);

        var unknown = await Assert.ThrowsAsync<DomainException>(() => As<string?, SpecialReasonService>(host, tenant, s => s.MarkAsync(change.MovementId, new SpecialReasonRequest("離婚"), RegistryTestHost.Clerk, default)));
        Assert.Equal("reason", unknown.Field);
        await As<string?, SpecialReasonService>(host, tenant, s => s.MarkAsync(change.MovementId, new SpecialReasonRequest(null), RegistryTestHost.Clerk, default));
        Assert.Equal(0, (await Sheet(host, tenant, ichiro)).Column.SpecialLinesLeftOut);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Domicile_MayNotBeBlank_ButNoneOrUnknownIsAccepted_AndRemovedRecordsShowTheirRemovalItems(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var request = FamilyMoveIn(new DateOnly(2026, 4, 1));
        var blank = await Assert.ThrowsAsync<DomainValidationException>(() => host.RunAsync(tenant, MoveInHandler.HandleAsync,
            request with { Members = [request.Members[0] with { Domicile = null, DomicileHead = "" }] }));
        Assert.Contains("members[0].domicile", blank.Errors.Keys);
        Assert.Contains("members[0].domicileHead", blank.Errors.Keys);
        Assert.Equal(0, (await host.CountsAsync()).Residents);

        var moved = await host.RunAsync(tenant, MoveInHandler.HandleAsync, request with { Members = [request.Members[0] with { Domicile = "不明", DomicileHead = "不明" }] });
        var sheet = await Sheet(host, tenant, moved.AddresseeNumbers[0]);
        Assert.Equal("不明", sheet.Record.Domicile);
        Assert.Equal(["住民票コード"], sheet.BlankItems); // not assigned: no CS link, shown as 未付番

        await host.RunAsync(tenant, RemovalHandler.HandleAsync, new RemovalRequest { Header = On(new DateOnly(2026, 10, 1)), AddresseeNumber = moved.AddresseeNumbers[0], Kind = "死亡" });
        var removed = await Sheet(host, tenant, moved.AddresseeNumbers[0]);
        Assert.Equal(["消除事由 死亡", "事由の生じた年月日 令和8年10月1日"], removed.Column.RemovalItems);
        Assert.Empty(removed.BlankItems); // 住民票コード is not required on a 除票
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TemporaryRefugee_WithoutItsLandingPeriod_IsRefused(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var refugee = new ForeignInput { AlphabetName = "AHMED ALI", Nationality = "パキスタン", Category = "一時庇護許可者" };
        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => host.RunAsync(tenant, ForeignEntryHandlers.RegistrationAsync, new ForeignRegistrationRequest
        {
            Header = On(new DateOnly(2026, 6, 1)), Address = Address("5番5号"), AddressSetOn = new DateOnly(2026, 6, 1),
            Members = [ForeignResidents.ForeignScenario.ForeignPerson(refugee, new DateOnly(1988, 3, 3), "男", "世帯主")],
        }));
        Assert.Equal("一時庇護許可者は上陸期間を入力してください。", refused.Errors["members[0].foreign.periodOfStay"][0]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task HouseholdSheet_ListsMembersInOrder_AndAuditsEachPerson(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var moveIn = await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(new DateOnly(2026, 4, 1)));
        var sheet = await As<HouseholdSheet, RecordSheetQueries>(host, tenant, q => q.HouseholdAsync(moveIn.HouseholdNumbers[0], null, RegistryTestHost.Clerk, default));
        Assert.Equal(["世帯主", "妻", "子"], sheet.Members.Select(m => m.Summary.Relationship));
        Assert.Equal("山田　太郎", sheet.HeadName);
        Assert.All(sheet.Members, m => Assert.Null(m.Record.PersonalNumberProtected));
        await using var audit = PlatformDatabase.Create(host.Database.Settings.Database, TenantScope.System);
        var lines = await audit.AuditEntries.Where(e => e.TargetType == "registry.household" && e.Action == AuditActions.PersonalDataRead).ToListAsync();
        Assert.Equal(moveIn.AddresseeNumbers.Order(), lines.Select(l => l.SubjectId!).Order());

        var other = await host.CreateTenantAsync("271004", "大阪市");
        await Assert.ThrowsAsync<DomainException>(() => As<HouseholdSheet, RecordSheetQueries>(host, other, q => q.HouseholdAsync(moveIn.HouseholdNumbers[0], null, RegistryTestHost.Clerk, default)));
    }
}
