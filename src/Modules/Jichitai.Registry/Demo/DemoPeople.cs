using Jichitai.Registry.Features.MoveIn;
using Jichitai.Registry.Movements;

namespace Jichitai.Registry.Demo;

internal sealed record DemoFamily(string FamilyName, string FamilyNameKana, DateOnly MoveInOn, AddressInput Address, (string Address, string Issuer) PreviousAddress, List<PersonInput> Members)
{
    public MoveInRequest ToMoveIn() => new()
    {
        Header = new MovementHeader { EffectiveOn = MoveInOn, NotifiedOn = MoveInOn.AddDays(MoveInOn.Day % 5 == 0 ? 20 : 3) },
        Kind = "通常",
        Address = Address,
        PreviousAddress = new PreviousAddressInput { Text = PreviousAddress.Address, CertificateIssuer = PreviousAddress.Issuer },
        Members = Members,
        DuplicateConfirmed = true,
    };
}

/// <summary>Fictional names and addresses. Family names include characters outside JIS X 0208 on purpose.</summary>
internal static class DemoPeople
{
    private static readonly (string Name, string Kana)[] FamilyNames =
    [
        ("佐藤", "サトウ"), ("鈴木", "スズキ"), ("高橋", "タカハシ"), ("髙橋", "タカハシ"), ("田中", "タナカ"), ("伊藤", "イトウ"),
        ("渡辺", "ワタナベ"), ("渡邉", "ワタナベ"), ("渡邊", "ワタナベ"), ("山本", "ヤマモト"), ("中村", "ナカムラ"), ("小林", "コバヤシ"),
        ("加藤", "カトウ"), ("吉田", "ヨシダ"), ("𠮷田", "ヨシダ"), ("山田", "ヤマダ"), ("佐々木", "ササキ"), ("山口", "ヤマグチ"),
        ("松本", "マツモト"), ("井上", "イノウエ"), ("木村", "キムラ"), ("林", "ハヤシ"), ("斎藤", "サイトウ"), ("齋藤", "サイトウ"),
        ("清水", "シミズ"), ("山崎", "ヤマザキ"), ("山﨑", "ヤマザキ"), ("森", "モリ"), ("池田", "イケダ"), ("橋本", "ハシモト"),
        ("浜田", "ハマダ"), ("濵田", "ハマダ"), ("長谷川", "ハセガワ"), ("石川", "イシカワ"), ("前田", "マエダ"), ("藤田", "フジタ"),
    ];
    private static readonly (string Name, string Kana)[] MaleNames =
        [("太郎", "タロウ"), ("一郎", "イチロウ"), ("健", "ケン"), ("翔", "ショウ"), ("大輔", "ダイスケ"), ("誠", "マコト"), ("悠真", "ユウマ"), ("蓮", "レン"), ("浩二", "コウジ"), ("修", "オサム")];
    private static readonly (string Name, string Kana)[] FemaleNames =
        [("花子", "ハナコ"), ("陽子", "ヨウコ"), ("美咲", "ミサキ"), ("結衣", "ユイ"), ("さくら", "サクラ"), ("恵", "メグミ"), ("葵", "アオイ"), ("真由美", "マユミ"), ("凜", "リン"), ("和子", "カズコ")];
    private static readonly string[] Towns = ["デモ市本町一丁目", "デモ市本町二丁目", "デモ市緑町一丁目", "デモ市桜ケ丘三丁目", "デモ市港町四丁目", "デモ市旭町五丁目"];
    private static readonly (string Address, string Issuer)[] Previous =
    [
        ("東京都千代田区千代田1番1号", "千代田区"), ("神奈川県川崎市川崎区宮本町1番地", "川崎市"), ("埼玉県さいたま市浦和区常盤六丁目4番4号", "さいたま市"),
        ("大阪府大阪市北区中之島一丁目3番20号", "大阪市"), ("北海道札幌市中央区北1条西2丁目", "札幌市"),
    ];

    public static string ChildName(int i) => i % 2 == 0 ? FemaleNames[i % FemaleNames.Length].Name : MaleNames[i % MaleNames.Length].Name;
    public static string ChildNameKana(int i) => i % 2 == 0 ? FemaleNames[i % FemaleNames.Length].Kana : MaleNames[i % MaleNames.Length].Kana;

    public static List<DemoFamily> Families(Random random, int count)
    {
        var families = new List<DemoFamily>();
        for (var i = 0; i < count; i++)
        {
            var (family, kana) = FamilyNames[random.Next(FamilyNames.Length)];
            var moveIn = new DateOnly(2008, 4, 1).AddDays(random.Next(0, 6200));
            var headBirth = new DateOnly(1940, 1, 1).AddDays(random.Next(0, 20000));
            var members = new List<PersonInput>();
            var (hn, hk) = MaleNames[random.Next(MaleNames.Length)];
            members.Add(Person(family, kana, hn, hk, headBirth, "男", "世帯主"));
            var shape = random.Next(10);
            if (shape >= 2)
            {
                var (wn, wk) = FemaleNames[random.Next(FemaleNames.Length)];
                members.Add(Person(family, kana, wn, wk, headBirth.AddDays(random.Next(-1500, 1500)), "女", "妻"));
            }
            for (var c = 0; c < (shape >= 5 ? random.Next(1, 4) : 0); c++)
            {
                var girl = random.Next(2) == 0;
                var (cn, ck) = girl ? FemaleNames[random.Next(FemaleNames.Length)] : MaleNames[random.Next(MaleNames.Length)];
                var birth = headBirth.AddYears(random.Next(24, 38)).AddDays(random.Next(0, 365));
                if (birth >= moveIn) birth = moveIn.AddYears(-1).AddDays(-random.Next(0, 300));
                if (members.Any(m => m.GivenName == cn)) continue;
                members.Add(Person(family, kana, cn, ck, birth, girl ? "女" : "男", "子"));
            }
            _ = random.Next(0, 8); // was a random 郵便番号; drawn still so that every later name and date stays as before
            var town = DemoAddresses.For(Towns[random.Next(Towns.Length)]);
            var address = new AddressInput
            {
                // From the demo 住所辞書: the 郵便番号 and 住所コード of the 町字 (standard 1.3.3).
                PostalCode = town.PostalCode,
                AddressCode = town.Code,
                Town = DemoAddresses.Municipality + town.Name,
                BlockNumber = $"{random.Next(1, 30)}番{random.Next(1, 20)}号",
                Building = random.Next(4) == 0 ? $"デモマンション{random.Next(1, 9)}0{random.Next(1, 6)}" : null,
            };
            families.Add(new DemoFamily(family, kana, moveIn, address, Previous[random.Next(Previous.Length)], members));
        }
        return families;
    }

    private static PersonInput Person(string family, string familyKana, string given, string givenKana, DateOnly birth, string gender, string relationship) => new()
    {
        FamilyName = family, GivenName = given, FamilyNameKana = familyKana, GivenNameKana = givenKana, KanaConfirmed = true,
        BirthDate = birth, Gender = gender, Relationship = relationship, Domicile = "東京都デモ市本町一丁目1番地", DomicileHead = family + given,
    };

    /// <summary>One foreign resident of each category of 住基法30条の45, each as a single-person household.</summary>
    public static IEnumerable<MoveInRequest> ForeignResidents()
    {
        var people = new (string Alphabet, string? Kanji, string Kana, string Nationality, string Category, string? Status, string? Period, DateOnly? Expiry, string? Card, DateOnly Birth, string Gender)[]
        {
            ("NGUYEN VAN AN", null, "グエン　ヴァン　アン", "ベトナム", "中長期在留者", "技術・人文知識・国際業務", "3年", new DateOnly(2027, 9, 30), "AB12345678CD", new DateOnly(1996, 5, 12), "男"),
            ("KIM MINJI", "金　敏智", "キム　ミンジ", "韓国", "特別永住者", null, null, null, "EF23456789GH", new DateOnly(1978, 11, 3), "女"),
            ("SMITH JOHN", null, "スミス　ジョン", "英国", "一時庇護許可者", null, "6月", new DateOnly(2026, 12, 31), null, new DateOnly(1990, 2, 28), "男"),
            ("SANTOS MARIA", null, "サントス　マリア", "ブラジル", "仮滞在許可者", null, null, new DateOnly(2027, 3, 31), null, new DateOnly(1985, 7, 7), "女"),
            ("WANG WEI", "王　偉", "ワン　ウェイ", "中国", "経過滞在者", null, null, null, null, new DateOnly(2000, 1, 20), "男"),
            ("PEREZ CARLOS", null, "ペレス　カルロス", "ペルー", "中長期在留者", "永住者", null, new DateOnly(2030, 6, 15), "IJ34567890KL", new DateOnly(1969, 9, 9), "男"),
        };
        var day = new DateOnly(2025, 10, 1);
        foreach (var p in people)
        {
            day = day.AddDays(11);
            var kanji = p.Kanji?.Split('　');
            var kana = p.Kana.Split('　');
            yield return new MoveInRequest
            {
                Header = new MovementHeader { EffectiveOn = day, NotifiedOn = day.AddDays(2) },
                Kind = p.Category == "特別永住者" ? "通常" : "国外",
                Address = new AddressInput { PostalCode = "100-0015", AddressCode = "13999004004", Town = "デモ市港町四丁目", BlockNumber = "2番1号", Building = $"港ハイツ{day.Day}号" },
                PreviousAddress = new PreviousAddressInput { Text = p.Category == "特別永住者" ? "大阪府大阪市生野区中川西一丁目1番1号" : p.Nationality, Abroad = p.Category != "特別永住者", CertificateIssuer = p.Category == "特別永住者" ? "大阪市" : null },
                DuplicateConfirmed = true,
                Members =
                [
                    new PersonInput
                    {
                        FamilyName = kanji?[0], GivenName = kanji?[1], FamilyNameKana = kana[0], GivenNameKana = kana.Length > 1 ? kana[^1] : "",
                        BirthDate = p.Birth, Gender = p.Gender, Relationship = "世帯主",
                        Foreign = new ForeignInput
                        {
                            AlphabetName = p.Alphabet, Nationality = p.Nationality, Category = p.Category, ResidenceStatus = p.Status,
                            PeriodOfStay = p.Period, StayExpiresOn = p.Expiry, CardNumber = p.Card,
                            CommonName = p.Alphabet == "KIM MINJI" ? "金田　美智" : null, CommonNameKana = p.Alphabet == "KIM MINJI" ? "カネダ　ミチ" : null,
                        },
                    },
                ],
            };
        }
    }
}
