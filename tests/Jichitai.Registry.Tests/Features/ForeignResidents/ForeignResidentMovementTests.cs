using Jichitai.Platform.Persistence;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Features.Cancellation;
using Jichitai.Registry.Features.ForeignResidents;
using Jichitai.Registry.Features.MoveIn;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Residents;
using Jichitai.Testing;
using static Jichitai.Registry.Tests.Features.ForeignResidents.ForeignScenario;
using static Jichitai.Registry.Tests.Features.Scenario;

namespace Jichitai.Registry.Tests.Features.ForeignResidents;

/// <summary>The 外国人住民 movements (住基法30条の45〜30条の51): each writes the record and its history as the standard says.</summary>
public class ForeignResidentMovementTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Arrival_RecordsForeignResidents_AndCountsTheFourteenDaysFromTheAddressDate(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        // 4/1 → 4/15 is within 14 days (the first day not counted).
        var onTime = await host.RunAsync(tenant, ForeignEntryHandlers.ArrivalAsync, Arrival(April1, new DateOnly(2026, 4, 15)));
        Assert.False(onTime.LateNotification);
        Assert.Equal("法第30条の46転入", onTime.Reason);
        Assert.Equal(2, onTime.AddresseeNumbers.Count);

        var head = await host.GetAsync(tenant, onTime.AddresseeNumbers[0]);
        Assert.Equal(ResidentKind.Foreign, head.Record.Kind);
        Assert.Equal("外国人住民", head.Summary.Kind);
        Assert.Equal("NGUYEN VAN AN", head.Summary.Name);
        Assert.Equal("世帯主", head.Record.Relationship);
        var f = head.Record.Foreign!;
        Assert.Equal((ForeignResidentCategory.MidToLongTermResident, "技術・人文知識・国際業務", "3年", new DateOnly(2029, 3, 31), "AB12345678CD", "ベトナム"),
            (f.Category, f.ResidenceStatus, f.PeriodOfStay, f.StayExpiresOn, f.CardNumber, f.Nationality));
        Assert.Equal((April1, April1, new DateOnly(2026, 4, 15)), (head.Record.BecameResidentOn, head.Record.AddressSetOn, head.Record.AddressNotifiedOn));
        Assert.True(head.Record.PreviousAddress!.Abroad);
        Assert.Equal(MoveInKind.FromAbroad, head.Record.PreviousAddress.Kind);
        Assert.Equal("法第30条の46転入", Assert.Single(head.History).Reason);
        Assert.Equal(["NGUYEN VAN AN", "TRAN THI BINH"], head.Household.Select(m => m.Name));

        // 4/1 → 4/16: accepted, flagged as late.
        var late = await host.RunAsync(tenant, ForeignEntryHandlers.ArrivalAsync, ArrivalOf(MidToLong("SMITH JOHN", "EF11112222GH"), April1) with
        {
            Header = On(April1, new DateOnly(2026, 4, 16)), PreviousAddress = null, LandedOn = null,
        });
        Assert.True(late.LateNotification);
        // 転入前住所 may be left blank (標準4.5.1).
        Assert.Equal("", (await host.GetAsync(tenant, late.AddresseeNumbers[0])).Record.PreviousAddress!.Text);

        // Joining a Japanese household as 同居人.
        var family = await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(April1));
        var joined = await host.RunAsync(tenant, ForeignEntryHandlers.ArrivalAsync, ArrivalOf(MidToLong("KIM MINJI", "IJ33334444KL"), new DateOnly(2026, 5, 1)) with
        {
            JoinHouseholdNumber = family.HouseholdNumbers[0],
            Members = [ForeignPerson(MidToLong("KIM MINJI", "IJ33334444KL"), new DateOnly(2000, 1, 1), "女", "同居人")],
        });
        Assert.Equal(family.HouseholdNumbers, joined.HouseholdNumbers);
        var kim = await host.GetAsync(tenant, joined.AddresseeNumbers[0]);
        Assert.Equal((4, "同居人"), (kim.Household.Count, kim.Record.Relationship));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Registration_RecordsSomeoneAlreadyLivingHere_FromTheDayTheyBecameAForeignResident(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var provisional = new ForeignInput { AlphabetName = "AHMED ALI", Nationality = "パキスタン", Category = "仮滞在許可者", PeriodOfStay = "6月" };
        var result = await host.RunAsync(tenant, ForeignEntryHandlers.RegistrationAsync, new ForeignRegistrationRequest
        {
            Header = On(new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 20)),
            Address = Address("5番5号"),
            AddressSetOn = new DateOnly(2025, 12, 1),
            Members = [ForeignPerson(provisional, new DateOnly(1988, 3, 3), "男", "世帯主")],
        });
        Assert.Equal("法第30条の47届出", result.Reason);
        Assert.True(result.LateNotification); // 6/1 → 6/20 is beyond 14 days (住基法30条の47)
        var r = (await host.GetAsync(tenant, result.AddresseeNumbers[0])).Record;
        Assert.Equal((new DateOnly(2026, 6, 1), new DateOnly(2025, 12, 1)), (r.BecameResidentOn, r.AddressSetOn));
        Assert.Null(r.PreviousAddress);
        Assert.Equal((ForeignResidentCategory.ProvisionalStayPermit, "6月", null, null), (r.Foreign!.Category, r.Foreign.PeriodOfStay, r.Foreign.CardNumber, r.Foreign.ResidenceStatus));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Naturalisation_KeepsTheAddresseeNumberAndCarriedItems_AndTheForeignRecordAsOfEarlierDates(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var number = ValidPersonalNumber("23456789012");
        var arrival = await host.RunAsync(tenant, ForeignEntryHandlers.ArrivalAsync, Arrival(April1, headPersonalNumber: number));
        var (an, binh) = (arrival.AddresseeNumbers[0], arrival.AddresseeNumbers[1]);
        var before = await host.GetAsync(tenant, an);

        var naturalised = await host.RunAsync(tenant, NationalityHandlers.NaturalisationAsync, Naturalisation(an, new DateOnly(2026, 9, 1)));
        // One movement, the same person: the 宛名番号 is carried over (標準4.5.3), no second row.
        Assert.Equal([an], naturalised.AddresseeNumbers);
        Assert.Equal("帰化による記載", naturalised.Reason);
        Assert.False(naturalised.LateNotification);

        var now = await host.GetAsync(tenant, an, personalNumber: true);
        var r = now.Record;
        Assert.Equal(ResidentKind.Japanese, r.Kind);
        Assert.Equal("日本人住民", now.Summary.Kind);
        Assert.Equal("中村　安", now.Summary.Name);
        Assert.Equal(("東京都千代田区千代田3番", "中村安"), (r.Domicile, r.DomicileHead));
        Assert.Null(r.Foreign);
        // 標準4.5.3: 住所, 生年月日, 性別, 続柄, 外国人住民となった年月日 (→ 住民となった日), 住所を定めた年月日, 個人番号, 転入前住所.
        var b = before.Record;
        Assert.Equal((b.Address, b.BirthDate, b.Gender, b.Relationship, b.HouseholdNumber, b.MemberOrder), (r.Address, r.BirthDate, r.Gender, r.Relationship, r.HouseholdNumber, r.MemberOrder));
        Assert.Equal((April1, April1, b.PreviousAddress), (r.BecameResidentOn, r.AddressSetOn, r.PreviousAddress));
        Assert.Equal(number, now.PersonalNumber);
        Assert.Equal(["帰化による記載", "法第30条の46転入"], now.History.Select(h => h.Reason));
        Assert.Contains("帰化による消除", now.History[0].Summary);

        // Before the 帰化 the same 宛名番号 reads as the 外国人住民票.
        var asOf = await host.GetAsync(tenant, an, new DateOnly(2026, 8, 31));
        Assert.Equal(ResidentKind.Foreign, asOf.Record.Kind);
        Assert.Equal("NGUYEN VAN AN", asOf.Summary.Name);
        Assert.Equal("AB12345678CD", asOf.Record.Foreign!.CardNumber);

        // Found by the new name; the household is unchanged, the spouse still a 外国人住民.
        Assert.Equal([an], (await host.SearchAsync(tenant, new ResidentSearchRequest { Kana = "ナカムラ" })).Select(s => s.AddresseeNumber));
        Assert.Equal(["中村　安", "TRAN THI BINH"], now.Household.Select(m => m.Name));
        Assert.Equal(ResidentKind.Foreign, (await host.GetAsync(tenant, binh)).Record.Kind);

        // 取消し restores the 外国人住民票 (the version before the 帰化).
        await host.RunAsync(tenant, CancellationHandler.HandleAsync, new CancellationRequest { MovementId = naturalised.MovementId, Reason = "入力誤り" });
        var restored = await host.GetAsync(tenant, an);
        Assert.Equal((ResidentKind.Foreign, "NGUYEN VAN AN"), (restored.Record.Kind, restored.Summary.Name));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NationalityAcquisition_WritesAJapaneseRecordUnderTheSameNumber(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var arrival = await host.RunAsync(tenant, ForeignEntryHandlers.ArrivalAsync, Arrival(April1));
        var binh = arrival.AddresseeNumbers[1];
        var acquired = await host.RunAsync(tenant, NationalityHandlers.NationalityAcquisitionAsync, new NationalityAcquisitionRequest
        {
            Header = On(new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 3)), AddresseeNumber = binh,
            FamilyName = "陳", GivenName = "美", FamilyNameKana = "チン", GivenNameKana = "ミ", Domicile = "東京都千代田区千代田3番", DomicileHead = "陳美",
        });
        Assert.Equal([binh], acquired.AddresseeNumbers);
        Assert.Equal("国籍取得による記載", acquired.Reason);
        var now = await host.GetAsync(tenant, binh);
        Assert.Equal((ResidentKind.Japanese, "妻", April1), (now.Record.Kind, now.Record.Relationship, now.Record.BecameResidentOn));
        Assert.Contains("国籍取得による消除", now.History[0].Summary);
        Assert.Equal(ResidentKind.Foreign, (await host.GetAsync(tenant, binh, new DateOnly(2026, 6, 30))).Record.Kind);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NationalityLoss_WritesAForeignRecordUnderTheSameNumber_AndAStatusLaterArrivesByNotice(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var family = await host.RunAsync(tenant, MoveInHandler.HandleAsync, FamilyMoveIn(April1));
        var ichiro = family.AddresseeNumbers[2];

        var lost = await host.RunAsync(tenant, NationalityHandlers.NationalityLossAsync, new NationalityLossRequest
        {
            Header = On(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 5)), AddresseeNumber = ichiro,
            FamilyName = "山田", GivenName = "一郎", FamilyNameKana = "ヤマダ", GivenNameKana = "イチロウ",
            Foreign = Transitional("YAMADA ICHIRO"),
        });
        Assert.Equal([ichiro], lost.AddresseeNumbers);
        Assert.Equal("国籍喪失による記載", lost.Reason);
        var now = await host.GetAsync(tenant, ichiro);
        var r = now.Record;
        Assert.Equal((ResidentKind.Foreign, ForeignResidentCategory.TransitionalStay, "YAMADA ICHIRO"), (r.Kind, r.Foreign!.Category, r.Foreign.AlphabetName));
        Assert.Equal(("子", family.HouseholdNumbers[0]), (r.Relationship, r.HouseholdNumber));
        Assert.Null(r.Domicile);
        // 標準4.5.5: the 外国人住民となった年月日 is the later of the 国籍喪失日 and the 住民となった日; 住所を定めた日 is carried over.
        Assert.Equal((new DateOnly(2026, 10, 1), April1), (r.BecameResidentOn, r.AddressSetOn));
        Assert.Contains("国籍喪失による消除", now.History[0].Summary);
        var asOf = await host.GetAsync(tenant, ichiro, new DateOnly(2026, 9, 30));
        Assert.Equal((ResidentKind.Japanese, "東京都千代田区千代田1番"), (asOf.Record.Kind, asOf.Record.Domicile));

        // The 経過滞在者 obtains a status: the notice changes the 区分 and brings every item of the new one.
        await host.RunAsync(tenant, ImmigrationNoticeHandler.HandleAsync, Notice(ichiro, "入管通知による修正", new DateOnly(2026, 11, 20)) with
        {
            Category = "中長期在留者", ResidenceStatus = "日本人の配偶者等", PeriodOfStay = "1年", StayExpiresOn = new DateOnly(2027, 11, 20), CardNumber = "MN55556666OP",
        });
        var f = (await host.GetAsync(tenant, ichiro)).Record.Foreign!;
        Assert.Equal((ForeignResidentCategory.MidToLongTermResident, "日本人の配偶者等", "MN55556666OP"), (f.Category, f.ResidenceStatus, f.CardNumber));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImmigrationNotices_ChangeTheItems_AndEachIsInTheHistory(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var an = (await host.RunAsync(tenant, ForeignEntryHandlers.ArrivalAsync, Arrival(April1))).AddresseeNumbers[0];

        var changed = await host.RunAsync(tenant, ImmigrationNoticeHandler.HandleAsync, Notice(an, "在留資格変更", new DateOnly(2026, 6, 1)) with
        {
            ResidenceStatus = "経営・管理", PeriodOfStay = "5年", StayExpiresOn = new DateOnly(2031, 6, 1), CardNumber = "QR77778888ST",
        });
        Assert.Equal("在留資格変更", changed.Reason);
        Assert.False(changed.LateNotification);
        var f = (await host.GetAsync(tenant, an)).Record.Foreign!;
        Assert.Equal(("経営・管理", "5年", new DateOnly(2031, 6, 1), "QR77778888ST"), (f.ResidenceStatus, f.PeriodOfStay, f.StayExpiresOn, f.CardNumber));

        // 在留期間更新: items left empty stay as they are.
        await host.RunAsync(tenant, ImmigrationNoticeHandler.HandleAsync, Notice(an, "在留期間更新", new DateOnly(2026, 8, 1)) with { StayExpiresOn = new DateOnly(2036, 6, 1) });
        f = (await host.GetAsync(tenant, an)).Record.Foreign!;
        Assert.Equal(("経営・管理", new DateOnly(2036, 6, 1), "QR77778888ST"), (f.ResidenceStatus, f.StayExpiresOn, f.CardNumber));

        // 入管通知による修正 to 特別永住者: the 中長期 items go, the 証明書番号 comes.
        await host.RunAsync(tenant, ImmigrationNoticeHandler.HandleAsync, Notice(an, "入管通知による修正", new DateOnly(2026, 9, 1)) with
        {
            Category = "特別永住者", CardNumber = "UV99990000WX", Nationality = "韓国",
        });
        var detail = await host.GetAsync(tenant, an);
        f = detail.Record.Foreign!;
        Assert.Equal((ForeignResidentCategory.SpecialPermanentResident, null, null, null, "UV99990000WX", "韓国"),
            (f.Category, f.ResidenceStatus, f.PeriodOfStay, f.StayExpiresOn, f.CardNumber, f.Nationality));
        Assert.Equal(["入管通知による修正", "在留期間更新", "在留資格変更", "法第30条の46転入"], detail.History.Select(h => h.Reason));
        // As of a date in between, the items of that time.
        Assert.Equal("経営・管理", (await host.GetAsync(tenant, an, new DateOnly(2026, 7, 1))).Record.Foreign!.ResidenceStatus);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImmigrationRemoval_OfTheHead_GivesTheHouseholdANewHead(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var arrival = await host.RunAsync(tenant, ForeignEntryHandlers.ArrivalAsync, Arrival(April1));
        var (an, binh) = (arrival.AddresseeNumbers[0], arrival.AddresseeNumbers[1]);
        var removed = await host.RunAsync(tenant, ImmigrationRemovalHandler.HandleAsync, new ImmigrationRemovalRequest
        {
            Header = On(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 20)), AddresseeNumber = an, Kind = "出国",
            RemainingHousehold = new HeadAssignment { NewHeadAddresseeNumber = binh },
        });
        Assert.Equal("入管通知による消除", removed.Reason);
        Assert.False(removed.LateNotification); // 職権
        var r = (await host.GetAsync(tenant, an)).Record;
        Assert.Equal((ResidentStatus.Removed, new DateOnly(2026, 10, 1), MovementReasonCode.ImmigrationNoticeRemoval), (r.Status, r.RemovedOn, r.RemovalReason));
        var wife = await host.GetAsync(tenant, binh);
        Assert.Equal("世帯主", wife.Record.Relationship);
        Assert.Equal(["TRAN THI BINH"], wife.Household.Select(m => m.Name));
        Assert.Empty(await host.SearchAsync(tenant, new ResidentSearchRequest { AddresseeNumber = an }));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CommonName_EntryChangeAndDeletion_KeepEveryCommonNameInTheHistory(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var an = (await host.RunAsync(tenant, ForeignEntryHandlers.ArrivalAsync, Arrival(April1))).AddresseeNumbers[0];
        var (may1, june1, july1) = (new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 1), new DateOnly(2026, 7, 1));

        var entry = await host.RunAsync(tenant, CommonNameHandler.HandleAsync, CommonName(an, "記載", may1, "中村　安", "ナカムラ　ヤスシ"));
        Assert.Equal("通称の記載", entry.Reason);
        var f = (await host.GetAsync(tenant, an)).Record.Foreign!;
        Assert.Equal(("中村　安", "ナカムラ　ヤスシ"), (f.CommonName, f.CommonNameKana));
        // 施行令30条の27: the history names the 市町村 that recorded (and later removed) each 通称.
        const string here = "東京都千代田区";
        Assert.Equal([new CommonNameEntry("中村　安", may1, null, here)], f.CommonNameHistory);
        Assert.Equal([an], (await host.SearchAsync(tenant, new ResidentSearchRequest { Kana = "ナカムラ" })).Select(s => s.AddresseeNumber));

        // A new 通称 over the current one: the old one is closed, not lost.
        await host.RunAsync(tenant, CommonNameHandler.HandleAsync, CommonName(an, "通称の記載", june1, "中山　安", "ナカヤマ　ヤスシ"));
        f = (await host.GetAsync(tenant, an)).Record.Foreign!;
        Assert.Equal("中山　安", f.CommonName);
        Assert.Equal([new CommonNameEntry("中村　安", may1, june1, here, here), new CommonNameEntry("中山　安", june1, null, here)], f.CommonNameHistory);
        Assert.Empty(await host.SearchAsync(tenant, new ResidentSearchRequest { Kana = "ナカムラ" }));

        var deletion = await host.RunAsync(tenant, CommonNameHandler.HandleAsync, CommonName(an, "削除", july1));
        Assert.Equal("通称の削除", deletion.Reason);
        var detail = await host.GetAsync(tenant, an);
        f = detail.Record.Foreign!;
        Assert.Null(f.CommonName);
        Assert.Null(f.CommonNameKana);
        Assert.Equal([new CommonNameEntry("中村　安", may1, june1, here, here), new CommonNameEntry("中山　安", june1, july1, here, here)], f.CommonNameHistory);
        Assert.Equal(["通称の削除", "通称の記載", "通称の記載", "法第30条の46転入"], detail.History.Select(h => h.Reason));
        Assert.Equal("中村　安", (await host.GetAsync(tenant, an, new DateOnly(2026, 5, 15))).Record.Foreign!.CommonName);
    }
}
