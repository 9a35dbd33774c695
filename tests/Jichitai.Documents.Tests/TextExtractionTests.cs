namespace Jichitai.Documents.Tests;

public class TextExtractionTests
{
    [Theory]
    [InlineData("髙橋 﨑山 𠮷田 渡邉")]
    [InlineData("すずき はなこ スズキ ハナコ ｽｽﾞｷ")]
    // Ideographs that share a glyph with a CJK radical in stock fonts (⺠ ⽒ ⼭ ⽉ ⻑ came out instead).
    [InlineData("民氏山月長金土日木水火人口女子")]
    [InlineData("住民票の写し　令和8年11月26日　東京都千代田区霞が関一丁目1番1号")]
    [InlineData("ABC abc 0123 ＡＢＣ１２３ −‐ー")]
    // Characters whose glyph the stock font shares with another code point (U+2003, U+2215, U+2329, …).
    [InlineData("髙橋　一郎／〈写〉～‘’“”①②")]
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
    public void ShippedFont_MapsEveryGlyphFromExactlyOneCodePoint()
    {
        // The PDF's ToUnicode map is built glyph → code point; a glyph reachable from two code points extracts as one of them.
        using var font = new SkiaSharp.SKFont(SkiaSharp.SKTypeface.FromFile(DocumentFonts.ShippedFontPath));
        var codePoints = Enumerable.Range(0x20, 0x2FFFF - 0x20).Where(cp => cp is < 0xD800 or > 0xDFFF).ToArray();
        var glyphs = font.GetGlyphs(string.Concat(codePoints.Select(char.ConvertFromUtf32)));

        var shared = codePoints.Zip(glyphs).Where(p => p.Second != 0).GroupBy(p => p.Second).Where(g => g.Count() > 1)
            .Select(g => string.Join("/", g.Select(p => $"U+{p.First:X4}"))).ToList();
        Assert.Empty(shared);
        Assert.DoesNotContain(codePoints.Zip(glyphs), p => p.First is >= 0x2E80 and <= 0x2FDF && p.Second != 0);
        Assert.True(glyphs.Count(g => g != 0) > 40_000);
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
