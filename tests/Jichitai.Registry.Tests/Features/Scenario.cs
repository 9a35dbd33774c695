using Jichitai.Registry.Features.MoveIn;
using Jichitai.Registry.Movements;

namespace Jichitai.Registry.Tests.Features;

/// <summary>Builders of valid requests, so each test states only what it is about.</summary>
internal static class Scenario
{
    public static MovementHeader On(DateOnly effective, DateOnly? notified = null) => new() { EffectiveOn = effective, NotifiedOn = notified ?? effective };

    public static AddressInput Address(string block = "1番1号", string town = "千代田区千代田") => new() { PostalCode = "100-0001", Town = town, BlockNumber = block };

    public static PersonInput Person(string family, string given, string kana, string givenKana, DateOnly birth, string gender, string relationship, string? personalNumber = null) => new()
    {
        FamilyName = family, GivenName = given, FamilyNameKana = kana, GivenNameKana = givenKana, BirthDate = birth, Gender = gender,
        Relationship = relationship, PersonalNumber = personalNumber, Domicile = "東京都千代田区千代田1番", DomicileHead = family + given,
    };

    /// <summary>転入 of 山田 太郎 (head), 花子 (妻) and 一郎 (子) from 川崎市.</summary>
    public static MoveInRequest FamilyMoveIn(DateOnly effective, DateOnly? notified = null, string family = "山田", string kana = "ヤマダ") => new()
    {
        Header = On(effective, notified),
        Kind = "通常",
        Address = Address(),
        PreviousAddress = new PreviousAddressInput { Text = "神奈川県川崎市川崎区宮本町1番地", CertificateIssuer = "川崎市" },
        Members =
        [
            Person(family, "太郎", kana, "タロウ", new DateOnly(1980, 5, 1), "男", "世帯主"),
            Person(family, "花子", kana, "ハナコ", new DateOnly(1982, 7, 7), "女", "妻"),
            Person(family, "一郎", kana, "イチロウ", new DateOnly(2010, 1, 15), "男", "子"),
        ],
    };
}
