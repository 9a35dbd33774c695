using Jichitai.Registry.Domain.Text;

namespace Jichitai.Registry.Tests.Domain.Text;

/// <summary>文字コード照会 (standard 2.2.3): code points, Shift_JIS, 区点 and the JIS X 0208 level of each character.</summary>
public class CharacterCodesTests
{
    [Theory]
    [InlineData("亜", "U+4E9C", "889F", "16-01", CharacterSet.Jis0208Level1)]   // first 第1水準 kanji
    [InlineData("腕", "U+8155", "9872", "47-51", CharacterSet.Jis0208Level1)]   // last 第1水準 kanji
    [InlineData("弌", "U+5F0C", "989F", "48-01", CharacterSet.Jis0208Level2)]   // first 第2水準 kanji
    [InlineData("あ", "U+3042", "82A0", "04-02", CharacterSet.Jis0208NonKanji)]
    [InlineData("　", "U+3000", "8140", "01-01", CharacterSet.Jis0208NonKanji)]
    [InlineData("①", "U+2460", "8740", "13-01", CharacterSet.VendorExtension)] // NEC特殊文字
    [InlineData("髙", "U+9AD9", "FBFC", null, CharacterSet.VendorExtension)]    // IBM拡張
    [InlineData("A", "U+0041", "41", null, CharacterSet.SingleByte)]
    public void Describe_GivesCodesAndSet(string text, string codePoint, string shiftJis, string? kuTen, CharacterSet set)
    {
        var c = Assert.Single(CharacterCodes.Describe(text));
        Assert.Equal((codePoint, shiftJis, set), (c.CodePoints, c.ShiftJis, c.Set));
        if (kuTen is not null) Assert.Equal(kuTen, c.KuTen);
    }

    [Fact]
    public void SurrogatePair_IsOneCharacter_OutsideCp932()
    {
        var c = CharacterCodes.Describe("𠮷田");
        Assert.Equal(2, c.Count);
        Assert.Equal(("𠮷", "U+20BB7", CharacterSet.OutsideCp932, (string?)null), (c[0].Character, c[0].CodePoints, c[0].Set, c[0].ShiftJis));
        Assert.Equal(CharacterSet.Jis0208Level1, c[1].Set);
    }

    [Fact]
    public void VariationSelector_StaysWithItsBase_AndIsReported()
    {
        var c = Assert.Single(CharacterCodes.Describe("葛\U000E0100"));
        Assert.Equal("U+845B U+E0100", c.CodePoints);
        Assert.Equal("U+E0100", c.VariationSelector);
        Assert.Equal(CharacterSet.Jis0208Level1, c.Set);
    }

    [Fact]
    public void PrivateUse_IsAGaiji_AndCompatibilityIdeographsAreNotNormalisedAway()
    {
        Assert.Equal(CharacterSet.PrivateUse, Assert.Single(CharacterCodes.Describe("\uE000")).Set);
        // 神 U+FA19 (compatibility) must be reported as stored, not as U+795E.
        Assert.Equal("U+FA19", Assert.Single(CharacterCodes.Describe("\uFA19")).CodePoints);
    }
}
