using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Features.MoveIn;
using Jichitai.Registry.Features.MoveOut;
using Jichitai.Registry.Features.Relocation;
using Jichitai.Registry.Features.Restrictions;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Persistence;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jichitai.Registry.Tests.Features.Scenario;

namespace Jichitai.Registry.Tests.Features.Restrictions;

public class SupportMeasureTests
{
    private static Task<T> AsTenant<T>(RegistryTestHost host, Tenant tenant, Func<RestrictionService, Task<T>> f) => host.AsTenant(tenant, f);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SupportMeasure_WarnsAndAuditsInquiry_BlocksMovements_UntilReleased_AndFollowsThePerson(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var family = await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(new DateOnly(2026, 4, 1)));
        var hanako = family.AddresseeNumbers[1];
        var household = family.HouseholdNumbers[0];

        var measure = await AsTenant(host, tenant, s => s.CreateAsync(new CreateRestrictionRequest
        {
            Kind = "支援措置", AddresseeNumber = hanako, Movement = "エラー", Issuance = "エラー", Inquiry = "アラート",
            StartOn = new DateOnly(2026, 5, 1), Reason = "DV等支援措置申出書(受付番号 8-123)",
        }, RegistryTestHost.Clerk, default));
        Assert.Equal(new DateOnly(2027, 4, 30), measure.EndOn); // one year, set automatically

        // Search shows it; opening the record needs a reason, which is logged.
        Assert.Equal("支援措置", (await host.SearchAsync(tenant, new ResidentSearchRequest { Kana = "ヤマダハナコ" })).Single().Restriction);
        var noReason = await Assert.ThrowsAsync<DomainException>(() => host.GetAsync(tenant, hanako));
        Assert.Equal("registry.restriction.reason-required", noReason.Code);
        var detail = await host.AsTenant(tenant, (ResidentQueries q) => q.GetAsync(hanako, null, RegistryTestHost.Clerk, false, "転入届の審査", default));
        Assert.Contains(detail.Restrictions, n => n.Kind == "支援措置" && n.Level == RestrictionLevel.Alert);
        await using (var audit = PlatformDatabase.Create(host.Database.Settings.Database, TenantScope.System))
        {
            var lines = await audit.AuditEntries.Where(e => e.SubjectId == hanako && e.Action == AuditActions.PersonalDataRead).ToListAsync();
            Assert.Contains(lines, l => l.Outcome == AuditOutcome.Denied);
            Assert.Contains(lines, l => l.Outcome == AuditOutcome.Success && l.Reason == "転入届の審査");
        }

        // A movement of the household including her is refused, and nothing is written.
        var before = await host.CountsAsync();
        var relocation = new RelocationRequest { Header = On(new DateOnly(2026, 6, 1)), HouseholdNumber = household, Address = Address("5番5号") };
        var blocked = await Assert.ThrowsAsync<DomainException>(() => host.RunAsync(tenant, RelocationHandler.HandleAsync, relocation));
        Assert.Equal("registry.restricted.movement", blocked.Code);
        Assert.Equal(before, await host.CountsAsync());

        // 一時解除 for the configured 30 minutes: allowed; the measure follows her to the new address.
        await AsTenant(host, tenant, s => s.ReleaseTemporarilyAsync(measure.Id, "転居届の処理", RegistryTestHost.Clerk, default));
        await host.RunAsync(tenant, RelocationHandler.HandleAsync, relocation);
        host.Clock.Advance(TimeSpan.FromMinutes(31));
        await Assert.ThrowsAsync<DomainException>(() => host.RunAsync(tenant, RelocationHandler.HandleAsync, relocation with
        { Header = On(new DateOnly(2026, 7, 1)), Address = Address("6番6号") }));
        Assert.Equal("支援措置", (await host.SearchAsync(tenant, new ResidentSearchRequest { Address = "千代田区千代田5番" })).Single(r => r.AddresseeNumber == hanako).Restriction);

        // Extension only from one month before the end.
        var early = await Assert.ThrowsAsync<DomainException>(() => AsTenant(host, tenant, s => s.ExtendAsync(measure.Id, RegistryTestHost.Clerk, default)));
        Assert.Contains("1か月前", early.Message);

        // 転出: the measure becomes a 仮支援措置 kept as 前住所地 (standard 3.4).
        await AsTenant(host, tenant, s => s.ReleaseTemporarilyAsync(measure.Id, "転出届の処理", RegistryTestHost.Clerk, default));
        await host.RunAsync(tenant, MoveOutHandler.HandleAsync, new MoveOutRequest
        { Header = On(RegistryTestHost.Today), HouseholdNumber = household, Destination = "大阪府大阪市北区" });
        var after = (await AsTenant(host, tenant, s => s.ListAsync(hanako, true, RegistryTestHost.Clerk, default))).Single();
        Assert.Equal("仮支援措置", after.Kind);
        Assert.True(after.ContinuedAfterMoveOut);

        await AsTenant(host, tenant, s => s.EndAsync(measure.Id, new EndRestrictionRequest(RegistryTestHost.Today, "本人からの終了の申出"), RegistryTestHost.Clerk, default));
        Assert.Empty(await AsTenant(host, tenant, s => s.ListAsync(hanako, true, RegistryTestHost.Clerk, default)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Extension_WithinTheLastMonth_AddsOneYearFromTheDayAfterTheEnd(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var family = await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(new DateOnly(2025, 4, 1)));
        var measure = await AsTenant(host, tenant, s => s.CreateAsync(new CreateRestrictionRequest
        {
            Kind = "支援措置", HouseholdNumber = family.HouseholdNumbers[0], Issuance = "エラー", Inquiry = "エラー", Movement = "なし",
            StartOn = new DateOnly(2025, 12, 20), Reason = "申出",
        }, RegistryTestHost.Clerk, default));
        Assert.Equal(new DateOnly(2026, 12, 19), measure.EndOn);
        // Household-level inquiry error: nobody of the household can be opened, even with a reason.
        var e = await Assert.ThrowsAsync<DomainException>(() => host.GetAsync(tenant, family.AddresseeNumbers[2]));
        Assert.Equal("registry.restricted.inquiry", e.Code);
        var extended = await AsTenant(host, tenant, s => s.ExtendAsync(measure.Id, RegistryTestHost.Clerk, default)); // today 2026-11-26 ≥ 2026-11-19
        Assert.Equal(new DateOnly(2027, 12, 19), extended.EndOn);
        Assert.Equal(1, extended.Extensions);
    }
}
