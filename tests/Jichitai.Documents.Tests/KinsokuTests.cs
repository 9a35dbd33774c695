namespace Jichitai.Documents.Tests;

public class KinsokuTests
{
    private static List<TextElement> Elements(string text) =>
        text.Select(c => new TextElement(c.ToString(), c, null, 1f)).ToList();

    private static List<string> Lines(string text, float width) =>
        TextLayout.Break(Elements(text), width).Select(l => string.Concat(l.Elements.Select(e => e.Text))).ToList();

    [Fact]
    public void PunctuationNeverStartsALine() =>
        Assert.Equal(["あいうえ", "お。かき"], Lines("あいうえお。かき", 5));

    [Fact]
    public void ClosingBracketNeverStartsALine() =>
        Assert.Equal(["あいう", "え」お"], Lines("あいうえ」お", 4));

    [Fact]
    public void OpeningBracketNeverEndsALine() =>
        Assert.Equal(["あいう", "「えお」"], Lines("あいう「えお」", 4));

    [Fact]
    public void SmallKanaAndLongVowelDoNotStartALine()
    {
        Assert.Equal(["あい", "うっか"], Lines("あいうっか", 3));
        Assert.Equal(["あい", "テーブ", "ル"], Lines("あいテーブル", 3));
    }

    [Fact]
    public void LatinWordsAreNotSplit() =>
        Assert.Equal(["あ", "ABCD"], Lines("あABCD", 4));

    [Fact]
    public void ExplicitNewlinesBreak() =>
        Assert.Equal(["あい", "う"], Lines("あい\nう", 10));

    [Fact]
    public void AnUnbreakableRunWiderThanTheLine_IsBrokenRatherThanLost() =>
        Assert.Equal("。。。。。。", string.Concat(Lines("。。。。。。", 4)));
}
