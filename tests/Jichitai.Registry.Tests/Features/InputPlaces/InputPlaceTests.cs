using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Features.CharacterCodes;
using Jichitai.Registry.Features.InputPlaces;
using Jichitai.Registry.Features.MoveIn;
using Jichitai.Testing;
using static Jichitai.Registry.Tests.Features.Scenario;
using static Jichitai.Registry.Tests.Features.RecordSheets.RenewalAndSheetTests;

namespace Jichitai.Registry.Tests.Features.InputPlaces;

/// <summary>入力場所・入力端末 (standard 1.3.1, recorded on every 異動 by 1.2.1) and 文字コード照会 of a resident (2.2.3).</summary>
public class InputPlaceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Movements_RecordThePlaceAndTerminalTheyWereEnteredFrom(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var location = await As<InputLocationView, InputPlaceService>(host, tenant, s => s.CreateLocationAsync(new InputLocationRequest("01", "市民課", "本庁", null), RegistryTestHost.Clerk, default));
        await As<InputTerminalView, InputPlaceService>(host, tenant, s => s.CreateTerminalAsync(new InputTerminalRequest("01", "市民課-窓口1", "127.0.0.1"), RegistryTestHost.Clerk, default));
        var taro = (await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(new DateOnly(2026, 4, 1)))).AddresseeNumbers[0];
        var entry = Assert.Single((await host.GetAsync(tenant, taro)).History);
        Assert.Equal(("市民課", "市民課-窓口1", "127.0.0.1", "市民課 / 市民課-窓口1"), (entry.InputLocation, entry.InputTerminal, entry.ClientAddress, entry.EnteredFrom));
        Assert.Equal("本庁", location.Kind);

        // Another municipality has no terminal at that address: the bare address is recorded.
        var other = await host.CreateTenantAsync("271004", "大阪市");
        var sato = (await host.RunAsync(other, MoveInHandler.HandleAsync, FamilyMoveIn(new DateOnly(2026, 4, 1)))).AddresseeNumbers[0];
        Assert.Equal("未登録端末 127.0.0.1", Assert.Single((await host.GetAsync(other, sato)).History).EnteredFrom);
        Assert.Empty(await As<IReadOnlyList<InputLocationView>, InputPlaceService>(host, other, s => s.ListAsync(default)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PlacesAndTerminals_AreValidated_WardsOnlyInADesignatedCity(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        async Task<IReadOnlyCollection<string>> Refused(Func<InputPlaceService, Task> f) =>
            (await Assert.ThrowsAsync<DomainValidationException>(() => As<int, InputPlaceService>(host, tenant, async s => { await f(s); return 0; }))).Errors.Keys.ToList();

        Assert.Equal(["ward"], await Refused(s => s.CreateLocationAsync(new InputLocationRequest("02", "中央区役所", "区役所", "中央区"), RegistryTestHost.Clerk, default)));
        Assert.Equal(["code", "kind", "name"], (await Refused(s => s.CreateLocationAsync(new InputLocationRequest("本庁", "", "庁舎", null), RegistryTestHost.Clerk, default))).Order());
        await As<InputLocationView, InputPlaceService>(host, tenant, s => s.CreateLocationAsync(new InputLocationRequest("01", "市民課", "本庁", null), RegistryTestHost.Clerk, default));
        Assert.Equal(["code"], await Refused(s => s.CreateLocationAsync(new InputLocationRequest("01", "支所", "支所", null), RegistryTestHost.Clerk, default)));
        Assert.Equal(["clientAddress"], await Refused(s => s.CreateTerminalAsync(new InputTerminalRequest("01", "端末A", "10.0.0.999"), RegistryTestHost.Clerk, default)));
        Assert.Equal(["locationCode"], await Refused(s => s.CreateTerminalAsync(new InputTerminalRequest("99", "端末A", "10.0.0.9"), RegistryTestHost.Clerk, default)));
        var a = await As<InputTerminalView, InputPlaceService>(host, tenant, s => s.CreateTerminalAsync(new InputTerminalRequest("01", "端末A", "::ffff:10.0.0.9"), RegistryTestHost.Clerk, default));
        Assert.Equal("10.0.0.9", a.ClientAddress); // IPv4-mapped addresses are stored as IPv4
        Assert.Equal(["clientAddress"], await Refused(s => s.CreateTerminalAsync(new InputTerminalRequest("01", "端末B", "10.0.0.9"), RegistryTestHost.Clerk, default)));
        await As<int, InputPlaceService>(host, tenant, async s => { await s.DeactivateTerminalAsync(a.Id, RegistryTestHost.Clerk, default); return 0; });
        await As<InputTerminalView, InputPlaceService>(host, tenant, s => s.CreateTerminalAsync(new InputTerminalRequest("01", "端末B", "10.0.0.9"), RegistryTestHost.Clerk, default));

        var city = await host.CreateTenantAsync("141003", "横浜市");
        await using (var platform = PlatformDatabase.Create(host.Database.Settings.Database, TenantScope.System))
        {
            var t = await platform.Tenants.FindAsync(city.Id);
            t!.Class = MunicipalityClass.DesignatedCity;
            await platform.SaveChangesAsync();
        }
        var noWard = await Assert.ThrowsAsync<DomainValidationException>(() => As<InputLocationView, InputPlaceService>(host, city, s => s.CreateLocationAsync(new InputLocationRequest("01", "市民課", "本庁", null), RegistryTestHost.Clerk, default)));
        Assert.Equal(["ward"], noWard.Errors.Keys);
        var ward = await As<InputLocationView, InputPlaceService>(host, city, s => s.CreateLocationAsync(new InputLocationRequest("11", "中区役所 戸籍課", "区役所", "中区"), RegistryTestHost.Clerk, default));
        Assert.Equal("中区", ward.Ward);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CharacterLookup_OfAResident_GivesEachItemsCodes(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var request = FamilyMoveIn(new DateOnly(2026, 4, 1));
        var n = (await host.RunAsync(tenant, MoveInHandler.HandleAsync, request with
        {
            Members = [Person("髙橋", "𠮷男", "タカハシ", "ヨシオ", new DateOnly(1989, 1, 7), "男", "世帯主")],
        })).AddresseeNumbers[0];
        var items = await As<IReadOnlyList<ItemCharacters>, CharacterLookup>(host, tenant, l => l.OfResidentAsync(n, null, RegistryTestHost.Clerk, default));
        var family = items.Single(i => i.Item == "氏");
        Assert.Equal(["VendorExtension", "Jis0208Level1"], family.Characters.Select(c => c.Set.ToString()));
        Assert.Equal(1, items.Single(i => i.Item == "名").OutsideJis0208);
        Assert.Throws<DomainException>(() => CharacterLookup.Describe(""));
    }
}
