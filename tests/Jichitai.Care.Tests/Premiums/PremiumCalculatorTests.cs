using Jichitai.Care.Ordinance;
using Jichitai.Care.Premiums;
using Jichitai.Care.Qualification;

namespace Jichitai.Care.Tests.Premiums;

/// <summary>Hand-computed premiums (基準額 74,400円, 100円未満切り捨て) that a wrong reading of the ordinance would miss.</summary>
public sealed class PremiumCalculatorTests
{
    private static readonly QualificationPeriod AllYear = new(new DateOnly(2020, 1, 1), "65歳到達", null, null);
    private static PremiumInput Input(IncomeFacts? income, bool householdTaxable = false, QualificationPeriod? period = null, CollectionFacts? collection = null,
        params AppliedReduction[] reductions) => new(2026, [period ?? AllYear], income, householdTaxable, collection, reductions);

    [Theory]
    [InlineData(1, 21_200)]  // 74,400 × 0.285 (軽減後) = 21,204 → 21,200
    [InlineData(2, 36_000)]  // × 0.485 = 36,084
    [InlineData(3, 50_900)]  // × 0.685 = 50,964
    [InlineData(4, 66_900)]  // × 0.9 = 66,960
    [InlineData(5, 74_400)]
    [InlineData(6, 89_200)]  // × 1.2 = 89,280
    [InlineData(7, 96_700)]  // × 1.3 = 96,720
    [InlineData(8, 111_600)]
    [InlineData(9, 126_400)] // × 1.7 = 126,480
    [InlineData(10, 141_300)]
    [InlineData(11, 156_200)]
    [InlineData(12, 171_100)]
    [InlineData(13, 178_500)] // × 2.4 = 178,560
    public void FullYear_ByStage(int stage, long premium)
    {
        var income = stage switch
        {
            <= 3 => new IncomeFacts(0, new long[] { 700_000, 1_000_000, 1_500_000 }[stage - 1], 0, false),
            4 => new IncomeFacts(0, 700_000, 0, false),
            5 => new IncomeFacts(0, 1_500_000, 0, false),
            _ => new IncomeFacts(new long[] { 1_000_000, 1_500_000, 2_500_000, 3_500_000, 4_500_000, 5_500_000, 6_500_000, 8_000_000 }[stage - 6], 0, 0, true),
        };
        var r = PremiumCalculator.Compute(GoldenData.National, Input(income, householdTaxable: stage >= 4));
        Assert.Equal(stage, r.Stage);
        Assert.Equal(premium, r.Premium);
        Assert.Equal(12, r.Months.Count);
    }

    [Fact]
    public void JoiningInNovember_PaysFiveTwelfths()
    {
        // Born 1961-12-01: 65 on 2026-11-30 → November to March. 74,400 × 5/12 = 31,000.
        var r = PremiumCalculator.Compute(GoldenData.National, Input(new IncomeFacts(0, 1_500_000, 0, false), true, new QualificationPeriod(new DateOnly(2026, 11, 30), "65歳到達", null, null)));
        Assert.Equal(5, r.Months.Count);
        Assert.Equal(31_000, r.Premium);
        Assert.Equal(new DateOnly(2026, 11, 30), r.BaseDate);
        // 普通徴収 in the 納期 from November: 第5期 (11月) to 第9期 (3月) of the 7月-start calendar.
        Assert.Equal(["第5期", "第6期", "第7期", "第8期", "第9期"], r.Installments.Select(i => i.Label));
        Assert.Equal(31_000, r.Installments.Sum(i => i.Amount));
    }

    [Fact]
    public void ProratedAmount_IsRoundedByTheOrdinance()
    {
        // Stage 6 (89,200) for 7 months: 52,033.3 → 52,000.
        var r = PremiumCalculator.Compute(GoldenData.National, Input(new IncomeFacts(1_000_000, 0, 0, true), true, new QualificationPeriod(new DateOnly(2020, 1, 1), "x", new DateOnly(2026, 11, 15), "死亡")));
        Assert.Equal(7, r.Months.Count);
        Assert.Equal(52_000, r.Premium);
    }

    [Fact]
    public void OrdinaryCollection_NineInstallments_RemainderInTheFirst()
    {
        var r = PremiumCalculator.Compute(GoldenData.National, Input(new IncomeFacts(0, 1_500_000, 0, false), true));
        Assert.Equal(CollectionMethods.Ordinary, r.Collection);
        Assert.Equal([8_800L, 8_200, 8_200, 8_200, 8_200, 8_200, 8_200, 8_200, 8_200], r.Installments.Select(i => i.Amount));
        Assert.Equal([7, 8, 9, 10, 11, 12, 1, 2, 3], r.Installments.Select(i => i.Month));
    }

    [Fact]
    public void ProvisionalThenFinal_SpecialCollection()
    {
        // Pension 1,200,000 ≥ 180,000; last February's 本徴収 6,200 → 仮徴収 6,200 ×3, 本徴収 (74,400 − 18,600) / 3 = 18,600.
        var facts = new CollectionFacts(1_200_000, 6_200, true, new FiscalMonth(2026, 4));
        var r = PremiumCalculator.Compute(GoldenData.National, Input(new IncomeFacts(0, 1_500_000, 0, false), true, collection: facts));
        Assert.Equal(CollectionMethods.Special, r.Collection);
        Assert.Equal([(4, "仮徴収", 6_200L), (6, "仮徴収", 6_200), (8, "仮徴収", 6_200), (10, "本徴収", 18_600), (12, "本徴収", 18_600), (2, "本徴収", 18_600)],
            r.Installments.Select(i => (i.Month, i.Label, i.Amount)));
    }

    [Fact]
    public void ProvisionalAboveThePremium_FinalIsZeroAndTheRestIsRefunded()
    {
        var facts = new CollectionFacts(1_200_000, 10_000, true, new FiscalMonth(2026, 4));
        var r = PremiumCalculator.Compute(GoldenData.National, Input(new IncomeFacts(0, 700_000, 0, false), false, collection: facts)); // stage 1: 21,200
        Assert.Equal(21_200, r.Premium);
        Assert.Equal([10_000L, 10_000, 10_000, 0, 0, 0], r.Installments.Select(i => i.Amount));
        Assert.Equal(8_800, r.Refund);
    }

    [Fact]
    public void NewToSpecialCollection_OrdinaryUntilOctober()
    {
        var facts = new CollectionFacts(1_200_000, null, true, new FiscalMonth(2026, 4));
        var r = PremiumCalculator.Compute(GoldenData.National, Input(new IncomeFacts(0, 1_500_000, 0, false), true, collection: facts));
        Assert.Equal(CollectionMethods.Both, r.Collection);
        // 普通徴収 7月・8月・9月, then 本徴収 10月・12月・2月: 74,400 / 6 = 12,400 each.
        Assert.Equal([(7, CollectionMethods.Ordinary), (8, CollectionMethods.Ordinary), (9, CollectionMethods.Ordinary), (10, CollectionMethods.Special), (12, CollectionMethods.Special), (2, CollectionMethods.Special)],
            r.Installments.Select(i => (i.Month, i.Method)));
        Assert.All(r.Installments, i => Assert.Equal(12_400, i.Amount));
    }

    [Fact]
    public void PensionBelowTheThreshold_Ordinary()
    {
        var facts = new CollectionFacts(179_999, 6_200, true, new FiscalMonth(2026, 4));
        Assert.Equal(CollectionMethods.Ordinary, PremiumCalculator.Compute(GoldenData.National, Input(new IncomeFacts(0, 1_500_000, 0, false), true, collection: facts)).Collection);
    }

    [Fact]
    public void Reduction_HalfOfTheCoveredMonths()
    {
        // 災害 50% for October–March: 74,400 × 6/12 = 37,200 × 0.5 = 18,600 → 55,800.
        var r = PremiumCalculator.Compute(GoldenData.National, Input(new IncomeFacts(0, 1_500_000, 0, false), true,
            reductions: new AppliedReduction("DISASTER", "災害", 10, 3, 0.5m, null)));
        Assert.Equal(18_600, Assert.Single(r.Reductions).Amount);
        Assert.Equal(55_800, r.Premium);
        Assert.Contains(PremiumCalculator.Explain(r), l => l.Contains("減免(災害)") && l.Contains("18,600円"));
    }

    [Fact]
    public void SixteenStageCity_UsesItsOwnBandsAndRounding()
    {
        // 合計所得 1,200万: 第14段階 (2.6) there, 第13段階 (2.4) under the national table.
        var income = new IncomeFacts(12_000_000, 0, 0, true);
        var city = PremiumCalculator.Compute(GoldenData.SixteenStages(), Input(income, true));
        Assert.Equal((14, 208_000L), (city.Stage, city.Premium));
        var national = PremiumCalculator.Compute(GoldenData.National, Input(income, true));
        Assert.Equal((13, 178_500L), (national.Stage, national.Premium));
        // 10円 四捨五入: stage 1 = 80,000 × 0.285 = 22,800; stage 2 = 38,800; 7 months of stage 2 = 22,633.3 → 22,630.
        var part = PremiumCalculator.Compute(GoldenData.SixteenStages(), Input(new IncomeFacts(0, 1_000_000, 0, false), false, new QualificationPeriod(new DateOnly(2026, 9, 5), "転入", null, null)));
        Assert.Equal((2, 7, 22_630L), (part.Stage, part.Months.Count, part.Premium));
        Assert.Equal(10, GoldenData.SixteenStages().OrdinaryDueMonths.Count);
    }

    [Fact]
    public void Explanation_ReadsLikeTheNotice()
    {
        var r = PremiumCalculator.Compute(GoldenData.National, Input(new IncomeFacts(0, 700_000, 50_000, false), false));
        var lines = PremiumCalculator.Explain(r);
        Assert.Contains(lines, l => l.Contains("令和8年4月1日") && l.Contains("第1段階"));
        Assert.Contains(lines, l => l.Contains("保険料率 0.285(公費による軽減後。軽減前は 0.455)") && l.Contains("21,200円"));
        Assert.Contains(lines, l => l.Contains("この年度の保険料は 21,200円"));
    }

    [Fact]
    public void Revision_KeepsBilledInstallmentsAndSpreadsTheDifference()
    {
        var p = GoldenData.National;
        var first = PremiumCalculator.Compute(p, Input(new IncomeFacts(0, 1_500_000, 0, false), true)); // 74,400: 8,800 + 8×8,200
        // Income corrected in November to taxable 250万 (stage 8, 111,600): July–November stay as billed.
        var revised = PremiumCalculator.Compute(p, Input(new IncomeFacts(2_500_000, 0, 0, true), true), (first.Installments, new FiscalMonth(2026, 11)));
        Assert.Equal(111_600, revised.Premium);
        var billed = revised.Installments.Where(i => i.When <= new FiscalMonth(2026, 11)).Select(i => i.Amount);
        Assert.Equal([8_800L, 8_200, 8_200, 8_200, 8_200], billed);
        Assert.Equal(111_600, revised.Installments.Sum(i => i.Amount));
        // 111,600 − 41,600 = 70,000 over December–March: 17,500 each.
        Assert.All(revised.Installments.Where(i => i.When > new FiscalMonth(2026, 11)), i => Assert.Equal(17_500, i.Amount));
    }

    [Fact]
    public void DeathMidYear_RevisionRefundsWhatWasOverpaid()
    {
        var p = GoldenData.National;
        var facts = new CollectionFacts(1_200_000, 6_200, true, new FiscalMonth(2026, 4));
        var first = PremiumCalculator.Compute(p, Input(new IncomeFacts(0, 1_500_000, 0, false), true, collection: facts));
        // Died 2026-10-20 (lost 10-21): April–September = 6 months = 37,200. Billed by October: 3 × 6,200 + 18,600 = 37,200.
        var died = new QualificationPeriod(new DateOnly(2020, 1, 1), "x", new DateOnly(2026, 10, 21), "死亡");
        var revised = PremiumCalculator.Compute(p, Input(new IncomeFacts(0, 1_500_000, 0, false), true, died, facts with { InsuredAllYearFromAssessmentDate = false }), (first.Installments, new FiscalMonth(2026, 10)));
        Assert.Equal(37_200, revised.Premium);
        Assert.Equal(37_200, revised.Installments.Sum(i => i.Amount));
        Assert.DoesNotContain(revised.Installments, i => i.When > new FiscalMonth(2026, 10) && i.Method == CollectionMethods.Special && i.Amount > 0);
        Assert.Equal(0, revised.Refund);
    }
}
