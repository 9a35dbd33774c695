using Jichitai.Registry.Domain.Addresses;

namespace Jichitai.Registry.Tests.Domain.Addresses;

/// <summary>住所コード (standard 1.3.3): 都道府県2 + 市区町村3 + 大字3 + 小字3 = 11 digits.</summary>
public class AddressCodeTests
{
    [Theory]
    [InlineData("13101001001")]
    [InlineData("１３１０１００１００１")] // full-width, as typed with an IME
    [InlineData("13101-001-001")]
    [InlineData("01100000000")]
    [InlineData("47201999999")]
    public void Check_AcceptsElevenDigitsWithAPrefecture(string code) => Assert.Null(AddressCode.Check(code));

    [Theory]
    [InlineData("1310100100", "11桁")]
    [InlineData("131010010011", "11桁")]
    [InlineData("1310100100A", "11桁")]
    [InlineData("00101001001", "都道府県コード")]
    [InlineData("48101001001", "都道府県コード")]
    [InlineData("", "入力してください")]
    public void Check_NamesWhatIsWrong(string code, string expected) => Assert.Contains(expected, AddressCode.Check(code));

    [Fact]
    public void BelongsTo_ComparesPrefectureAndMunicipality_WithoutTheCheckDigit()
    {
        // 千代田区 is 131016: 13 + 101 + check digit 6.
        Assert.True(AddressCode.BelongsTo("13101001001", "131016"));
        Assert.False(AddressCode.BelongsTo("13102001001", "131016"));
        Assert.False(AddressCode.BelongsTo("27101001001", "131016"));
    }
}

/// <summary>番地の数値コード (standard 1.3.2): numeric order, not text order.</summary>
public class BlockNumberCodeTests
{
    [Theory]
    [InlineData("8番3号", new[] { 8, 3 })]
    [InlineData("８番３号", new[] { 8, 3 })]
    [InlineData("1234番地の5", new[] { 1234, 5 })]
    [InlineData("十二番地", new[] { 12 })]
    [InlineData("二十三番地の百五", new[] { 23, 105 })]
    [InlineData("無番地", new int[0])]
    public void Numbers_ReadsEveryNumber(string block, int[] expected) => Assert.Equal(expected, BlockNumberCode.Numbers(block));

    [Fact]
    public void SortKey_OrdersNumerically_AndSpecialLotsLast()
    {
        string[] blocks = ["10番1号", "無番地", "2番10号", "2番3号", "1番地", "十一番地"];
        var sorted = blocks.OrderBy(BlockNumberCode.SortKey, StringComparer.Ordinal).ToArray();
        Assert.Equal(["1番地", "2番3号", "2番10号", "10番1号", "十一番地", "無番地"], sorted);
    }

    [Fact]
    public void SameBlock_IgnoresHowTheNumbersAreWritten()
    {
        Assert.True(BlockNumberCode.SameBlock("8番3号", "８番３号"));
        Assert.True(BlockNumberCode.SameBlock("8番3号", "8-3"));
        Assert.False(BlockNumberCode.SameBlock("8番3号", "8番4号"));
    }
}

/// <summary>住所カナ入力 (standard 1.3.3): initials per level, readings, codes and 郵便番号.</summary>
public class AddressQueryTests
{
    private static readonly AddressQueryTarget Shinmei = new("13212001000", "191-0016", "トウキョウト", "ヒノシ", "シンメイ", "東京都日野市神明");

    [Theory]
    [InlineData("ト ヒ シ")]     // the standard's own example
    [InlineData("と　ひ　し")]    // hiragana, full-width spaces
    [InlineData("ヒ シン")]
    [InlineData("シンメ")]
    [InlineData("ヒノシシン")]
    [InlineData("13212")]
    [InlineData("1910016")]
    [InlineData("191-00")]
    [InlineData("日野市神明")]
    [InlineData("")]
    public void Matches(string query) => Assert.True(AddressQuery.Matches(Shinmei, query));

    [Theory]
    [InlineData("ト ヒ ホ")]
    [InlineData("オ ヒ シ")]
    [InlineData("メイ")]
    [InlineData("13213")]
    [InlineData("ア イ ウ エ")]
    public void DoesNotMatch(string query) => Assert.False(AddressQuery.Matches(Shinmei, query));
}
