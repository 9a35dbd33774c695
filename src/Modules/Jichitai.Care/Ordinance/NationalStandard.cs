namespace Jichitai.Care.Ordinance;

/// <summary>
/// The national standard stages for 第9期 (令和6〜8年度, 施行令38条・39条 as amended 2024): 13 stages, 基準所得金額
/// 120万/210万/320万/420万/520万/620万/720万円, and the 公費軽減 of stages 1–3. Shipped as the default parameters.
/// </summary>
public static class NationalStandard
{
    public static OrdinanceParameters Fy2024To2026(long baseAnnualPremium = 74_400) => new()
    {
        BaseAnnualPremium = baseAnnualPremium,
        Stages =
        [
            new(1, StageScope.HouseholdNonTaxable, 800_000, true, 0.455m, 0.285m, IncludesPublicAssistance: true),
            new(2, StageScope.HouseholdNonTaxable, 1_200_000, true, 0.685m, 0.485m),
            new(3, StageScope.HouseholdNonTaxable, null, true, 0.69m, 0.685m),
            new(4, StageScope.HouseholdTaxable, 800_000, true, 0.9m),
            new(5, StageScope.HouseholdTaxable, null, true, 1.0m),
            new(6, StageScope.PersonTaxable, 1_200_000, false, 1.2m),
            new(7, StageScope.PersonTaxable, 2_100_000, false, 1.3m),
            new(8, StageScope.PersonTaxable, 3_200_000, false, 1.5m),
            new(9, StageScope.PersonTaxable, 4_200_000, false, 1.7m),
            new(10, StageScope.PersonTaxable, 5_200_000, false, 1.9m),
            new(11, StageScope.PersonTaxable, 6_200_000, false, 2.1m),
            new(12, StageScope.PersonTaxable, 7_200_000, false, 2.3m),
            new(13, StageScope.PersonTaxable, null, false, 2.4m),
        ],
        UndeclaredStage = 5,
        Rounding = new RoundingRule(100, RoundingMode.Down),
        OrdinaryDueMonths = [7, 8, 9, 10, 11, 12, 1, 2, 3],
        SpecialCollectionThreshold = 180_000,
        InstallmentUnit = 100,
        ProvisionalPreparationMonth = 2,
        ReductionRules =
        [
            new("DISASTER", "災害", "震災、風水害、火災等により住宅・家財に著しい損害を受けた", 0.5m, null, 6),
            new("INCOME-LOSS", "収入の著しい減少", "生計中心者の死亡・失業等により収入が前年の2分の1以下に減少した", 0.5m, null, 12),
        ],
    };
}
