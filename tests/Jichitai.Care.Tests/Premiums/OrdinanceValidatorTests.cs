using Jichitai.Care.Ordinance;
using Jichitai.Platform.Errors;

namespace Jichitai.Care.Tests.Premiums;

public sealed class OrdinanceValidatorTests
{
    [Fact]
    public void NationalStandard_IsValid() => OrdinanceService.Validate(NationalStandard.Fy2024To2026());

    [Fact]
    public void SixteenStages_AreValidParameters() => OrdinanceService.Validate(GoldenData.SixteenStages());

    [Fact]
    public void DescendingThreshold_IsRefusedNamingTheStage()
    {
        var p = NationalStandard.Fy2024To2026();
        var stages = p.Stages.ToList();
        stages[7] = stages[7] with { UpperBound = 2_000_000 }; // 第8段階 below 第7段階's 2,100,000
        var e = Assert.Throws<DomainValidationException>(() => OrdinanceService.Validate(p with { Stages = stages }));
        Assert.Contains(e.Errors.SelectMany(x => x.Value), m => m.Contains("第8段階の所得の上限(2,000,000円)は、第7段階の上限(2,100,000円)より大きく"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.1)]
    public void NonPositiveRatio_IsRefused(double ratio)
    {
        var p = NationalStandard.Fy2024To2026();
        var stages = p.Stages.ToList();
        stages[4] = stages[4] with { Ratio = (decimal)ratio };
        var e = Assert.Throws<DomainValidationException>(() => OrdinanceService.Validate(p with { Stages = stages }));
        Assert.Contains(e.Errors.SelectMany(x => x.Value), m => m.Contains("第5段階の保険料率"));
    }

    [Fact]
    public void ReducedRatioAboveTheRatio_IsRefused()
    {
        var p = NationalStandard.Fy2024To2026();
        var stages = p.Stages.ToList();
        stages[0] = stages[0] with { ReducedRatio = 0.5m };
        Assert.Throws<DomainValidationException>(() => OrdinanceService.Validate(p with { Stages = stages }));
    }

    [Fact]
    public void GapInNumbers_RoundingUnitAndDueMonths_AreRefused()
    {
        var p = NationalStandard.Fy2024To2026();
        var e = Assert.Throws<DomainValidationException>(() => OrdinanceService.Validate(p with
        {
            Stages = p.Stages.Where(s => s.Number != 7).ToList(), Rounding = new RoundingRule(50, RoundingMode.Down), OrdinaryDueMonths = [7, 7, 13],
        }));
        var messages = e.Errors.SelectMany(x => x.Value).ToList();
        Assert.Contains(messages, m => m.Contains("欠番"));
        Assert.Contains(messages, m => m.Contains("端数処理の単位"));
        Assert.Contains(messages, m => m.Contains("納期"));
    }
}
