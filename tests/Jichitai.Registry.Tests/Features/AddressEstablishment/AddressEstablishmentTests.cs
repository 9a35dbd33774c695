using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Features.AddressEstablishment;
using Jichitai.Registry.Features.MoveIn;
using Jichitai.Registry.Movements;
using Jichitai.Testing;
using static Jichitai.Registry.Tests.Features.Scenario;

namespace Jichitai.Registry.Tests.Features.AddressEstablishment;

/// <summary>住所設定 (標準4.2.1.1) is a 職権記載 of its own, not a 転入: 転入前住所「不明」 or blank, 最終登録住所地, no 届出期間.</summary>
public class AddressEstablishmentTests
{
    private static readonly DateOnly June1 = new(2026, 6, 1);

    private static AddressEstablishmentRequest Establish(DateOnly on, DateOnly notified, bool unknown = true) => new()
    {
        Header = On(on, notified),
        Address = Address("8番8号"),
        PreviousAddressUnknown = unknown,
        LastRegisteredAddress = unknown ? "大阪府大阪市北区梅田1丁目" : null,
        Members = [Person("木村", "誠", "キムラ", "マコト", new DateOnly(1970, 2, 2), "男", "世帯主")],
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddressEstablishment_IsAnOfficialEntry_WithUnknownPreviousAddress_AndNoNotificationPeriod(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        // Found on 6/1, confirmed two months later: a 職権記載 has no 14-day 届出期間.
        var result = await host.RunAsync(tenant, AddressEstablishmentHandler.HandleAsync, Establish(June1, June1.AddDays(60)));
        Assert.Equal("住所設定", result.Reason);
        Assert.False(result.LateNotification);

        var person = await host.GetAsync(tenant, Assert.Single(result.AddresseeNumbers));
        Assert.Equal("不明", person.Record.PreviousAddress!.Text);
        Assert.Equal("大阪府大阪市北区梅田1丁目", person.Record.LastRegisteredAddress);
        Assert.Equal((June1, June1), (person.Record.BecameResidentOn, person.Record.AddressSetOn));
        Assert.Equal("住所設定", Assert.Single(person.History).Reason);

        // No previous address at all (e.g. 出生 abroad, never registered): 転入前住所 stays blank.
        var blank = await host.RunAsync(tenant, AddressEstablishmentHandler.HandleAsync, Establish(June1, June1, unknown: false) with
        {
            Members = [Person("木村", "光", "キムラ", "ヒカル", new DateOnly(2001, 3, 3), "男", "世帯主")],
        });
        var second = await host.GetAsync(tenant, blank.AddresseeNumbers[0]);
        Assert.Null(second.Record.PreviousAddress);
        Assert.Null(second.Record.LastRegisteredAddress);

        // An 未届転入 is a different movement (a 転入届 whose previous address was not notified).
        var unnotified = await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(June1) with { Kind = "未届" });
        Assert.Equal("未届転入", unnotified.Reason);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddressEstablishment_OnApplication_IsMarkedInTheHistory(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var request = Establish(June1, June1.AddDays(3));
        var result = await host.RunAsync(tenant, AddressEstablishmentHandler.HandleAsync, request with { Header = request.Header with { Basis = MovementBasis.Application } });
        var person = await host.GetAsync(tenant, result.AddresseeNumbers[0]);
        Assert.EndsWith("(申出による)", Assert.Single(person.History).Summary); // 標準4.2.0.5: 申出を受けて行ったことがわかる
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddressEstablishment_RuleViolations_ChangeNothing(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var before = await host.CountsAsync();

        var noHead = await Assert.ThrowsAsync<DomainValidationException>(() => host.RunAsync(tenant, AddressEstablishmentHandler.HandleAsync,
            Establish(June1, June1) with { Members = [Person("木村", "誠", "キムラ", "マコト", new DateOnly(1970, 2, 2), "男", "子")] }));
        Assert.Contains("世帯主を1人だけ", noHead.Errors["members"].Single());

        var request = Establish(June1, June1);
        var notified = await Assert.ThrowsAsync<DomainValidationException>(() => host.RunAsync(tenant, AddressEstablishmentHandler.HandleAsync,
            request with { Header = request.Header with { Basis = MovementBasis.Notification } }));
        Assert.Contains("職権記載", notified.Errors["header.basis"].Single());

        Assert.Equal(before, await host.CountsAsync());
    }
}
