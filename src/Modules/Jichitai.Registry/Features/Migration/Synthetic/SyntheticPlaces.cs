namespace Jichitai.Registry.Features.Migration.Synthetic;

/// <summary>An address in the fictional municipality: 町字, 番地, 方書 and the town's 郵便番号.</summary>
internal sealed record SyntheticAddress(string Town, string Block, string Building, string PostalCode);

/// <summary>The fictional 東京都デモ市 (139998): its 町字 with their 丁目 and 郵便番号, apartment names, and places elsewhere.</summary>
internal static class SyntheticPlaces
{
    public const string Prefecture = "東京都";
    public const string Municipality = "デモ市";

    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六"];

    /// <summary>(町字, 郵便番号): a few dozen towns, most divided into 丁目, one 郵便番号 per town.</summary>
    public static readonly (string Town, string PostalCode)[] Towns = BuildTowns();

    private static (string, string)[] BuildTowns()
    {
        var towns = new (string Name, int Chome)[]
        {
            ("本町", 4), ("緑町", 3), ("桜ケ丘", 5), ("港町", 4), ("旭町", 5), ("中央", 3), ("栄町", 3), ("若葉", 4), ("東町", 2),
            ("西町", 2), ("南町", 3), ("北町", 2), ("青葉台", 4), ("松が丘", 3), ("富士見", 3), ("日の出町", 2), ("宮前", 3),
            ("大和町", 2), ("昭和町", 3), ("新町", 2), ("元町", 3), ("住吉町", 2), ("川端町", 2), ("泉町", 3), ("大字北野", 0),
            ("大字西原", 0), ("緑が丘", 4), ("平和台", 3), ("朝日が丘", 3), ("白山", 2),
        };
        var result = new List<(string, string)>();
        for (var t = 0; t < towns.Length; t++)
        {
            var postal = $"1000{t + 10:D3}";
            if (towns[t].Chome == 0) result.Add((towns[t].Name, postal));
            for (var c = 0; c < towns[t].Chome; c++) result.Add((towns[t].Name + Numerals[c] + "丁目", postal));
        }
        return result.ToArray();
    }

    private static readonly string[] Buildings =
    [
        "デモハイツ", "コーポ緑", "グランドメゾン本町", "サンシャイン港", "パークハウス旭", "メゾン桜", "ライオンズマンションデモ", "レジデンス中央",
        "ハイツ若葉", "シティハイム栄", "アーバンコート", "ベルメゾン", "エステート泉", "コスモ青葉台", "フォレスト松が丘", "デモ市営住宅",
    ];

    public static SyntheticAddress Address(Random random)
    {
        var (town, postal) = Towns[random.Next(Towns.Length)];
        var chiban = town.StartsWith("大字", StringComparison.Ordinal);
        var block = chiban ? $"{random.Next(1, 2000)}番地" : $"{random.Next(1, 31)}番{random.Next(1, 26)}号";
        // About 30% live in apartments: 方書 = building name + room.
        var building = random.NextDouble() < 0.30 ? $"{Buildings[random.Next(Buildings.Length)]}{random.Next(1, 9)}{random.Next(1, 13):D2}" : "";
        return new SyntheticAddress(town, block, building, postal);
    }

    /// <summary>Where 転入 came from and 転出 went: real places, fictional 番地.</summary>
    private static readonly string[] Elsewhere =
    [
        "北海道札幌市中央区北一条西二丁目", "宮城県仙台市青葉区国分町三丁目", "埼玉県さいたま市浦和区常盤六丁目", "千葉県千葉市中央区中央四丁目",
        "東京都千代田区千代田", "東京都新宿区西新宿二丁目", "東京都世田谷区世田谷四丁目", "神奈川県横浜市中区港町一丁目",
        "神奈川県川崎市川崎区宮本町", "新潟県新潟市中央区学校町通一番町", "静岡県静岡市葵区追手町", "愛知県名古屋市中区三の丸三丁目",
        "京都府京都市中京区寺町通御池上る上本能寺前町", "大阪府大阪市北区中之島一丁目", "兵庫県神戸市中央区加納町六丁目",
        "広島県広島市中区国泰寺町一丁目", "福岡県福岡市中央区天神一丁目", "沖縄県那覇市泉崎一丁目",
    ];

    public static string ElsewhereAddress(Random random) => $"{Elsewhere[random.Next(Elsewhere.Length)]}{random.Next(1, 30)}番{random.Next(1, 20)}号";

    /// <summary>A 本籍: one in three in the city itself, else elsewhere (本籍 is a 地番: "…1番地").</summary>
    public static string Domicile(Random random) => random.Next(3) == 0
        ? $"{Prefecture}{Municipality}{Towns[random.Next(Towns.Length)].Town}{random.Next(1, 40)}番地"
        : $"{Elsewhere[random.Next(Elsewhere.Length)]}{random.Next(1, 40)}番地";

    public static readonly string[] AbroadCountries = ["アメリカ合衆国", "英国", "シンガポール", "ドイツ", "オーストラリア", "タイ"];

    public static readonly string[] Staff = ["窓口　一郎", "市民　花子", "住記　太郎", "戸籍　恵", "本町　誠", "緑川　美咲"];

    public static readonly string[] Offices = ["本庁市民課", "北出張所", "南出張所", "駅前サービスコーナー"];
}
