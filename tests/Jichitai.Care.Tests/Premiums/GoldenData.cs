using Jichitai.Care.Ordinance;

namespace Jichitai.Care.Tests.Premiums;

/// <summary>The parameters of the golden cases: the national standard (基準額 74,400円) and a 16-stage city.</summary>
public static class GoldenData
{
    public static OrdinanceParameters National => NationalStandard.Fy2024To2026(74_400);

    /// <summary>
    /// A city whose ordinance splits the top band (720万円以上) into four, with 基準額 80,000円, rounding to 10円 (四捨五入),
    /// 10 普通徴収 納期 (6月〜翌3月).
    /// </summary>
    public static OrdinanceParameters SixteenStages()
    {
        var n = NationalStandard.Fy2024To2026();
        var stages = n.Stages.Take(12).ToList();
        stages.Add(new StageDefinition(13, StageScope.PersonTaxable, 10_000_000, false, 2.4m));
        stages.Add(new StageDefinition(14, StageScope.PersonTaxable, 15_000_000, false, 2.6m));
        stages.Add(new StageDefinition(15, StageScope.PersonTaxable, 20_000_000, false, 2.8m));
        stages.Add(new StageDefinition(16, StageScope.PersonTaxable, null, false, 3.0m));
        return n with
        {
            BaseAnnualPremium = 80_000, Stages = stages, Rounding = new RoundingRule(10, RoundingMode.HalfUp),
            OrdinaryDueMonths = [6, 7, 8, 9, 10, 11, 12, 1, 2, 3],
        };
    }
}
