namespace Jichitai.Care.Ordinance;

/// <summary>Whose tax status a stage looks at (施行令38条1項 各号).</summary>
public enum StageScope
{
    /// <summary>世帯全員が市町村民税非課税.</summary>
    HouseholdNonTaxable = 1,
    /// <summary>本人は非課税、世帯に課税者がいる.</summary>
    HouseholdTaxable = 2,
    /// <summary>本人が市町村民税課税.</summary>
    PersonTaxable = 3,
}

public enum RoundingMode { Down = 1, HalfUp = 2, Up = 3 }

/// <summary>How yen amounts are rounded (条例: e.g. 100円未満切り捨て).</summary>
public sealed record RoundingRule(int Unit, RoundingMode Mode)
{
    public long Apply(decimal amount)
    {
        var units = amount / Unit;
        var rounded = Mode switch
        {
            RoundingMode.Down => decimal.Floor(units),
            RoundingMode.Up => decimal.Ceiling(units),
            _ => decimal.Round(units, MidpointRounding.AwayFromZero),
        };
        return (long)(rounded * Unit);
    }

    public string Describe() => $"{Unit:N0}円未満{Mode switch { RoundingMode.Down => "切り捨て", RoundingMode.Up => "切り上げ", _ => "四捨五入" }}";
}

/// <summary>
/// One stage (所得段階): applies to persons in <see cref="Scope"/> whose income measure is below (or up to) the bound.
/// Non-taxable scopes measure 課税年金収入額 + その他の合計所得金額; the taxable scope measures 合計所得金額.
/// </summary>
public sealed record StageDefinition(int Number, StageScope Scope, long? UpperBound, bool UpperInclusive, decimal Ratio, decimal? ReducedRatio = null,
    bool IncludesPublicAssistance = false)
{
    /// <summary>The ratio the premium uses: after 公費による軽減 (法124条の2) when the ordinance has one.</summary>
    public decimal AppliedRatio => ReducedRatio ?? Ratio;
    public string Label => $"第{Number}段階";
}

/// <summary>A 減免 rule of the ordinance (法142条): why, when it applies, and by how much.</summary>
public sealed record ReductionRule(string Code, string Reason, string Condition, decimal? Rate, long? Amount, int MaxMonths = 12);

/// <summary>
/// Everything a municipality's 介護保険条例 decides for one fiscal year. Differences between municipalities live here,
/// never in code. The legal frame (賦課期日, 特別徴収の月) is in <see cref="Premiums.CollectionCalendar"/>.
/// </summary>
public sealed record OrdinanceParameters
{
    /// <summary>基準額 (年額): the premium of the base stage (ratio 1.0).</summary>
    public long BaseAnnualPremium { get; init; }
    public IReadOnlyList<StageDefinition> Stages { get; init; } = [];
    /// <summary>Stage used while a person's income is unknown (所得未申告), until the tax data arrives.</summary>
    public int UndeclaredStage { get; init; }
    /// <summary>Rounding of the annual premium by stage and of the 月割 amount.</summary>
    public RoundingRule Rounding { get; init; } = new(100, RoundingMode.Down);
    /// <summary>普通徴収の納期: calendar months of the fiscal year (e.g. 7, 8, …, 3).</summary>
    public IReadOnlyList<int> OrdinaryDueMonths { get; init; } = [];
    /// <summary>特別徴収 applies when the annual pension is at least this (法134条, 施行令41条: 18万円).</summary>
    public long SpecialCollectionThreshold { get; init; }
    /// <summary>Installments are whole multiples of this; the remainder goes to the first installment (端数は第1期).</summary>
    public int InstallmentUnit { get; init; } = 100;
    /// <summary>From this calendar month of the previous fiscal year the next year's 仮徴収 may be prepared (e.g. 2 = February).</summary>
    public int ProvisionalPreparationMonth { get; init; } = 2;
    public IReadOnlyList<ReductionRule> ReductionRules { get; init; } = [];

    public StageDefinition Stage(int number) => Stages.Single(s => s.Number == number);
}
