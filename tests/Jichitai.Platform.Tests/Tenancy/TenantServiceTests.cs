using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jichitai.Platform.Tests.Tenancy;

public class TenantServiceTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_WithValidCode_DerivesPrefectureAndAudits(DatabaseProvider provider)
    {
        await using var host = await PlatformTestHost.CreateAsync(provider);
        var t = await host.CreateTenantAsync("131016", "千代田区");
        Assert.Equal("東京都", t.Prefecture);
        await using var s = host.Scope(TenantScope.System);
        var db = s.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.ChainId == 0 && a.Action == "tenant.create" && a.TargetId == "131016"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_WithBadCodeOrDuplicate_RefusedAndNothingWritten(DatabaseProvider provider)
    {
        await using var host = await PlatformTestHost.CreateAsync(provider);
        await host.CreateTenantAsync("131016", "千代田区");
        await using var s = host.Scope(TenantScope.System);
        var svc = s.ServiceProvider.GetRequiredService<TenantService>();
        var bad = await Assert.ThrowsAsync<DomainException>(() => svc.CreateAsync(new TenantDraft("131017", "誤り区"), PlatformTestHost.Actor));
        Assert.Equal("code", bad.Field);
        var dup = await Assert.ThrowsAsync<DomainException>(() => svc.CreateAsync(new TenantDraft("131016", "二重区"), PlatformTestHost.Actor));
        Assert.Equal(409, dup.Status);
        var pref = await Assert.ThrowsAsync<DomainException>(() => svc.CreateAsync(new TenantDraft("271004", "大阪市", Prefecture: "東京都"), PlatformTestHost.Actor));
        Assert.Equal("prefecture", pref.Field);
        var db = s.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Assert.Equal(1, await db.Tenants.CountAsync());
    }
}
