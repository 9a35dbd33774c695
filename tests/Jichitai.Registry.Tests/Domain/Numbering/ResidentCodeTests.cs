using Jichitai.Registry.Domain.Numbering;

namespace Jichitai.Registry.Tests.Domain.Numbering;

public class ResidentCodeTests
{
    [Theory]
    [InlineData("12345678901")]
    [InlineData("00000000000")]
    public void IsValid_AcceptsElevenDigits_WithoutJudgingTheCheckDigit(string code) =>
        Assert.True(ResidentCode.IsValid(code, out _));

    [Theory]
    [InlineData(null, "住民票コードを入力してください")]
    [InlineData("", "住民票コードを入力してください")]
    [InlineData("1234567890", "住民票コードは11桁で入力してください(入力は10桁)")]
    [InlineData("123456789012", "住民票コードは11桁で入力してください(入力は12桁)")]
    [InlineData("1234567890A", "住民票コードは半角数字で入力してください")]
    public void IsValid_SaysWhatIsWrong(string? input, string expected)
    {
        Assert.False(ResidentCode.IsValid(input, out var error));
        Assert.Equal(expected, error);
    }
}
