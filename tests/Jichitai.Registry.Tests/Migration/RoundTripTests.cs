using Jichitai.Platform.Audit;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Demo;
using Jichitai.Registry.Features.Migration.Files;
using Jichitai.Registry.Features.Migration.Import;
using Jichitai.Registry.Features.Search;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jichitai.Registry.Tests.Migration;

/// <summary>Export → import → export reproduces the files byte for byte; imported people work like entered ones.</summary>
public class RoundTripTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ExportOfTheDemoTown_ImportedElsewhere_ExportsToTheSameBytes(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var demo = await host.CreateTenantAsync("139998", "デモ市");
        await using (var s = host.Services.CreateAsyncScope())
        {
            s.ServiceProvider.GetRequiredService<ITenantScopeAccessor>().Scope = TenantScope.ForTenant(demo.Id);
            await s.ServiceProvider.GetServices<Platform.Demo.IDemoDataSeeder>().OfType<RegistryDemoSeeder>().Single().SeedAsync(demo, default);
        }
        var first = MigrationTestHost.TempDir();
        var exported = await host.ExportAsync(demo, first);
        Assert.True(exported.Written, string.Join("\n", exported.Errors));

        var target = await host.CreateTenantAsync();
        var imported = await host.ImportAsync(target, first);
        Assert.True(imported.Outcome == ImportOutcome.Imported, string.Join("\n", imported.Errors.Take(20)));
        var second = MigrationTestHost.TempDir();
        Assert.True((await host.ExportAsync(target, second)).Written);

        foreach (var file in Jichitai.Registry.Features.Migration.Layout.MigrationLayout.Files)
        {
            var (a, b) = (await File.ReadAllBytesAsync(Path.Combine(first, file.FileName)), await File.ReadAllBytesAsync(Path.Combine(second, file.FileName)));
            Assert.True(a.AsSpan().SequenceEqual(b), $"{file.FileName} differs after import → export");
        }
        Assert.Equal(exported.Counts, imported.Counts);
        Assert.True(imported.Counts.Residents > 200);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportedPeople_AreFoundViewedWithHistory_AndNumberingContinuesAboveThem(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var dir = MigrationTestHost.TempDir();
        await SampleFiles.Small().WriteAsync(dir);
        Assert.Equal(ImportOutcome.Imported, (await host.ImportAsync(tenant, dir)).Outcome);

        var found = await host.SearchAsync(tenant, new ResidentSearchRequest { Kana = "ヤマダイチロウ" });
        var ichiro = Assert.Single(found);
        var detail = await host.GetAsync(tenant, ichiro.AddresseeNumber, personalNumber: true);
        Assert.Equal("本町二丁目", detail.Record.Address.Town);
        Assert.Equal(SampleFiles.PersonalNumberOf(3), detail.PersonalNumber);
        Assert.Equal(2, detail.History.Count);
        // As of 2015 (before the 転居 of 2020) the record shows the old address: the history versions were rebuilt.
        var before = await host.GetAsync(tenant, ichiro.AddresseeNumber, asOf: new DateOnly(2015, 1, 1));
        Assert.Equal("本町一丁目", before.Record.Address.Town);

        await using var db = Persistence.RegistryDatabase.Create(host.Database.Settings.Database, TenantScope.ForTenant(tenant.Id));
        Assert.Equal(6, (await db.NumberCounters.SingleAsync(c => c.Name == "addressee")).NextValue);
        Assert.Equal(3, (await db.NumberCounters.SingleAsync(c => c.Name == "household")).NextValue);
        await using var platform = PlatformDatabase.Create(host.Database.Settings.Database, TenantScope.System);
        Assert.Equal(1, await platform.AuditEntries.CountAsync(e => e.Action == AuditActions.MigrationImport));
    }
}
