using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Features.Memos;
using Jichitai.Registry.Features.MoveIn;
using Jichitai.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Jichitai.Registry.Tests.Features.Scenario;

namespace Jichitai.Registry.Tests.Features.Memos;

/// <summary>メモ (standard 1.1.15): writer and time recorded, edits and deletions kept as history, per tenant.</summary>
public class MemoTests
{
    private static Task<T> AsTenant<T>(RegistryTestHost host, Tenant tenant, Func<MemoService, Task<T>> f) => host.AsTenant(tenant, f);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EditsAndDeletions_KeepTheHistory_AndOtherTenantsSeeNothing(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var person = (await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(new DateOnly(2026, 4, 1)))).AddresseeNumbers[0];

        var first = await AsTenant(host, tenant, m => m.AddAsync(person, new MemoRequest("転入時に転出証明書の再発行を案内"), RegistryTestHost.Clerk, default));
        var edited = await AsTenant(host, tenant, m => m.EditAsync(person, first.Id, new MemoRequest("転出証明書は後日持参(4/10)"), RegistryTestHost.Clerk, default));
        var second = await AsTenant(host, tenant, m => m.AddAsync(person, new MemoRequest("一時的なメモ"), RegistryTestHost.Clerk, default));
        await AsTenant(host, tenant, async m => { await m.DeleteAsync(person, second.Id, RegistryTestHost.Clerk, default); return 0; });

        var all = await AsTenant(host, tenant, m => m.ListAsync(person, default));
        Assert.Equal(["転出証明書は後日持参(4/10)"], all.Where(v => v.Current).Select(v => v.Text));
        Assert.Contains(all, v => !v.Current && v.Text == "転入時に転出証明書の再発行を案内" && v.DeletedBy is null);
        Assert.Contains(all, v => !v.Current && v.Text == "一時的なメモ" && v.DeletedBy == RegistryTestHost.Clerk.Name);
        Assert.Equal(first.Id, edited.ReplacesMemoId);
        Assert.Equal(RegistryTestHost.Clerk.Name, edited.WrittenBy);

        var stale = await Assert.ThrowsAsync<DomainException>(() => AsTenant(host, tenant, m => m.EditAsync(person, first.Id, new MemoRequest("x"), RegistryTestHost.Clerk, default)));
        Assert.Equal("registry.memo.not-current", stale.Code);
        var empty = await Assert.ThrowsAsync<DomainException>(() => AsTenant(host, tenant, m => m.AddAsync(person, new MemoRequest(" "), RegistryTestHost.Clerk, default)));
        Assert.Equal("text", empty.Field);

        var other = await host.CreateTenantAsync("271004", "大阪市");
        await Assert.ThrowsAsync<DomainException>(() => AsTenant(host, other, m => m.ListAsync(person, default)));
    }
}
