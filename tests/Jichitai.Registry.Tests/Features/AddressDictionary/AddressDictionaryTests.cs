using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Features.AddressDictionary;
using Jichitai.Registry.Features.MoveIn;
using Jichitai.Registry.Features.Relocation;
using Jichitai.Registry.Movements;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jichitai.Registry.Tests.Features.Scenario;

namespace Jichitai.Registry.Tests.Features.AddressDictionary;

/// <summary>住所辞書・方書管理 (standard 1.3.2–1.3.4) and its use in a 異動 (1.3.3), on both providers.</summary>
public class AddressDictionaryTests
{
    // The test tenant is 千代田区 (131016): its 住所コード start with 13101.
    internal static AddressEntryRequest Kanda(string code = "13101001001", DateOnly? validFrom = null) => new()
    {
        Code = code, PostalCode = "101-0041", Prefecture = "東京都", PrefectureKana = "トウキョウト", Municipality = "千代田区", MunicipalityKana = "チヨダク",
        Town = "神田須田町一丁目", TownKana = "カンダスダチョウ1チョウメ", Scheme = "住居表示", ValidFrom = validFrom ?? new DateOnly(1966, 1, 1),
    };

    private static Task<T> AsTenant<T>(RegistryTestHost host, Tenant tenant, Func<AddressDictionaryService, Task<T>> f) => host.AsTenant(tenant, f);

    private static Task<AddressEntryView> AddAsync(RegistryTestHost host, Tenant tenant, AddressEntryRequest r) =>
        AsTenant(host, tenant, d => d.AddAsync(r, RegistryTestHost.Clerk, default));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Entries_AreAddedCorrectedAndAbolished_ListedByDate_AndAudited(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var kanda = await AddAsync(host, tenant, Kanda());
        await AddAsync(host, tenant, Kanda("13101001002") with { Town = "神田須田町二丁目", TownKana = "カンダスダチョウ2チョウメ" });
        await AddAsync(host, tenant, Kanda("13101002000") with { Town = "丸の内", TownKana = "マルノウチ", PostalCode = "1000005", Scheme = "地番" });

        Assert.Equal("千代田区神田須田町一丁目", kanda.AddressText);
        Assert.Equal(["13101001001", "13101001002"], (await AsTenant(host, tenant, d => d.ListAsync(new AddressListQuery("カンダ"), default))).Select(e => e.Code));
        Assert.Equal(["13101001001", "13101001002"], (await AsTenant(host, tenant, d => d.ListAsync(new AddressListQuery("ト チ カ"), default))).Select(e => e.Code));
        var marunouchi = Assert.Single(await AsTenant(host, tenant, d => d.ListAsync(new AddressListQuery("100-0005"), default)));
        Assert.Equal(("地番", "100-0005"), (marunouchi.Scheme, marunouchi.PostalCode));

        var taken = await Assert.ThrowsAsync<DomainException>(() => AddAsync(host, tenant, Kanda()));
        Assert.Equal(("registry.address.code-taken", "code", 409), (taken.Code, taken.Field, taken.Status));
        var invalid = await Assert.ThrowsAsync<DomainValidationException>(() => AddAsync(host, tenant, new AddressEntryRequest { Code = "1310", TownKana = "かんだ" }));
        Assert.Superset(new HashSet<string> { "code", "postalCode", "prefecture", "municipality", "town", "townKana", "scheme", "validFrom" }, invalid.Errors.Keys.ToHashSet());
        Assert.Contains("11桁", invalid.Errors["code"][0]);
        Assert.Contains("カタカナ", invalid.Errors["townKana"][0]);

        var corrected = await AsTenant(host, tenant, d => d.UpdateAsync(kanda.Id, Kanda() with { PostalCode = "101-0042" }, RegistryTestHost.Clerk, default));
        Assert.Equal("101-0042", corrected.PostalCode);
        var recode = await Assert.ThrowsAsync<DomainException>(() => AsTenant(host, tenant, d => d.UpdateAsync(kanda.Id, Kanda("13101009009"), RegistryTestHost.Clerk, default)));
        Assert.Equal(("registry.address.code-fixed", "code"), (recode.Code, recode.Field));

        var early = await Assert.ThrowsAsync<DomainException>(() => AsTenant(host, tenant, d => d.AbolishAsync(kanda.Id, new AbolishRequest(new DateOnly(1966, 1, 1)), RegistryTestHost.Clerk, default)));
        Assert.Equal("on", early.Field);
        var abolished = await AsTenant(host, tenant, d => d.AbolishAsync(kanda.Id, new AbolishRequest(new DateOnly(2026, 4, 1)), RegistryTestHost.Clerk, default));
        Assert.False(abolished.Active);
        var again = await Assert.ThrowsAsync<DomainException>(() => AsTenant(host, tenant, d => d.AbolishAsync(kanda.Id, new AbolishRequest(new DateOnly(2026, 5, 1)), RegistryTestHost.Clerk, default)));
        Assert.Equal("registry.address.abolished", again.Code);

        // Valid up to the day before the 廃止日; listed again with includeAbolished.
        Assert.Contains("13101001001", (await AsTenant(host, tenant, d => d.ListAsync(new AddressListQuery("カンダ", new DateOnly(2026, 3, 31)), default))).Select(e => e.Code));
        Assert.DoesNotContain("13101001001", (await AsTenant(host, tenant, d => d.ListAsync(new AddressListQuery("カンダ", new DateOnly(2026, 4, 1)), default))).Select(e => e.Code));
        Assert.Contains("13101001001", (await AsTenant(host, tenant, d => d.ListAsync(new AddressListQuery("カンダ", IncludeAbolished: true), default))).Select(e => e.Code));
        // 本籍 may still be written with the old name (1.3.3 ただし書): it is offered, marked (旧).
        var names = await AsTenant(host, tenant, d => d.DomicileNamesAsync(default));
        Assert.Contains(names, n => n.Name == "東京都千代田区神田須田町一丁目" && n.Label.EndsWith("(旧)"));

        await using var audit = PlatformDatabase.Create(host.Database.Settings.Database, TenantScope.System);
        var lines = await audit.AuditEntries.Where(e => e.Action == AuditActions.MasterDataChange && e.ChainId == tenant.Id).Select(e => e.Detail).ToListAsync();
        Assert.Equal(5, lines.Count); // 3 added, 1 corrected, 1 abolished; refused changes write nothing
        Assert.Contains(lines, l => l!.Contains("101-0041") && l.Contains("101-0042"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Buildings_BelongToAnAddress_SortByNumber_AndAreAbolishedFromADate(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var kanda = await AddAsync(host, tenant, Kanda());
        var day = new DateOnly(2000, 1, 1);
        await AsTenant(host, tenant, d => d.AddBuildingAsync(kanda.Id, new BuildingEntryRequest { BlockNumber = "10番1号", Name = "須田町ハイツ", ValidFrom = day }, RegistryTestHost.Clerk, default));
        var coop = await AsTenant(host, tenant, d => d.AddBuildingAsync(kanda.Id, new BuildingEntryRequest { BlockNumber = "2番3号", Name = "神田コーポ", NameKana = "カンダコーポ", ValidFrom = day }, RegistryTestHost.Clerk, default));
        var duplicate = await Assert.ThrowsAsync<DomainException>(() => AsTenant(host, tenant, d => d.AddBuildingAsync(kanda.Id, new BuildingEntryRequest { BlockNumber = "２番３号", Name = "神田コーポ", ValidFrom = day }, RegistryTestHost.Clerk, default)));
        Assert.Equal(("registry.building.duplicate", "name"), (duplicate.Code, duplicate.Field));
        var noBlock = await Assert.ThrowsAsync<DomainValidationException>(() => AsTenant(host, tenant, d => d.AddBuildingAsync(kanda.Id, new BuildingEntryRequest { Name = "x", ValidFrom = day }, RegistryTestHost.Clerk, default)));
        Assert.Contains("blockNumber", noBlock.Errors.Keys);

        Assert.Equal(["2番3号", "10番1号"], (await AsTenant(host, tenant, d => d.GetAsync(kanda.Id, default))).Buildings.Select(b => b.BlockNumber));
        await AsTenant(host, tenant, d => d.AbolishBuildingAsync(kanda.Id, coop.Id, new AbolishRequest(new DateOnly(2026, 1, 1)), RegistryTestHost.Clerk, default));
        Assert.Equal(["須田町ハイツ"], (await AsTenant(host, tenant, d => d.ListAsync(new AddressListQuery(kanda.Code), default))).Single().Buildings.Select(b => b.Name));
        Assert.Equal(2, (await AsTenant(host, tenant, d => d.ListAsync(new AddressListQuery(kanda.Code, new DateOnly(2025, 12, 31)), default))).Single().Buildings.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MoveIn_WithACode_TakesTownAndPostalCodeFromTheDictionary_OnlyWhileTheTownExists(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var kanda = await AddAsync(host, tenant, Kanda(validFrom: new DateOnly(2020, 4, 1)));
        await AsTenant(host, tenant, d => d.AbolishAsync(kanda.Id, new AbolishRequest(new DateOnly(2026, 4, 1)), RegistryTestHost.Clerk, default));
        MoveInRequest Coded(DateOnly on, AddressInput address) => FamilyMoveIn(on) with { Address = address };
        var byCode = new AddressInput { AddressCode = "13101001001", BlockNumber = "3番2号" };

        var moved = await host.RunAsync(tenant, MoveInHandler.HandleAsync, Coded(new DateOnly(2026, 3, 31), byCode));
        var address = (await host.GetAsync(tenant, moved.AddresseeNumbers[0])).Record.Address;
        Assert.Equal(("13101001001", "千代田区神田須田町一丁目", "101-0041"), (address.AddressCode, address.Town, address.PostalCode));

        var before = await host.CountsAsync();
        async Task<DomainException> Refused(DateOnly on, AddressInput a) =>
            await Assert.ThrowsAnyAsync<DomainException>(() => host.RunAsync(tenant, MoveInHandler.HandleAsync, Coded(on, a) with { Members = [Person("佐藤", "一", "サトウ", "ハジメ", new DateOnly(1990, 1, 1), "男", "世帯主")] }));
        var abolished = await Refused(new DateOnly(2026, 4, 1), byCode);
        Assert.Equal(("registry.address.inactive", "address.addressCode"), (abolished.Code, abolished.Field));
        Assert.Contains("廃止", abolished.Message);
        var notYet = await Refused(new DateOnly(2020, 3, 31), byCode);
        Assert.Equal("registry.address.inactive", notYet.Code);
        Assert.Contains("設けられた", notYet.Message);
        Assert.Equal("registry.address.unknown-code", (await Refused(new DateOnly(2026, 3, 1), byCode with { AddressCode = "13101009999" })).Code);
        Assert.Equal("registry.address.other-municipality", (await Refused(new DateOnly(2026, 3, 1), byCode with { AddressCode = "27101001001" })).Code);
        var mismatch = await Refused(new DateOnly(2026, 3, 1), byCode with { Town = "千代田区丸の内" });
        Assert.Equal(("registry.address.town-mismatch", "address.town"), (mismatch.Code, mismatch.Field));
        var format = Assert.IsType<DomainValidationException>(await Refused(new DateOnly(2026, 3, 1), byCode with { AddressCode = "131010" }));
        Assert.Contains("address.addressCode", format.Errors.Keys);
        Assert.Equal(before, await host.CountsAsync()); // nothing half-written
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddressesWithoutACode_GetTheCodeWhenWrittenAsAnEntry_OtherwiseAreKeptAsTyped(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        await AddAsync(host, tenant, Kanda());
        var household = (await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(new DateOnly(2026, 4, 1)))).HouseholdNumbers[0];
        var head = (await host.SearchAsync(tenant, new() { Kana = "ヤマダタロウ" })).Single().AddresseeNumber;
        Assert.Null((await host.GetAsync(tenant, head)).Record.Address.AddressCode); // 千代田区千代田: not in this dictionary, kept as typed

        // Once 千代田区千代田 is in the dictionary, a 転居 to the same address is still the same address (4.1.2.1).
        await AddAsync(host, tenant, Kanda("13101003000") with { Town = "千代田", TownKana = "チヨダ", PostalCode = "100-0001", Scheme = "地番" });
        var same = await Assert.ThrowsAsync<DomainException>(() => host.RunAsync(tenant, RelocationHandler.HandleAsync, new RelocationRequest
        {
            Header = On(new DateOnly(2026, 5, 1)), HouseholdNumber = household, Address = Address(),
        }));
        Assert.Equal("registry.relocation.same-address", same.Code);

        await host.RunAsync(tenant, RelocationHandler.HandleAsync, new RelocationRequest
        {
            Header = On(new DateOnly(2026, 6, 1)), HouseholdNumber = household,
            Address = new AddressInput { PostalCode = "101-0041", Town = "千代田区神田須田町一丁目", BlockNumber = "5番1号" },
        });
        Assert.Equal("13101001001", (await host.GetAsync(tenant, head)).Record.Address.AddressCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnotherTenant_SeesNoneOfTheDictionary_AndCannotUseItsCodes(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var chiyoda = await host.CreateTenantAsync();
        var kanda = await AddAsync(host, chiyoda, Kanda());
        var osaka = await host.CreateTenantAsync("271004", "大阪市");

        Assert.Empty(await AsTenant(host, osaka, d => d.ListAsync(new AddressListQuery(IncludeAbolished: true), default)));
        var get = await Assert.ThrowsAsync<DomainException>(() => AsTenant(host, osaka, d => d.GetAsync(kanda.Id, default)));
        Assert.Equal(404, get.Status);
        await Assert.ThrowsAsync<DomainException>(() => AsTenant(host, osaka, d => d.AbolishAsync(kanda.Id, new AbolishRequest(new DateOnly(2026, 4, 1)), RegistryTestHost.Clerk, default)));
        // The same code may exist in each tenant's own dictionary.
        await AddAsync(host, osaka, Kanda() with { Code = "27101001001", Prefecture = "大阪府", PrefectureKana = "オオサカフ", Municipality = "大阪市北区", MunicipalityKana = "オオサカシキタク" });
        await AddAsync(host, osaka, Kanda());
        var moveIn = FamilyMoveIn(new DateOnly(2026, 4, 1)) with { Address = new AddressInput { AddressCode = "13101001001", BlockNumber = "1番1号" } };
        var refused = await Assert.ThrowsAsync<DomainException>(() => host.RunAsync(osaka, MoveInHandler.HandleAsync, moveIn));
        Assert.Equal("registry.address.other-municipality", refused.Code);
        Assert.Equal("千代田区神田須田町一丁目", (await AsTenant(host, chiyoda, d => d.GetAsync(kanda.Id, default))).AddressText);
        Assert.True((await AsTenant(host, chiyoda, d => d.GetAsync(kanda.Id, default))).Active);
    }
}
