using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Features.ForeignResidents;
using Jichitai.Registry.Features.MoveIn;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Residents;
using Jichitai.Testing;
using static Jichitai.Registry.Tests.Features.ForeignResidents.ForeignScenario;
using static Jichitai.Registry.Tests.Features.Scenario;

namespace Jichitai.Registry.Tests.Features.ForeignResidents;

/// <summary>Each rule of the 外国人住民 movements returns a Japanese error naming the field, and writes nothing.</summary>
public class ForeignResidentRuleTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Violations_AreRefusedWithJapaneseFieldErrors_AndWriteNothing(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var family = await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(April1));
        var taro = family.AddresseeNumbers[0];
        var arrival = await host.RunAsync(tenant, ForeignEntryHandlers.ArrivalAsync, Arrival(April1));
        var an = arrival.AddresseeNumbers[0];
        var before = await host.CountsAsync();

        async Task Refused(string field, string messagePart, Func<Task> act)
        {
            var e = await Assert.ThrowsAnyAsync<DomainException>(act);
            var fields = e is DomainValidationException v ? v.Errors.Keys.ToList() : [e.Field ?? ""];
            Assert.Contains(field, fields);
            Assert.Contains(messagePart, e is DomainValidationException dv ? string.Join(" ", dv.Errors[field]) : e.Message);
            Assert.Equal(before, await host.CountsAsync());
        }
        var may1 = new DateOnly(2026, 5, 1);
        ForeignArrivalRequest Alone(ForeignInput f) => ArrivalOf(f, may1, new DateOnly(1970, 1, 1));

        // 中長期在留者 without 在留カード番号 (住基法30条の45の表)
        await Refused("members[0].foreign.cardNumber", "在留カード番号", () => host.RunAsync(tenant, ForeignEntryHandlers.ArrivalAsync, Alone(MidToLong("LEE A", card: ""))));
        // a card number in the wrong shape
        await Refused("members[0].foreign.cardNumber", "英字2桁", () => host.RunAsync(tenant, ForeignEntryHandlers.ArrivalAsync, Alone(MidToLong("LEE A", card: "AB1234"))));
        // 在留期間の満了日 before the 異動日
        await Refused("members[0].foreign.stayExpiresOn", "満了日", () => host.RunAsync(tenant, ForeignEntryHandlers.ArrivalAsync,
            Alone(MidToLong("LEE A", card: "YZ12121212AB", expires: new DateOnly(2026, 4, 30)))));
        // no 外国人住民の記載事項 at all
        await Refused("members[0].foreign", "住基法30条の45", () => host.RunAsync(tenant, ForeignEntryHandlers.ArrivalAsync, Alone(MidToLong()) with
        {
            Members = [Person("李", "明", "リ", "メイ", new DateOnly(1970, 1, 1), "男", "世帯主")],
        }));
        // 経過滞在者 do not arrive by 法第30条の46転入
        await Refused("members[0].foreign.category", "経過滞在者", () => host.RunAsync(tenant, ForeignEntryHandlers.ArrivalAsync, Alone(Transitional("LEE A"))));
        // an item the 区分 does not carry: 特別永住者 have no 在留資格
        await Refused("members[0].foreign.residenceStatus", "在留資格を記載しません", () => host.RunAsync(tenant, ForeignEntryHandlers.ArrivalAsync, Alone(new ForeignInput
        {
            AlphabetName = "PARK B", Nationality = "韓国", Category = "特別永住者", CardNumber = "AA00000001BB", ResidenceStatus = "永住者",
        })));
        // the address cannot be set before landing
        await Refused("landedOn", "上陸許可", () => host.RunAsync(tenant, ForeignEntryHandlers.ArrivalAsync, Alone(MidToLong("LEE A", card: "YZ12121212AB")) with { LandedOn = may1.AddDays(1) }));
        // 法第30条の47届出: the address was set before becoming a 中長期在留者等
        await Refused("addressSetOn", "住所を定めた日", () => host.RunAsync(tenant, ForeignEntryHandlers.RegistrationAsync, new ForeignRegistrationRequest
        {
            Header = On(may1), Address = Address("6番6号"), AddressSetOn = may1.AddDays(1),
            Members = [ForeignPerson(MidToLong("LEE A", card: "YZ12121212AB"), new DateOnly(1970, 1, 1), "男", "世帯主")],
        }));
        // the same person again (same alphabet name and birth date): the clerk must confirm
        var duplicate = Arrival(may1) with { Members = [Arrival(may1).Members[0] with { Relationship = "世帯主" }] };
        await Refused("duplicateConfirmed", "同じ氏名・生年月日", () => host.RunAsync(tenant, ForeignEntryHandlers.ArrivalAsync, duplicate));

        // A Japanese resident given an immigration notice, a 通称, a 帰化 or an 入管通知による消除
        await Refused("addresseeNumber", "日本人住民", () => host.RunAsync(tenant, ImmigrationNoticeHandler.HandleAsync,
            Notice(taro, "在留期間更新", may1) with { StayExpiresOn = new DateOnly(2030, 1, 1) }));
        await Refused("addresseeNumber", "日本人住民", () => host.RunAsync(tenant, CommonNameHandler.HandleAsync, CommonName(taro, "記載", may1, "太郎", "タロウ")));
        await Refused("addresseeNumber", "日本人住民", () => host.RunAsync(tenant, NationalityHandlers.NaturalisationAsync, Naturalisation(taro, may1)));
        await Refused("addresseeNumber", "日本人住民", () => host.RunAsync(tenant, ImmigrationRemovalHandler.HandleAsync,
            new ImmigrationRemovalRequest { Header = On(may1), AddresseeNumber = taro, Kind = "出国" }));
        // ... and a 外国人住民 given a 国籍喪失
        await Refused("addresseeNumber", "外国人住民", () => host.RunAsync(tenant, NationalityHandlers.NationalityLossAsync, new NationalityLossRequest
        {
            Header = On(may1), AddresseeNumber = an, Foreign = Transitional("NGUYEN VAN AN"),
        }));

        // 在留期間の満了日 before the 異動日 on a notice
        await Refused("stayExpiresOn", "満了日", () => host.RunAsync(tenant, ImmigrationNoticeHandler.HandleAsync,
            Notice(an, "在留期間更新", may1) with { StayExpiresOn = new DateOnly(2026, 4, 30) }));
        // 在留期間更新 to a date not after the current one
        await Refused("stayExpiresOn", "現在の満了日", () => host.RunAsync(tenant, ImmigrationNoticeHandler.HandleAsync,
            Notice(an, "在留期間更新", may1) with { StayExpiresOn = new DateOnly(2029, 3, 31) }));
        // 在留資格変更 to the same status
        await Refused("residenceStatus", "同じ", () => host.RunAsync(tenant, ImmigrationNoticeHandler.HandleAsync,
            Notice(an, "在留資格変更", may1) with { ResidenceStatus = "技術・人文知識・国際業務" }));
        // a change of 区分 to 特別永住者 without the 特別永住者証明書の番号: the old 在留カード番号 does not carry over
        await Refused("cardNumber", "特別永住者証明書番号", () => host.RunAsync(tenant, ImmigrationNoticeHandler.HandleAsync,
            Notice(an, "入管通知による修正", may1) with { Category = "特別永住者" }));
        // nothing to change
        await Refused("kind", "入力されていません", () => host.RunAsync(tenant, ImmigrationNoticeHandler.HandleAsync, Notice(an, "入管通知による修正", may1)));
        // 在留期間満了 before the period has ended
        await Refused("header.effectiveOn", "満了日より後", () => host.RunAsync(tenant, ImmigrationRemovalHandler.HandleAsync,
            new ImmigrationRemovalRequest { Header = On(may1), AddresseeNumber = an, Kind = "在留期間満了", RemainingHousehold = new HeadAssignment { NewHeadAddresseeNumber = arrival.AddresseeNumbers[1] } }));
        // the head leaves and nobody is named to succeed (標準4.0.4)
        await Refused("newHead", "世帯主", () => host.RunAsync(tenant, ImmigrationRemovalHandler.HandleAsync,
            new ImmigrationRemovalRequest { Header = On(may1), AddresseeNumber = an, Kind = "出国" }));
        // 帰化 needs the 本籍 and 筆頭者 of the new 戸籍
        await Refused("domicile", "本籍", () => host.RunAsync(tenant, NationalityHandlers.NaturalisationAsync, Naturalisation(an, may1) with { Domicile = null }));
        await Refused("familyNameKana", "カタカナ", () => host.RunAsync(tenant, NationalityHandlers.NaturalisationAsync, Naturalisation(an, may1) with { FamilyNameKana = "なかむら" }));
        // 通称: deleting one that is not there, recording one without its フリガナ
        await Refused("kind", "通称が記載されていません", () => host.RunAsync(tenant, CommonNameHandler.HandleAsync, CommonName(an, "削除", may1)));
        await Refused("commonNameKana", "フリガナ", () => host.RunAsync(tenant, CommonNameHandler.HandleAsync, CommonName(an, "記載", may1, "中村　安")));
        // a 異動 dated before the person's latest 異動
        await Refused("header.effectiveOn", "それより前", () => host.RunAsync(tenant, CommonNameHandler.HandleAsync,
            CommonName(an, "記載", new DateOnly(2026, 3, 1), "中村　安", "ナカムラ　ヤスシ")));
    }

    [Fact]
    public void NoticeRules_AreCheckedWithoutADatabase_ForTheConfirmationScreen()
    {
        var current = new ForeignResidentItems
        {
            AlphabetName = "NGUYEN VAN AN", Nationality = "ベトナム", Category = ForeignResidentCategory.MidToLongTermResident,
            ResidenceStatus = "留学", PeriodOfStay = "1年", StayExpiresOn = new DateOnly(2027, 3, 31), CardNumber = "AB12345678CD",
        };
        var renewed = ImmigrationNoticeHandler.Apply(current, Notice("1", "在留期間更新", April1) with { StayExpiresOn = new DateOnly(2028, 3, 31), CardNumber = "ZZ00000000ZZ" });
        Assert.Equal((new DateOnly(2028, 3, 31), "ZZ00000000ZZ", "留学"), (renewed.StayExpiresOn, renewed.CardNumber, renewed.ResidenceStatus));
        var e = Assert.Throws<DomainException>(() => ImmigrationNoticeHandler.Apply(current, Notice("1", "在留期間更新", April1) with
            { StayExpiresOn = new DateOnly(2028, 3, 31), ResidenceStatus = "技術・人文知識・国際業務" }));
        Assert.Equal(("residenceStatus", "registry.immigration.renewal-status"), (e.Field, e.Code));
        Assert.Contains("在留資格変更", e.Message);
    }
}
