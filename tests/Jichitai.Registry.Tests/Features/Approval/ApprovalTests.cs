using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Settings;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Features.Approval;
using Jichitai.Registry.Features.MoveIn;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Movements;
using Jichitai.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Jichitai.Registry.Tests.Features.Scenario;

namespace Jichitai.Registry.Tests.Features.Approval;

/// <summary>審査・決裁 (standard 4.0.8): with the tenant setting on, a movement is 仮登録 until another officer's 本登録.</summary>
public class ApprovalTests
{
    private static readonly AuditActor Reviewer = new(Guid.NewGuid(), "test-reviewer", "127.0.0.1");

    private static Task<T> AsTenant<T>(RegistryTestHost host, Tenant tenant, Func<IServiceProvider, Task<T>> f) => host.AsTenant(tenant, f);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WithApprovalRequired_MoveInIsProvisional_UntilAnotherOfficerApproves(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        await AsTenant(host, tenant, sp => sp.GetRequiredService<TenantSettingsService>()
            .ChangeAsync(tenant.Id, new SettingChange(ApprovalPolicy.Setting, "true", RegistryTestHost.Today, "審査・決裁の運用開始"), RegistryTestHost.Clerk));
        var before = await host.CountsAsync();

        var submitted = await AsTenant(host, tenant, sp => sp.GetRequiredService<RegistryMovements>()
            .SubmitAsync(FamilyMoveIn(new DateOnly(2026, 11, 20)), "ui-1", RegistryTestHost.Clerk, default));
        Assert.NotNull(submitted.PendingId);
        Assert.Equal(0, submitted.MovementId);
        Assert.Equal(before, await host.CountsAsync());                                    // nothing on the registry yet
        Assert.Empty(await host.SearchAsync(tenant, new ResidentSearchRequest { Kana = "ヤマダ" }));

        // An invalid entry is refused at 仮登録 already (it is checked in full, then rolled back).
        await Assert.ThrowsAnyAsync<DomainException>(() => AsTenant(host, tenant, sp => sp.GetRequiredService<RegistryMovements>()
            .SubmitAsync(FamilyMoveIn(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 19)), null, RegistryTestHost.Clerk, default)));

        // The clerk who entered it cannot approve it.
        var self = await Assert.ThrowsAsync<DomainException>(() => AsTenant(host, tenant, sp => sp.GetRequiredService<ApprovalService>()
            .ApproveAsync(submitted.PendingId!.Value, RegistryTestHost.Clerk, default)));
        Assert.Equal(403, self.Status);

        var approved = await AsTenant(host, tenant, sp => sp.GetRequiredService<ApprovalService>().ApproveAsync(submitted.PendingId!.Value, Reviewer, default));
        Assert.True(approved.MovementId > 0);
        Assert.Equal(3, (await host.SearchAsync(tenant, new ResidentSearchRequest { Kana = "ヤマダ" })).Count);
        var again = await Assert.ThrowsAsync<DomainException>(() => AsTenant(host, tenant, sp => sp.GetRequiredService<ApprovalService>()
            .ApproveAsync(submitted.PendingId!.Value, Reviewer, default)));
        Assert.Equal("registry.pending.decided", again.Code);
        var list = await AsTenant(host, tenant, sp => sp.GetRequiredService<ApprovalService>().ListAsync(pendingOnly: false, default));
        Assert.Equal("本登録済", list.Single().Status);
        Assert.Equal(approved.MovementId, list.Single().MovementId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WithoutTheSetting_MovementsApplyAtOnce_AndARejectedEntryNeverApplies(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var direct = await AsTenant(host, tenant, sp => sp.GetRequiredService<RegistryMovements>()
            .SubmitAsync(FamilyMoveIn(new DateOnly(2026, 11, 20)), null, RegistryTestHost.Clerk, default));
        Assert.Null(direct.PendingId);
        Assert.True(direct.MovementId > 0);

        await AsTenant(host, tenant, sp => sp.GetRequiredService<TenantSettingsService>()
            .ChangeAsync(tenant.Id, new SettingChange(ApprovalPolicy.Setting, "true", new DateOnly(2026, 11, 26), null), RegistryTestHost.Clerk));
        var pending = await AsTenant(host, tenant, sp => sp.GetRequiredService<RegistryMovements>()
            .SubmitAsync(FamilyMoveIn(new DateOnly(2026, 11, 21), family: "佐藤", kana: "サトウ"), null, RegistryTestHost.Clerk, default));
        var counts = await host.CountsAsync();
        var rejected = await AsTenant(host, tenant, sp => sp.GetRequiredService<ApprovalService>().RejectAsync(pending.PendingId!.Value, "転出証明書の記載と不一致", Reviewer, default));
        Assert.Equal("差戻し", rejected.Status);
        Assert.Equal(counts, await host.CountsAsync());
        Assert.Empty(await host.SearchAsync(tenant, new ResidentSearchRequest { Kana = "サトウ" }));
    }
}
