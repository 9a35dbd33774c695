namespace Jichitai.Documents.Tests;

public class TextExtractionTests
{
    [Theory]
    [InlineData("髙橋 﨑山 𠮷田 渡邉")]
    [InlineData("すずき はなこ スズキ ハナコ ｽｽﾞｷ")]
    // Ideographs that share a glyph with a CJK radical in stock fonts (⺠ ⽒ ⼭ ⽉ ⻑ came out instead).
    [InlineData("民氏山月長金土日木水火人口女子")]
    [InlineData("住民票の写し　令和8年11月26日　東京都千代田区霞が関一丁目1番1号")]
    [InlineData("ABC abc 0123 ＡＢＣ１２３ −‐ー〜")]
    public void ExtractedText_IsExactlyWhatWasDrawn(string text)
    {
        var result = Pdf.Single(page => page.Text(new Box(20, 20, 170, 20), text, TextStyle.Default.WithSize(11)));

        Assert.True(result.IsComplete, string.Join(" ", result.Problems.Select(p => p.Message)));
        Assert.Equal(text.Replace(" ", ""), Pdf.PageText(result.Pdf, 1).Replace(" ", ""));
    }

    [Fact]
    public void ExtractedText_ContainsNoCjkRadicals()
    {
        var text = string.Concat(Enumerable.Range(0x4E00, 3000).Select(char.ConvertFromUtf32));
        var result = Pdf.Single(page => page.Text(new Box(10, 10, 190, 270), text, TextStyle.Default.WithSize(7)));

        var extracted = Pdf.PageText(result.Pdf, 1);
        Assert.DoesNotContain(extracted, c => c is >= '\u2E80' and <= '\u2FDF');
        Assert.Equal(text, extracted);
    }

    [Fact]
    public void ShippedFont_IsEmbeddedAsSubset_NotWhole()
    {
        var result = Pdf.Single(page => page.Text(new Box(20, 20, 170, 20), "住民票の写し", TextStyle.Default));

        // The shipped font file is many megabytes; the page carries only the glyphs it uses.
        Assert.True(result.Pdf.Length < 200_000, $"PDF is {result.Pdf.Length} bytes");
        Assert.True(new FileInfo(DocumentFonts.ShippedFontPath).Length > 1_000_000);
    }
}
