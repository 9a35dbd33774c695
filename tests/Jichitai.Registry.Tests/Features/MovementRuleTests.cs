using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Registry.Features.HouseholdChange;
using Jichitai.Registry.Features.MoveIn;
using Jichitai.Registry.Features.MoveOut;
using Jichitai.Registry.Features.Relocation;
using Jichitai.Registry.Features.Removal;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Movements;
using Jichitai.Testing;
using static Jichitai.Registry.Tests.Features.Scenario;

namespace Jichitai.Registry.Tests.Features;

/// <summary>Each rule violation returns a clear Japanese error naming the field, and changes nothing.</summary>
public class MovementRuleTests
{
    private static readonly DateOnly April1 = new(2026, 4, 1);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Violations_AreRefusedWithJapaneseFieldErrors_AndWriteNothing(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var family = await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(April1));
        var (taro, hanako, ichiro) = (family.AddresseeNumbers[0], family.AddresseeNumbers[1], family.AddresseeNumbers[2]);
        var household = family.HouseholdNumbers[0];
        var before = await host.CountsAsync();

        async Task Refused(string field, string messagePart, Func<Task> act)
        {
            var e = await Assert.ThrowsAnyAsync<DomainException>(act);
            var fields = e is DomainValidationException v ? v.Errors.Keys.ToList() : [e.Field ?? ""];
            Assert.Contains(field, fields);
            Assert.Contains(messagePart, e.Message);
            Assert.Equal(before, await host.CountsAsync());
        }

        // 異動日 after 届出日 (standard 4.0.3)
        await Refused("header.effectiveOn", "届出日", () => host.RunAsync(tenant, MoveInHandler.HandleAsync,
            FamilyMoveIn(new DateOnly(2026, 5, 10), new DateOnly(2026, 5, 9), family: "佐藤", kana: "サトウ")));
        // future 異動 (and future 届出日)
        await Refused("header.notifiedOn", "未来", () => host.RunAsync(tenant, MoveInHandler.HandleAsync,
            FamilyMoveIn(new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 27), family: "佐藤", kana: "サトウ")));
        // a 転出予定日 beyond the allowed window
        await Refused("header.effectiveOn", "転出予定日", () => host.RunAsync(tenant, MoveOutHandler.HandleAsync, new MoveOutRequest
            { Header = On(RegistryTestHost.Today.AddDays(31), RegistryTestHost.Today), HouseholdNumber = household, Destination = "大阪市" }));
        // a new household must have exactly one 世帯主
        await Refused("members", "世帯主", () => host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(April1, family: "佐藤", kana: "サトウ") with
        {
            Members = [Person("佐藤", "一", "サトウ", "ハジメ", new DateOnly(1990, 1, 1), "男", "子")],
        }));
        // 個人番号 with a wrong check digit (総務省令第85号第5条)
        await Refused("members[0].personalNumber", "検査", () => host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(April1, family: "佐藤", kana: "サトウ") with
        {
            Members = [Person("佐藤", "一", "サトウ", "ハジメ", new DateOnly(1990, 1, 1), "男", "世帯主", personalNumber: "123456789019")],
        }));
        // フリガナ must be katakana
        await Refused("members[0].familyNameKana", "カタカナ", () => host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(April1, family: "佐藤", kana: "さとう")));
        // the head dies and nobody is named to succeed: the household would be left without a head (standard 4.0.4)
        await Refused("relationships[" + ichiro + "]", "続柄", () => host.RunAsync(tenant, RemovalHandler.HandleAsync, new RemovalRequest
        {
            Header = On(new DateOnly(2026, 10, 1)), AddresseeNumber = taro, Kind = "死亡",
            RemainingHousehold = new HeadAssignment { NewHeadAddresseeNumber = hanako },
        }));
        await Refused("newHead", "世帯主", () => host.RunAsync(tenant, RemovalHandler.HandleAsync, new RemovalRequest
        { Header = On(new DateOnly(2026, 10, 1)), AddresseeNumber = taro, Kind = "死亡" }));
        // an 異動日 before the person's latest 異動
        await Refused("header.effectiveOn", "それより前", () => host.RunAsync(tenant, RelocationHandler.HandleAsync, new RelocationRequest
        { Header = On(new DateOnly(2026, 3, 1)), HouseholdNumber = household, Address = Address("2番2号") }));
        // 世帯分離 of the whole household
        await Refused("addresseeNumbers", "全員", () => host.RunAsync(tenant, HouseholdChangeHandlers.SplitAsync, new HouseholdSplitRequest
        {
            Header = On(new DateOnly(2026, 5, 1)), HouseholdNumber = household, AddresseeNumbers = [taro, hanako, ichiro],
            NewHousehold = new HeadAssignment { NewHeadAddresseeNumber = taro },
        }));
        // joining an existing household as a second 世帯主
        await Refused("members", "世帯主", () => host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(April1, family: "佐藤", kana: "サトウ") with
        {
            JoinHouseholdNumber = household,
            Members = [Person("佐藤", "一", "サトウ", "ハジメ", new DateOnly(1990, 1, 1), "男", "世帯主")],
        }));

        // No 異動 on a removed person except 取消し
        await host.RunAsync(tenant, RemovalHandler.HandleAsync, new RemovalRequest
        {
            Header = On(new DateOnly(2026, 10, 1)), AddresseeNumber = ichiro, Kind = "死亡",
        });
        before = await host.CountsAsync();
        await Refused("addresseeNumber", "除票", () => host.RunAsync(tenant, RemovalHandler.HandleAsync, new RemovalRequest
        { Header = On(new DateOnly(2026, 10, 2)), AddresseeNumber = ichiro, Kind = "失踪" }));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LateNotification_IsAcceptedButFlagged_FromTheFifteenthDay(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        // 住基法22条: within 14 days of the move, the first day not counted (民法140条): 4/1 → 4/15 is on time.
        var onTime = await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(April1, new DateOnly(2026, 4, 15)));
        Assert.False(onTime.LateNotification);
        var late = await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(April1, new DateOnly(2026, 4, 16), family: "佐藤", kana: "サトウ"));
        Assert.True(late.LateNotification);
        // 職権 entries are never late: a 死亡 recorded a month later is not a late 届出 under 住基法.
        var death = await host.RunAsync(tenant, RemovalHandler.HandleAsync, new RemovalRequest
        {
            Header = On(new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 30)), AddresseeNumber = onTime.AddresseeNumbers[2], Kind = "死亡",
        });
        Assert.False(death.LateNotification);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PossibleDuplicate_OnMoveIn_NeedsTheClerksConfirmation(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(April1));
        var before = await host.CountsAsync();
        // Same person written with the variant 髙 and half-width kana: still the same normalised name.
        var again = FamilyMoveIn(new DateOnly(2026, 5, 1)) with
        {
            Members = [Person("山田", "太郎", "ﾔﾏﾀﾞ", "ﾀﾛｳ", new DateOnly(1980, 5, 1), "男", "世帯主")],
        };
        var e = await Assert.ThrowsAsync<DomainException>(() => host.RunAsync(tenant, MoveInHandler.HandleAsync, again with
        {
            Members = [Person("山田", "太郎", "ヤマダ", "タロウ", new DateOnly(1980, 5, 1), "男", "世帯主")],
        }));
        Assert.Equal("registry.movein.duplicate-suspected", e.Code);
        Assert.Equal(before, await host.CountsAsync());
        var confirmed = await host.RunAsync(tenant, MoveInHandler.HandleAsync, again with
        {
            Members = [Person("山田", "太郎", "ヤマダ", "タロウ", new DateOnly(1980, 5, 1), "男", "世帯主")], DuplicateConfirmed = true,
        });
        Assert.Single(confirmed.AddresseeNumbers);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task IdempotencyKey_RepeatedRequest_IsAppliedOnce(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var first = await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(April1), idempotencyKey: "key-1");
        var counts = await host.CountsAsync();
        var second = await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(April1), idempotencyKey: "key-1");
        Assert.True(second.Replayed);
        Assert.Equal(first.MovementId, second.MovementId);
        Assert.Equal(first.AddresseeNumbers, second.AddresseeNumbers);
        Assert.Equal(counts, await host.CountsAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnotherTenant_NeitherFindsNorOpensTheResident(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var chiyoda = await host.CreateTenantAsync();
        var osaka = await host.CreateTenantAsync("271004", "大阪市");
        var family = await host.RunAsync(chiyoda, MoveInHandler.HandleAsync, FamilyMoveIn(April1));
        Assert.Equal(3, (await host.SearchAsync(chiyoda, new ResidentSearchRequest { Kana = "ヤマダ" })).Count);
        Assert.Empty(await host.SearchAsync(osaka, new ResidentSearchRequest { Kana = "ヤマダ" }));
        await Assert.ThrowsAsync<DomainException>(() => host.GetAsync(osaka, family.AddresseeNumbers[0]));
        // Numbers are per tenant: the other tenant's first resident gets the same 宛名番号, a different person.
        var other = await host.RunAsync(osaka, MoveInHandler.HandleAsync, FamilyMoveIn(April1, family: "佐藤", kana: "サトウ"));
        Assert.Equal(family.AddresseeNumbers[0], other.AddresseeNumbers[0]);
        Assert.Equal("山田　太郎", (await host.GetAsync(chiyoda, family.AddresseeNumbers[0])).Summary.Name);
        Assert.Equal("佐藤　太郎", (await host.GetAsync(osaka, other.AddresseeNumbers[0])).Summary.Name);
    }
}
