using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Demo;
using Jichitai.Registry.Features.Restrictions;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Persistence;
using Jichitai.Registry.Residents;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jichitai.Registry.Tests.Demo;

/// <summary>The demo municipality's residents are entered through the real features and show the promised variety.</summary>
public class RegistryDemoSeederTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seed_GivesAFewHundredResidentsWithHistoryForeignersGaijiAndASupportMeasure_AndIsIdempotent(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync("139998", "デモ市");
        for (var run = 0; run < 2; run++)
        {
            await using var s = host.Services.CreateAsyncScope();
            s.ServiceProvider.GetRequiredService<ITenantScopeAccessor>().Scope = TenantScope.ForTenant(tenant.Id);
            await s.ServiceProvider.GetServices<Platform.Demo.IDemoDataSeeder>().OfType<RegistryDemoSeeder>().Single().SeedAsync(tenant, default);
        }
        await using var db = RegistryDatabase.Create(host.Database.Settings.Database, TenantScope.ForTenant(tenant.Id));
        var records = (await db.Residents.AsNoTracking().Select(r => r.Record).ToListAsync()).Select(MovementSession.Deserialize).ToList();
        Assert.InRange(records.Count, 200, 600);
        Assert.Equal(5, records.Where(r => r.Foreign is not null).Select(r => r.Foreign!.Category).Distinct().Count());
        Assert.Contains(records, r => r.FamilyName.Contains("𠮷") || r.FamilyName.Contains("髙"));
        Assert.Contains(records, r => r.Status == ResidentStatus.Removed && r.RemovalReason == Jichitai.Registry.Domain.Codes.MovementReasonCode.Death);
        Assert.Contains(records, r => r.MoveOut is not null);
        Assert.True(await db.Movements.CountAsync() > 120);
        Assert.Equal(1, await db.Restrictions.CountAsync(r => r.Kind == RestrictionKind.SupportMeasure));
    }
}
