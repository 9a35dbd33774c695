using Jichitai.Care.Qualification;

namespace Jichitai.Care.Tests.Qualification;

public sealed class InsuredNumberTests
{
    [Fact]
    public void TenDigits_WithACheckDigitThatCatchesOneWrongDigit()
    {
        var n = InsuredNumbers.Format(12345);
        Assert.Equal(10, n.Length);
        Assert.StartsWith("000012345", n);
        Assert.True(InsuredNumbers.IsValid(n));
        for (var i = 0; i < 10; i++)
        {
            var wrong = n.ToCharArray();
            wrong[i] = (char)('0' + (wrong[i] - '0' + 1) % 10);
            Assert.False(InsuredNumbers.IsValid(new string(wrong)));
        }
    }
}
