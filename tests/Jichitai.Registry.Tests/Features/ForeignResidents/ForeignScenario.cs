using Jichitai.Registry.Domain.Numbering;
using Jichitai.Registry.Features.ForeignResidents;
using Jichitai.Registry.Movements;
using static Jichitai.Registry.Tests.Features.Scenario;

namespace Jichitai.Registry.Tests.Features.ForeignResidents;

/// <summary>Builders of valid 外国人住民 requests, so each test states only what it is about.</summary>
internal static class ForeignScenario
{
    public static readonly DateOnly April1 = new(2026, 4, 1);

    public static string ValidPersonalNumber(string first11) => first11 + PersonalNumber.CheckDigit(first11);

    /// <summary>中長期在留者 (技術・人文知識・国際業務, 3年, expiring 2029-03-31).</summary>
    public static ForeignInput MidToLong(string alphabet = "NGUYEN VAN AN", string card = "AB12345678CD", DateOnly? expires = null,
        string status = "技術・人文知識・国際業務", string? commonName = null, string? commonNameKana = null) => new()
    {
        AlphabetName = alphabet, Nationality = "ベトナム", Category = "中長期在留者", ResidenceStatus = status, PeriodOfStay = "3年",
        StayExpiresOn = expires ?? new DateOnly(2029, 3, 31), CardNumber = card, CommonName = commonName, CommonNameKana = commonNameKana,
    };

    /// <summary>経過滞在者 (出生又は国籍喪失): no 在留資格, no card.</summary>
    public static ForeignInput Transitional(string alphabet, string nationality = "アメリカ合衆国") => new()
    {
        AlphabetName = alphabet, Nationality = nationality, Category = "経過滞在者",
    };

    public static PersonInput ForeignPerson(ForeignInput foreign, DateOnly birth, string gender, string relationship, string? personalNumber = null) => new()
    {
        BirthDate = birth, Gender = gender, Relationship = relationship, PersonalNumber = personalNumber, Foreign = foreign,
    };

    /// <summary>法第30条の46転入 of NGUYEN VAN AN (head) and TRAN THI BINH (妻), address set on <paramref name="effective"/>.</summary>
    public static ForeignArrivalRequest Arrival(DateOnly effective, DateOnly? notified = null, string? headPersonalNumber = null) => new()
    {
        Header = On(effective, notified),
        Address = Address("3番3号"),
        PreviousAddress = "ベトナム社会主義共和国ハノイ市",
        LandedOn = effective.AddDays(-2),
        Members =
        [
            ForeignPerson(MidToLong(), new DateOnly(1990, 2, 3), "男", "世帯主", headPersonalNumber),
            ForeignPerson(MidToLong("TRAN THI BINH", "CD87654321EF", status: "家族滞在"), new DateOnly(1992, 8, 9), "女", "妻"),
        ],
    };

    /// <summary>One 外国人住民 arriving alone with <paramref name="foreign"/>.</summary>
    public static ForeignArrivalRequest ArrivalOf(ForeignInput foreign, DateOnly effective, DateOnly? birth = null) => new()
    {
        Header = On(effective),
        Address = Address("4番4号"),
        Members = [ForeignPerson(foreign, birth ?? new DateOnly(1985, 1, 1), "女", "世帯主")],
    };

    public static ImmigrationNoticeRequest Notice(string addresseeNumber, string kind, DateOnly effective) => new()
    {
        Header = On(effective), AddresseeNumber = addresseeNumber, Kind = kind,
    };

    public static NaturalisationRequest Naturalisation(string addresseeNumber, DateOnly effective) => new()
    {
        Header = On(effective), AddresseeNumber = addresseeNumber,
        FamilyName = "中村", GivenName = "安", FamilyNameKana = "ナカムラ", GivenNameKana = "ヤスシ", KanaConfirmed = true,
        Domicile = "東京都千代田区千代田3番", DomicileHead = "中村安",
    };

    public static CommonNameRequest CommonName(string addresseeNumber, string kind, DateOnly effective, string? name = null, string? kana = null) => new()
    {
        Header = On(effective), AddresseeNumber = addresseeNumber, Kind = kind, CommonName = name, CommonNameKana = kana,
    };
}
