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

        // 住所辞書 (standard 1.3.3): every resident's 町字 is a dictionary entry valid when they set the address, with its 郵便番号 and code.
        var entries = await db.AddressEntries.AsNoTracking().ToListAsync();
        Assert.Equal(DemoAddresses.Towns.Length, entries.Count); // seeded once
        foreach (var r in records)
        {
            var entry = Assert.Single(entries, e => e.Code == r.Address.AddressCode);
            Assert.Equal((entry.AddressText, entry.PostalCode), (r.Address.Town, r.Address.PostalCode));
            Assert.True(entry.ActiveOn(r.AddressSetOn));
        }
        Assert.Contains(entries, e => e.AbolishedOn is not null);
        var buildings = await db.BuildingEntries.AsNoTracking().ToListAsync();
        Assert.All(records.Where(r => r.Address.Building is not null), r => Assert.Contains(buildings, b =>
            b.AddressEntryId == entries.Single(e => e.Code == r.Address.AddressCode).Id && b.BlockNumber == r.Address.BlockNumber && r.Address.Building!.StartsWith(b.Name)));
    }
}
