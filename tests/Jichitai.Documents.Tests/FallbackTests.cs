namespace Jichitai.Documents.Tests;

/// <summary>Characters the main font lacks come from a fallback font and are reported; a character in no font is an error.</summary>
public class FallbackTests
{
    // Installed by scripts/ensure-deps.sh (fonts-dejavu-core); Georgian is not in Noto CJK.
    private const string DejaVuSans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    private const string Georgian = "თბილისი";

    [Fact]
    public void CharacterMissingFromTheMainFont_IsDrawnFromTheFallback_AndReported()
    {
        using var fonts = DocumentFonts.FromFiles(DocumentFonts.ShippedFontPath, [DejaVuSans], useSystemFallback: false);
        var text = "氏名 " + Georgian;

        var result = Pdf.Single(page => page.Text(new Box(20, 20, 170, 10), text), fonts);

        Assert.True(result.IsComplete);
        Assert.Equal(Georgian.EnumerateRunes().Select(r => r.Value).Distinct().Order(), result.Fallbacks.Select(f => f.CodePoint));
        Assert.All(result.Fallbacks, f => Assert.Equal("DejaVu Sans", f.FontFamily));
        Assert.Equal(text.Replace(" ", ""), Pdf.PageText(result.Pdf, 1).Replace(" ", ""));
    }

    [Fact]
    public void CharacterInNoFont_IsAnError_NamingTheCodePoint()
    {
        using var fonts = DocumentFonts.FromFiles(DocumentFonts.ShippedFontPath, [], useSystemFallback: false);
        var privateUse = char.ConvertFromUtf32(0x10FFFD);

        var result = Pdf.Single(page => page.Text(new Box(20, 20, 170, 10), "山田" + privateUse + "郎", label: "氏名"), fonts);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemKind.MissingCharacter, problem.Kind);
        Assert.Equal([0x10FFFD], problem.CodePoints);
        Assert.Contains("U+10FFFD", problem.Message);
        Assert.Contains("氏名", problem.Message);
    }

    [Fact]
    public void ShippedFont_DrawsJapaneseNamesWithoutFallback()
    {
        var result = Pdf.Single(page => page.Text(new Box(20, 20, 170, 10), "髙橋 﨑山 𠮷田 渡邉 齋藤 邊見 吉田"));

        Assert.True(result.IsComplete);
        Assert.Empty(result.Fallbacks);
    }

    [Fact]
    public void VariationSelector_IsNotDropped_SilentlyButReported()
    {
        var withIvs = "葛" + char.ConvertFromUtf32(0xE0100) + "飾";

        var result = Pdf.Single(page => page.Text(new Box(20, 20, 170, 10), withIvs));

        var ignored = Assert.Single(result.IgnoredVariationSelectors);
        Assert.Equal(('葛', 0xE0100), ((char)ignored.BaseCodePoint, ignored.Selector));
        Assert.Equal("葛飾", Pdf.PageText(result.Pdf, 1));
    }
}
