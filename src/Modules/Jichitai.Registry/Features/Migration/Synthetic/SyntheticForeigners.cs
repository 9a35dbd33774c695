namespace Jichitai.Registry.Features.Migration.Synthetic;

/// <summary>One name part of a foreign resident: Latin letters, and for Chinese and Korean names the 漢字 with its reading.</summary>
internal readonly record struct ForeignNamePart(string Latin, string? Kanji, string? Kana);

/// <summary>A nationality with its share among foreign residents and typical names (the larger communities in Japan).</summary>
internal sealed record Nationality(string Name, double Weight, ForeignNamePart[] Families, ForeignNamePart[] Male, ForeignNamePart[] Female);

/// <summary>Foreign residents' names, nationalities and 在留資格 (出入国管理及び難民認定法 別表).</summary>
internal static class SyntheticForeigners
{
    public static readonly Nationality[] Nationalities =
    [
        new("中国", 0.28, P("WANG 王 ワン,LI 李 リ,ZHANG 張 チャン,LIU 劉 リュウ,CHEN 陳 チン,YANG 楊 ヤン"),
            P("WEI 偉 ウェイ,QIANG 強 チアン,JUN 軍 ジュン,HAO 浩 ハオ"), P("NA 娜 ナ,JING 静 ジン,LI 麗 リー,FANG 芳 ファン")),
        new("ベトナム", 0.22, P("NGUYEN,TRAN,LE,PHAM,HOANG,VU"), P("VAN AN,DUC MINH,QUANG HUY,THANH TUNG"), P("THI LAN,THI HOA,NGOC ANH,THU TRANG")),
        new("韓国", 0.14, P("KIM 金 キム,LEE 李 イ,PARK 朴 パク,CHOI 崔 チェ,JUNG 鄭 チョン"),
            P("MINJUN 敏俊 ミンジュン,JAEHOON 在勲 ジェフン,SUNGHO 成浩 ソンホ"), P("MINJI 敏智 ミンジ,JIEUN 智恩 ジウン,SOYOUNG 秀英 スヨン")),
        new("フィリピン", 0.10, P("SANTOS,REYES,CRUZ,BAUTISTA,GARCIA"), P("JOSE,MARK,JOHN PAUL"), P("MARIA,ANGELICA,KRISTINE")),
        new("ブラジル", 0.07, P("SILVA,SANTOS,OLIVEIRA,SOUZA"), P("LUCAS,GABRIEL,RAFAEL"), P("ANA,JULIANA,FERNANDA")),
        new("ネパール", 0.07, P("GURUNG,TAMANG,SHRESTHA,RAI"), P("RAM,BIKASH,SANJAY"), P("SITA,ANJALI,PRAMILA")),
        new("インドネシア", 0.05, P("SAPUTRA,WIJAYA,SANTOSO"), P("BUDI,AGUS,RIZKY"), P("SITI,DEWI,PUTRI")),
        new("米国", 0.04, P("SMITH,JOHNSON,BROWN,MILLER"), P("JOHN,MICHAEL,DAVID"), P("EMILY,SARAH,JESSICA")),
        new("ペルー", 0.03, P("PEREZ,RAMIREZ,FLORES"), P("CARLOS,JORGE,LUIS"), P("ROSA,CARMEN,LUCIA")),
    ];

    private static readonly double[] Cumulative = Accumulate(Nationalities.Select(n => n.Weight).ToArray());

    public static Nationality PickNationality(Random random)
    {
        var i = Array.BinarySearch(Cumulative, random.NextDouble() * Cumulative[^1]);
        return Nationalities[Math.Min(i < 0 ? ~i : i, Nationalities.Length - 1)];
    }

    public static Nationality Korea => Nationalities[2];

    /// <summary>在留資格 of 中長期在留者 with the 在留期間 granted (years; 0 = 無期限).</summary>
    public static readonly (string Status, int Years, double Weight)[] Statuses =
    [
        ("永住者", 0, 0.30), ("技術・人文知識・国際業務", 3, 0.15), ("留学", 2, 0.12), ("技能実習", 1, 0.12), ("特定技能", 1, 0.08),
        ("家族滞在", 3, 0.09), ("日本人の配偶者等", 3, 0.06), ("定住者", 5, 0.05), ("永住者の配偶者等", 3, 0.03),
    ];

    private static readonly double[] StatusCumulative = Accumulate(Statuses.Select(s => s.Weight).ToArray());

    public static (string Status, int Years) PickStatus(Random random)
    {
        var i = Array.BinarySearch(StatusCumulative, random.NextDouble() * StatusCumulative[^1]);
        var s = Statuses[Math.Min(i < 0 ? ~i : i, Statuses.Length - 1)];
        return (s.Status, s.Years);
    }

    /// <summary>在留カード等の番号: 2 letters, 8 digits, 2 letters (出入国管理及び難民認定法施行規則19条の6).</summary>
    public static string CardNumber(Random random)
    {
        Span<char> c = stackalloc char[12];
        for (var i = 0; i < 12; i++) c[i] = i is >= 2 and < 10 ? (char)('0' + random.Next(10)) : (char)('A' + random.Next(26));
        return new string(c);
    }

    internal static double[] Accumulate(double[] weights)
    {
        var sum = 0.0;
        return weights.Select(w => sum += w).ToArray();
    }

    private static ForeignNamePart[] P(string list) => list.Split(',').Select(e =>
    {
        var p = e.Split(' ');
        // "VAN AN" (two Latin words) has no 漢字; a 漢字 entry is "LATIN 漢字 カナ".
        return p.Length == 3 && p[1][0] > 0x2E80 ? new ForeignNamePart(p[0], p[1], p[2]) : new ForeignNamePart(e, null, null);
    }).ToArray();
}
