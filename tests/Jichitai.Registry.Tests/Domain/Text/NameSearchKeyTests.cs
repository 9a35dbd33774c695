using Jichitai.Registry.Domain.Text;

namespace Jichitai.Registry.Tests.Domain.Text;

public class NameSearchKeyTests
{
    [Theory]
    // width and script
    [InlineData("ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダタロウ")]
    [InlineData("やまだ　たろう", "ヤマダタロウ")]
    [InlineData("ﾊﾟﾝ", "パン")]
    [InlineData("ｳﾞｨﾀ", "ヴィタ")]
    [InlineData("カ゛ク", "ガク")]
    [InlineData("ゝゞ", "ヽヾ")]
    [InlineData("ＳＭＩＴＨ　ｊｏｈｎ", "SMITHJOHN")]
    [InlineData("Smith  John", "SMITHJOHN")]
    [InlineData("本町１丁目", "本町1丁目")]
    // separators in foreign names
    [InlineData("ジョン・スミス", "ジョンスミス")]
    [InlineData("ｼﾞｮﾝ･ｽﾐｽ", "ジョンスミス")]
    [InlineData("ジョン＝スミス", "ジョンスミス")]
    [InlineData("ジョン\tスミス", "ジョンスミス")]
    // ヶ ヵ, but small kana stay
    [InlineData("霞ヶ関", "霞ケ関")]
    [InlineData("霞ヵ関", "霞ケ関")]
    [InlineData("かすみがせき", "カスミガセキ")]
    [InlineData("キャッシュ", "キャッシュ")]
    // dashes: ー after kana, '-' elsewhere
    [InlineData("ラーメン", "ラーメン")]
    [InlineData("ラ-メン", "ラーメン")]
    [InlineData("ラ‐メン", "ラーメン")]
    [InlineData("ラ−メン", "ラーメン")]
    [InlineData("ラ－メン", "ラーメン")]
    [InlineData("ラｰメン", "ラーメン")]
    [InlineData("ラ―メン", "ラーメン")]
    [InlineData("ら-めん", "ラーメン")]
    [InlineData("１－２－３", "1-2-3")]
    [InlineData("本町1ー2", "本町1-2")]
    [InlineData("A‐1", "A-1")]
    // 異体字
    [InlineData("髙橋", "高橋")]
    [InlineData("山\uFA11", "山崎")]
    [InlineData("山嵜", "山崎")]
    [InlineData("\U00020BB7田", "吉田")]
    [InlineData("渡邉", "渡辺")]
    [InlineData("渡邊", "渡辺")]
    [InlineData("濵田", "浜田")]
    [InlineData("濱田", "浜田")]
    [InlineData("中澤", "中沢")]
    [InlineData("齋藤", "斎藤")]
    [InlineData("齊藤", "斉藤")]
    [InlineData("櫻井", "桜井")]
    [InlineData("嶋田", "島田")]
    // a variation selector (IVS) only picks a glyph
    [InlineData("斉\U000E0103藤", "斉藤")]
    public void Normalize_GivesTheSearchKey(string input, string expected) =>
        Assert.Equal(expected, NameSearchKey.Normalize(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \u3000\t")]
    public void Normalize_OfNothing_IsEmpty(string? input) => Assert.Equal("", NameSearchKey.Normalize(input));

    [Fact]
    public void Normalize_KeepsSupplementaryCharactersWhole()
    {
        // 𩸽 (ほっけ, U+29E3D) is not in the table: both halves of the pair must survive untouched.
        Assert.Equal("\U00029E3D", NameSearchKey.Normalize("\U00029E3D"));
        Assert.Equal("吉", NameSearchKey.Normalize("\U00020BB7"));
        Assert.Equal("吉\U00029E3D吉", NameSearchKey.Normalize("\U00020BB7\U00029E3D\U00020BB7"));
    }

    [Fact]
    public void Normalize_TurnsEveryHiraganaIntoItsKatakana()
    {
        for (var c = 'ぁ'; c <= 'ゔ'; c++)
            Assert.Equal(((char)(c + 0x60)).ToString(), NameSearchKey.Normalize(c.ToString()));
    }

    [Fact]
    public void Normalize_KeepsSaiAndSeiApart()
    {
        // 斎 (齋) and 斉 (齊) are different characters; only each one's old form is folded.
        Assert.NotEqual(NameSearchKey.Normalize("齋藤"), NameSearchKey.Normalize("齊藤"));
        Assert.Equal(NameSearchKey.Normalize("斎藤"), NameSearchKey.Normalize("齋藤"));
        Assert.Equal(NameSearchKey.Normalize("斉藤"), NameSearchKey.Normalize("齊藤"));
    }

    [Theory]
    [InlineData("ﾔﾏﾀﾞ ﾀﾛｳ")]
    [InlineData("𠮷田　ｼﾞｮﾝ・ｽﾐｽ ら-めん 霞ヶ関１－２")]
    [InlineData("渡邊 髙 﨑 齋")]
    public void Normalize_IsIdempotent(string input)
    {
        var once = NameSearchKey.Normalize(input);
        Assert.Equal(once, NameSearchKey.Normalize(once));
    }

    // 標準2.1.2 (j330) examples, each pair must give one key.
    [Theory]
    [InlineData("ヂ", "ジ")]
    [InlineData("ズ", "ヅ")]
    [InlineData("ワ", "ハ")]
    [InlineData("ヴァ", "バ")]
    [InlineData("ヴィ", "ビ")]
    [InlineData("ヴ", "ブ")]
    [InlineData("オ", "ヲ")]
    [InlineData("ヒ", "ピ")]
    [InlineData("ッ", "ツ")]
    [InlineData("ャ", "ヤ")]
    [InlineData("ュ", "ユ")]
    [InlineData("ョ", "ヨ")]
    [InlineData("サトウ", "サトオ")]
    [InlineData("ショウ", "シヨオ")]
    [InlineData("ゴウダ", "コオタ")]
    [InlineData("サトー", "サト")]
    [InlineData("キャッシュ", "キヤツシユ")]
    [InlineData("ﾔﾏﾀﾞ ｼﾞﾛｳ", "やまだ　じろお")]
    [InlineData("ヴァイオリン", "バイオリン")]
    public void FuzzyKana_IgnoresTheDifferencesTheStandardLists(string a, string b) =>
        Assert.Equal(NameSearchKey.FuzzyKana(a), NameSearchKey.FuzzyKana(b));

    [Theory]
    [InlineData("ウエダ", "ウエタ")]   // a leading ウ stays ウ (2文字目以降 only)
    [InlineData("オウ", "オオ")]
    [InlineData("ウオ", "ウオ")]
    [InlineData("カウ", "カウ")]      // カ is ア段
    public void FuzzyKana_TurnsウIntoオOnlyAfterAnODanKana(string input, string expected) =>
        Assert.Equal(expected, NameSearchKey.FuzzyKana(input));

    [Fact]
    public void FuzzyKana_ReadsヂAsジ_SoItNoLongerMatchesチ()
    {
        // One key cannot join チ≈ヂ and ヂ≈ジ without also joining チ and シ; the standard's examples win.
        Assert.NotEqual(NameSearchKey.FuzzyKana("チ"), NameSearchKey.FuzzyKana("ヂ"));
    }

    [Fact]
    public void FuzzyKana_StillTellsDifferentNamesApart()
    {
        Assert.NotEqual(NameSearchKey.FuzzyKana("サトウ"), NameSearchKey.FuzzyKana("サイトウ"));
        Assert.NotEqual(NameSearchKey.FuzzyKana("タナカ"), NameSearchKey.FuzzyKana("ナカタ"));
    }
}
