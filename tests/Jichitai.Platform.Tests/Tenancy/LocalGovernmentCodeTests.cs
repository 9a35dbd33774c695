using Jichitai.Platform.Tenancy;

namespace Jichitai.Platform.Tests.Tenancy;

public class LocalGovernmentCodeTests
{
    [Theory]
    [InlineData("131016")] // 千代田区
    [InlineData("011002")] // 札幌市
    [InlineData("271004")] // 大阪市
    [InlineData("472018")] // 那覇市
    [InlineData("139998")] // demo city
    public void IsValid_WhenCheckDigitMatches_True(string code) =>
        Assert.True(LocalGovernmentCode.IsValid(code, out _));

    [Theory]
    [InlineData("131017", "検査数字")]
    [InlineData("13101", "6桁")]
    [InlineData("1310166", "6桁")]
    [InlineData("13101a", "6桁")]
    [InlineData("１３１０１６", "6桁")] // full-width digits are not accepted silently
    [InlineData("481003", "01〜47")]
    [InlineData("001007", "01〜47")]
    [InlineData("", "6桁")]
    public void IsValid_WhenMalformed_FalseWithReason(string code, string reasonPart)
    {
        Assert.False(LocalGovernmentCode.IsValid(code, out var reason));
        Assert.Contains(reasonPart, reason);
    }

    [Fact]
    public void CheckDigit_FollowsTheWeightedModulus11Rule()
    {
        // 1*6 + 3*5 + 1*4 + 0*3 + 1*2 = 27; 27 mod 11 = 5; 11 - 5 = 6 → 6
        Assert.Equal(6, LocalGovernmentCode.CheckDigit("13101"));
        // remainder 1 → 11-1 = 10 → mod 10 = 0, and remainder 0 → 11 → 1: the cases a naive "11 - r" gets wrong
        Assert.Equal(0, LocalGovernmentCode.CheckDigit("00040"));
        Assert.Equal(1, LocalGovernmentCode.CheckDigit("11000"));
    }
}
