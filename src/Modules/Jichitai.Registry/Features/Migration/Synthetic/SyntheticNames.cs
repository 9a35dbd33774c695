namespace Jichitai.Registry.Features.Migration.Synthetic;

/// <summary>A written name and its reading (全角カタカナ).</summary>
internal readonly record struct NamePart(string Text, string Kana);

/// <summary>
/// Fictional but realistic names: the common surnames of Japan roughly by frequency, given names typical of the decade of
/// birth, the variant characters a real register holds (髙・﨑・邉: in CP932 only through its NEC/IBM extensions) and
/// surnames with characters CP932 cannot hold at all (𠮷 U+20BB7, 𡈽 U+2123D: the 外字 a migration must carry).
/// </summary>
internal static class SyntheticNames
{
    /// <summary>Most frequent first; drawn with weights 1/(rank + 8).</summary>
    public static readonly NamePart[] Surnames = Parse(
        "佐藤 サトウ,鈴木 スズキ,高橋 タカハシ,田中 タナカ,伊藤 イトウ,渡辺 ワタナベ,山本 ヤマモト,中村 ナカムラ,小林 コバヤシ,加藤 カトウ," +
        "吉田 ヨシダ,山田 ヤマダ,佐々木 ササキ,山口 ヤマグチ,松本 マツモト,井上 イノウエ,木村 キムラ,林 ハヤシ,斎藤 サイトウ,清水 シミズ," +
        "山崎 ヤマザキ,森 モリ,池田 イケダ,橋本 ハシモト,阿部 アベ,石川 イシカワ,山下 ヤマシタ,中島 ナカジマ,石井 イシイ,小川 オガワ," +
        "前田 マエダ,岡田 オカダ,長谷川 ハセガワ,藤田 フジタ,後藤 ゴトウ,近藤 コンドウ,村上 ムラカミ,遠藤 エンドウ,青木 アオキ,坂本 サカモト," +
        "斉藤 サイトウ,福田 フクダ,太田 オオタ,西村 ニシムラ,藤井 フジイ,金子 カネコ,岡本 オカモト,藤原 フジワラ,中野 ナカノ,三浦 ミウラ," +
        "原田 ハラダ,中川 ナカガワ,松田 マツダ,竹内 タケウチ,小野 オノ,田村 タムラ,中山 ナカヤマ,和田 ワダ,石田 イシダ,森田 モリタ," +
        "上田 ウエダ,原 ハラ,内田 ウチダ,柴田 シバタ,酒井 サカイ,工藤 クドウ,横山 ヨコヤマ,宮崎 ミヤザキ,宮本 ミヤモト,大野 オオノ," +
        "高木 タカギ,安藤 アンドウ,丸山 マルヤマ,今井 イマイ,河野 コウノ,小島 コジマ,村田 ムラタ,武田 タケダ,上野 ウエノ,杉山 スギヤマ," +
        "増田 マスダ,小山 コヤマ,大塚 オオツカ,平野 ヒラノ,菅原 スガワラ,久保 クボ,松井 マツイ,千葉 チバ,岩崎 イワサキ,桜井 サクライ," +
        "野口 ノグチ,木下 キノシタ,松尾 マツオ,菊地 キクチ,野村 ノムラ,新井 アライ,渡部 ワタナベ,佐野 サノ,杉本 スギモト,古川 フルカワ");

    /// <summary>Variant forms kept by their bearers: 髙 and 﨑 are CP932 only through the NEC/IBM extensions.</summary>
    public static readonly NamePart[] VariantSurnames = Parse("髙橋 タカハシ,山﨑 ヤマザキ,渡邉 ワタナベ,渡邊 ワタナベ,齋藤 サイトウ,髙木 タカギ,宮﨑 ミヤザキ,岩﨑 イワサキ");

    /// <summary>Outside CP932 entirely (JIS X 0213 第3・4水準 / CJK Extension B): the real 外字 cases.</summary>
    public static readonly NamePart[] GaijiSurnames = Parse("𠮷田 ヨシダ,𠮷川 ヨシカワ,𠮷村 ヨシムラ,𡈽屋 ツチヤ,𡈽井 ツチイ,𠮷岡 ヨシオカ");

    private static readonly NamePart[][] MaleNames =
    [
        Parse("清 キヨシ,茂 シゲル,実 ミノル,勇 イサム,博 ヒロシ,進 ススム,正 タダシ,武 タケシ,昭 アキラ,勝 マサル,稔 ミノル,三郎 サブロウ"),
        Parse("誠 マコト,浩 ヒロシ,健一 ケンイチ,隆 タカシ,学 マナブ,修 オサム,一郎 イチロウ,和彦 カズヒコ,哲也 テツヤ,直樹 ナオキ,剛 ツヨシ,秀樹 ヒデキ"),
        Parse("大輔 ダイスケ,拓也 タクヤ,翔太 ショウタ,健太 ケンタ,達也 タツヤ,和也 カズヤ,直人 ナオト,大樹 ダイキ,亮 リョウ,雄太 ユウタ,翼 ツバサ,拓海 タクミ"),
        Parse("蓮 レン,悠真 ユウマ,陽翔 ハルト,湊 ミナト,大翔 ヒロト,蒼 アオイ,樹 イツキ,朝陽 アサヒ,颯太 ソウタ,陽太 ヒナタ,悠人 ユウト,律 リツ"),
    ];

    private static readonly NamePart[][] FemaleNames =
    [
        Parse("和子 カズコ,幸子 サチコ,節子 セツコ,洋子 ヨウコ,弘子 ヒロコ,京子 キョウコ,美代子 ミヨコ,久子 ヒサコ,千代 チヨ,静江 シズエ,文子 フミコ,照子 テルコ"),
        Parse("久美子 クミコ,恵子 ケイコ,由美子 ユミコ,裕子 ユウコ,直美 ナオミ,真由美 マユミ,明美 アケミ,智子 トモコ,陽子 ヨウコ,典子 ノリコ,純子 ジュンコ,美穂 ミホ"),
        Parse("愛 アイ,彩 アヤ,麻衣 マイ,恵 メグミ,舞 マイ,沙織 サオリ,千尋 チヒロ,早紀 サキ,優子 ユウコ,美咲 ミサキ,彩香 アヤカ,真由 マユ"),
        Parse("陽葵 ヒマリ,結衣 ユイ,凛 リン,芽依 メイ,葵 アオイ,紬 ツムギ,さくら サクラ,結菜 ユイナ,杏 アン,莉子 リコ,澪 ミオ,心春 コハル"),
    ];

    public static NamePart Given(Random random, int gender, DateOnly birth)
    {
        var generation = birth.Year switch { < 1950 => 0, < 1980 => 1, < 2000 => 2, _ => 3 };
        var names = gender == 1 ? MaleNames[generation] : FemaleNames[generation];
        return names[random.Next(names.Length)];
    }

    private static readonly double[] SurnameWeights = CumulativeWeights(Surnames.Length);

    /// <summary>A surname by frequency; 1 in 100 a variant form, <paramref name="gaijiRate"/> a surname outside CP932.</summary>
    public static NamePart Surname(Random random, double gaijiRate)
    {
        var roll = random.NextDouble();
        if (roll < gaijiRate) return GaijiSurnames[random.Next(GaijiSurnames.Length)];
        if (roll < gaijiRate + 0.01) return VariantSurnames[random.Next(VariantSurnames.Length)];
        var index = Array.BinarySearch(SurnameWeights, random.NextDouble());
        return Surnames[Math.Min(index < 0 ? ~index : index, Surnames.Length - 1)];
    }

    private static double[] CumulativeWeights(int count)
    {
        var weights = new double[count];
        var total = 0.0;
        for (var i = 0; i < count; i++) total += 1.0 / (i + 8);
        var sum = 0.0;
        for (var i = 0; i < count; i++) weights[i] = (sum += 1.0 / (i + 8) / total);
        return weights;
    }

    private static NamePart[] Parse(string list) =>
        list.Split(',').Select(e => e.Split(' ')).Select(p => new NamePart(p[0], p[1])).ToArray();
}
