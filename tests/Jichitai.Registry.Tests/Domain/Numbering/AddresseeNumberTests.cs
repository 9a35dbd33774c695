using Jichitai.Registry.Domain.Numbering;

namespace Jichitai.Registry.Tests.Domain.Numbering;

public class AddresseeNumberTests
{
    // Hand-checked (weights 2,3,4,… from the right of the 9-digit body):
    //   000000001: 1×2 = 2, 11−2 = 9                      → 0000000019
    //   000000005: 5×2 = 10, 11−10 = 1                    → 0000000051
    //   000000014: 4×2 + 1×3 = 11, remainder 0 → 0       → 0000000140
    //   000000006: 6×2 = 12, remainder 1 → 10 → 0        → 0000000060
    //   123456789: 9×2+8×3+7×4+6×5+5×6+4×7+3×2+2×3+1×4 = 174, 174 mod 11 = 9, 11−9 = 2 → 1234567892
    [Theory]
    [InlineData(1, "0000000019")]
    [InlineData(5, "0000000051")]
    [InlineData(14, "0000000140")]
    [InlineData(6, "0000000060")]
    [InlineData(123456789, "1234567892")]
    public void Create_AppendsTheModulus11CheckDigit(long sequence, string expected)
    {
        Assert.Equal(expected, AddresseeNumber.Create(sequence));
        Assert.True(AddresseeNumber.IsValid(expected, out var error), error);
    }

    [Fact]
    public void Create_AgreesWithAnIndependentModulus11()
    {
        var random = new Random(130);
        for (var i = 0; i < 5_000; i++)
        {
            var sequence = random.NextInt64(1, AddresseeNumber.MaxSequence + 1);
            var number = AddresseeNumber.Create(sequence);
            Assert.Equal(AddresseeNumber.Length, number.Length);
            Assert.Equal(ReferenceCheckDigit(number[..9]), number[9] - '0');
            Assert.Equal(sequence, long.Parse(number[..9], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void IsValid_CatchesEverySingleDigitSlip_ExceptWhereRemainders0And1ShareTheDigit0()
    {
        var random = new Random(1113);
        var blindSpots = 0;
        for (var i = 0; i < 2_000; i++)
        {
            var number = AddresseeNumber.Create(random.NextInt64(1, AddresseeNumber.MaxSequence + 1));
            for (var position = 0; position < number.Length; position++)
            for (var digit = '0'; digit <= '9'; digit++)
            {
                if (digit == number[position]) continue;
                var slipped = string.Concat(number.AsSpan(0, position), digit.ToString(), number.AsSpan(position + 1));
                var missed = position < 9 && Remainder(number[..9]) <= 1 && Remainder(slipped[..9]) <= 1;
                Assert.Equal(missed, AddresseeNumber.IsValid(slipped, out _));
                if (missed) blindSpots++;
            }
        }
        Assert.True(blindSpots > 0, "the 0/1 blind spot of the rule should show up in 2,000 numbers");
    }

    [Fact]
    public void LeftPaddingWithZeros_KeepsTheCheckDigit_SoA15DigitFieldCanHoldTheNumber()
    {
        var number = AddresseeNumber.Create(987654321);
        Assert.Equal(Modulus11.CheckDigit(number.AsSpan(0, 9)), Modulus11.CheckDigit(("00000" + number[..9]).AsSpan()));
    }

    [Theory]
    [InlineData(null, "宛名番号を入力してください")]
    [InlineData("", "宛名番号を入力してください")]
    [InlineData("00000000I9", "宛名番号は半角数字で入力してください")]
    [InlineData("０００００００００１９", "宛名番号は半角数字で入力してください")]
    [InlineData("000000019", "宛名番号は10桁で入力してください(入力は9桁)")]
    [InlineData("00000000019", "宛名番号は10桁で入力してください(入力は11桁)")]
    [InlineData("0000000018", "宛名番号の検査数字(10桁目)が正しくありません。入力誤りがないか確認してください")]
    public void IsValid_SaysWhatIsWrong(string? input, string expected)
    {
        Assert.False(AddresseeNumber.IsValid(input, out var error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1_000_000_000)]
    public void Create_RefusesSequencesThatDoNotFit(long sequence) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AddresseeNumber.Create(sequence));

    [Fact]
    public void HouseholdNumber_UsesTheSameScheme_WithItsOwnName()
    {
        Assert.Equal("0000000019", HouseholdNumber.Create(1));
        Assert.Equal("1234567892", HouseholdNumber.Create(123456789));
        Assert.True(HouseholdNumber.IsValid("0000000140", out _));
        Assert.False(HouseholdNumber.IsValid("0000000141", out var error));
        Assert.Equal("世帯番号の検査数字(10桁目)が正しくありません。入力誤りがないか確認してください", error);
        Assert.False(HouseholdNumber.IsValid("", out error));
        Assert.Equal("世帯番号を入力してください", error);
    }

    private static int Remainder(string body)
    {
        int[] weights = [2, 3, 4, 5, 6, 7];
        return Enumerable.Reverse(body).Select((c, i) => (c - '0') * weights[i % 6]).Sum() % 11;
    }

    private static int ReferenceCheckDigit(string body) => Remainder(body) switch { 0 or 1 => 0, var r => 11 - r };
}
