using Jichitai.Registry.Domain.Numbering;

namespace Jichitai.Registry.Tests.Domain.Numbering;

public class PersonalNumberTests
{
    // 平成26年総務省令第85号 第5条, checked by hand. Pn is the n-th digit from the right of the first 11.
    //   123456789018: P1..P11 = 1,0,9,8,7,6,5,4,3,2,1; Q = 2,3,4,5,6,7,2,3,4,5,6
    //     1·2+0·3+9·4+8·5+7·6+6·7+5·2+4·3+3·4+2·5+1·6 = 212; 212 mod 11 = 3; 11−3 = 8 ✓
    //   987654321093: P = 9,0,1,2,3,4,5,6,7,8,9
    //     9·2+0·3+1·4+2·5+3·6+4·7+5·2+6·3+7·4+8·5+9·6 = 228; 228 mod 11 = 8; 11−8 = 3 ✓
    //   111111111118: ΣQ = 47; 47 mod 11 = 3; 11−3 = 8 ✓
    //   091573447900: P = 0,9,7,4,4,3,7,5,1,9,0 → 0+27+28+20+24+21+14+15+4+45+0 = 198 = 18·11; remainder 0 → 0 ✓
    //   291573447900: same plus 2·6 = 210; remainder 1 → 0 ✓ (one digit away from the previous one)
    [Theory]
    [InlineData("123456789018")]
    [InlineData("987654321093")]
    [InlineData("111111111118")]
    [InlineData("091573447900")]
    [InlineData("291573447900")]
    public void IsValid_AcceptsHandCheckedNumbers(string number)
    {
        Assert.True(PersonalNumber.IsValid(number, out var error), error);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("123456789012")]
    [InlineData("123456789010")]
    [InlineData("987654321090")]
    public void IsValid_RejectsAWrongCheckDigit(string number)
    {
        Assert.False(PersonalNumber.IsValid(number, out var error));
        Assert.Equal("個人番号の検査用数字(12桁目)が正しくありません。入力誤りがないか確認してください", error);
    }

    [Fact]
    public void CheckDigit_AgreesWithTheLeftToRightWeightsOfTheOrdinance()
    {
        // Q for the 11 digits read left to right: 6,5,4,3,2,7,6,5,4,3,2.
        int[] weights = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
        var random = new Random(85);
        for (var i = 0; i < 10_000; i++)
        {
            var first11 = random.NextInt64(0, 100_000_000_000).ToString("D11", System.Globalization.CultureInfo.InvariantCulture);
            var remainder = first11.Select((c, k) => (c - '0') * weights[k]).Sum() % 11;
            Assert.Equal(remainder <= 1 ? 0 : 11 - remainder, PersonalNumber.CheckDigit(first11));
        }
    }

    [Fact]
    public void IsValid_CatchesEverySingleDigitSlip_ExceptTheOrdinancesOwnBlindSpot()
    {
        // The rule maps remainders 0 and 1 to the same digit 0, so a slip between two such numbers is invisible;
        // 091573447900 and 291573447900 above are such a pair. Every other slip must be caught.
        int[] weights = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
        int Remainder(string n) => n[..11].Select((c, k) => (c - '0') * weights[k]).Sum() % 11;
        var random = new Random(5);
        for (var i = 0; i < 2_000; i++)
        {
            var first11 = random.NextInt64(0, 100_000_000_000).ToString("D11", System.Globalization.CultureInfo.InvariantCulture);
            var number = first11 + PersonalNumber.CheckDigit(first11);
            for (var position = 0; position < 12; position++)
            for (var digit = '0'; digit <= '9'; digit++)
            {
                if (digit == number[position]) continue;
                var slipped = string.Concat(number.AsSpan(0, position), digit.ToString(), number.AsSpan(position + 1));
                var missed = position < 11 && Remainder(number) <= 1 && Remainder(slipped) <= 1;
                Assert.Equal(missed, PersonalNumber.IsValid(slipped, out _));
            }
        }
    }

    [Theory]
    [InlineData(null, "個人番号を入力してください")]
    [InlineData("", "個人番号を入力してください")]
    [InlineData("12345678901", "個人番号は12桁で入力してください(入力は11桁)")]
    [InlineData("1234567890180", "個人番号は12桁で入力してください(入力は13桁)")]
    [InlineData("1234-5678-9018", "個人番号は半角数字で入力してください")]
    [InlineData("１２３４５６７８９０１８", "個人番号は半角数字で入力してください")]
    public void IsValid_SaysWhatIsWrong(string? input, string expected)
    {
        Assert.False(PersonalNumber.IsValid(input, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Errors_NeverRepeatTheNumber()
    {
        foreach (var input in new[] { "123456789012", "12345678901", "1234-5678-9018" })
        {
            PersonalNumber.IsValid(input, out var error);
            Assert.DoesNotContain("5678", error);
        }
    }

    [Theory]
    [InlineData("123456789018", "********9018")]
    [InlineData("12345", "*****")]
    [InlineData("1234567890180", "*************")]
    [InlineData("", "")]
    public void Mask_ShowsOnlyTheLastFourDigitsOfATwelveDigitNumber(string input, string expected) =>
        Assert.Equal(expected, PersonalNumber.Mask(input));

    [Fact]
    public void Mask_OfNull_Throws() => Assert.Throws<ArgumentNullException>(() => PersonalNumber.Mask(null!));
}
