using Jichitai.Care.Ordinance;
using Jichitai.Care.Premiums;

namespace Jichitai.Care.Tests.Premiums;

/// <summary>施行令38条 boundaries of the national 13 stages: "以下" for the non-taxable bands, "未満" for the taxable ones.</summary>
public sealed class StageDeterminationTests
{
    private static readonly OrdinanceParameters National = NationalStandard.Fy2024To2026();

    [Theory]
    [InlineData(800_000, false, 1)]
    [InlineData(800_001, false, 2)]
    [InlineData(1_200_000, false, 2)]
    [InlineData(1_200_001, false, 3)]
    [InlineData(800_000, true, 4)]
    [InlineData(800_001, true, 5)]
    [InlineData(5_000_000, true, 5)]
    public void NonTaxablePerson_ByPensionPlusOtherIncome(long measure, bool householdTaxable, int stage)
    {
        var income = new IncomeFacts(0, measure - 100_000, 100_000, Taxable: false);
        Assert.Equal(stage, StageDetermination.Determine(National, income, householdTaxable).Stage.Number);
    }

    [Theory]
    [InlineData(1_199_999, 6)]
    [InlineData(1_200_000, 7)] // 120万円 exactly is no longer "120万円未満"
    [InlineData(2_099_999, 7)]
    [InlineData(2_100_000, 8)]
    [InlineData(3_199_999, 8)]
    [InlineData(3_200_000, 9)]
    [InlineData(4_200_000, 10)]
    [InlineData(5_200_000, 11)]
    [InlineData(6_200_000, 12)]
    [InlineData(7_199_999, 12)]
    [InlineData(7_200_000, 13)]
    [InlineData(-500_000, 6)] // a loss: still the lowest taxable band
    public void TaxablePerson_ByTotalIncome(long total, int stage) =>
        Assert.Equal(stage, StageDetermination.Determine(National, new IncomeFacts(total, 0, 0, Taxable: true), householdTaxable: true).Stage.Number);

    [Fact]
    public void OtherIncomeLoss_CountsAsZero()
    {
        // 課税年金収入 80万 + その他 -30万 must not fall to 50万: a loss is 0.
        var income = new IncomeFacts(0, 800_000, -300_000, Taxable: false);
        Assert.Equal(800_000, income.PensionAndOtherIncome);
        Assert.Equal(1, StageDetermination.Determine(National, income, false).Stage.Number);
    }

    [Fact]
    public void PublicAssistance_IsStageOneEvenInATaxableHousehold()
    {
        Assert.Equal(1, StageDetermination.Determine(National, new IncomeFacts(0, 2_000_000, 0, false, PublicAssistance: true), true).Stage.Number);
        // 老齢福祉年金 only counts when the whole household is non-taxable.
        Assert.Equal(1, StageDetermination.Determine(National, new IncomeFacts(0, 2_000_000, 0, false, OldAgeWelfarePension: true), false).Stage.Number);
        Assert.Equal(5, StageDetermination.Determine(National, new IncomeFacts(0, 2_000_000, 0, false, OldAgeWelfarePension: true), true).Stage.Number);
    }

    [Fact]
    public void NoTaxData_UsesTheOrdinancesUndeclaredStage()
    {
        var d = StageDetermination.Determine(National, null, false);
        Assert.Equal(5, d.Stage.Number);
        Assert.True(d.Undeclared);
        Assert.Contains("未申告", d.Why);
    }

    [Fact]
    public void Why_NamesTheBandInWords()
    {
        var d = StageDetermination.Determine(National, new IncomeFacts(2_500_000, 0, 0, true), true);
        Assert.Equal("本人が住民税課税で、合計所得金額(2,500,000円)が2,100,000円以上3,200,000円未満のため", d.Why);
    }
}
