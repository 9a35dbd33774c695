using Jichitai.Care.Ordinance;
using Jichitai.Care.Qualification;
using Jichitai.Platform.Dates;

namespace Jichitai.Care.Premiums;

/// <summary>An approved 減免 as the calculation needs it.</summary>
public sealed record AppliedReduction(string Code, string Reason, int FromMonth, int ToMonth, decimal? Rate, long? Amount);

/// <summary>Everything one person's premium for one year depends on.</summary>
public sealed record PremiumInput(
    int FiscalYear,
    IReadOnlyList<QualificationPeriod> Periods,
    IncomeFacts? Income,
    bool HouseholdTaxable,
    CollectionFacts? Collection,
    IReadOnlyList<AppliedReduction> Reductions);

public sealed record ReductionLine(string Code, string Reason, int Months, long Amount, string How);

/// <summary>The premium and how it was reached (kept with each assessment; the explanation is built from it).</summary>
public sealed record PremiumResult
{
    public int FiscalYear { get; init; }
    public DateOnly BaseDate { get; init; }
    public int Stage { get; init; }
    public string StageWhy { get; init; } = "";
    public bool Undeclared { get; init; }
    public long BaseAnnualPremium { get; init; }
    public decimal Ratio { get; init; }
    public decimal? RatioBeforeReduction { get; init; }
    public long FullYearPremium { get; init; }
    public IReadOnlyList<FiscalMonth> Months { get; init; } = [];
    public long ProratedPremium { get; init; }
    public IReadOnlyList<ReductionLine> Reductions { get; init; } = [];
    public long Premium { get; init; }
    public string Collection { get; init; } = CollectionMethods.Ordinary;
    public IReadOnlyList<Installment> Installments { get; init; } = [];
    public long Refund { get; init; }
    public string Rounding { get; init; } = "";
    public long? AnnualPension { get; init; }
    public long SpecialCollectionThreshold { get; init; }
}

/// <summary>保険料の算定 (介護保険法129条, 施行令38条・39条, 条例の月割・端数処理・減免142条).</summary>
public static class PremiumCalculator
{
    public static PremiumResult Compute(OrdinanceParameters p, PremiumInput input, (IReadOnlyList<Installment> Previous, FiscalMonth DecidedIn)? revision = null)
    {
        var months = FiscalMonths.Insured(input.Periods, input.FiscalYear);
        var baseDate = BaseDate(input.Periods, input.FiscalYear);
        var decision = StageDetermination.Determine(p, input.Income, input.HouseholdTaxable);
        var stage = decision.Stage;
        var full = p.Rounding.Apply(p.BaseAnnualPremium * stage.AppliedRatio);
        var prorated = months.Count == 12 ? full : p.Rounding.Apply(full * months.Count / 12m);
        var reductions = Reductions(p, input, months, prorated);
        var premium = Math.Max(0, prorated - reductions.Sum(r => r.Amount));

        var collection = input.Collection ?? new CollectionFacts(null, null, false, months.Count > 0 ? months[0] : new FiscalMonth(input.FiscalYear, 4));
        var plan = revision is { } r
            ? InstallmentPlanner.Revise(input.FiscalYear, premium, p, collection, r.Previous, r.DecidedIn)
            : InstallmentPlanner.Plan(input.FiscalYear, premium, p, collection);
        return new PremiumResult
        {
            FiscalYear = input.FiscalYear, BaseDate = baseDate, Stage = stage.Number, StageWhy = decision.Why, Undeclared = decision.Undeclared,
            BaseAnnualPremium = p.BaseAnnualPremium, Ratio = stage.AppliedRatio, RatioBeforeReduction = stage.ReducedRatio is null ? null : stage.Ratio,
            FullYearPremium = full, Months = months, ProratedPremium = prorated, Reductions = reductions, Premium = premium,
            Collection = plan.Method, Installments = plan.Installments, Refund = plan.Refund, Rounding = p.Rounding.Describe(),
            AnnualPension = collection.AnnualPension, SpecialCollectionThreshold = p.SpecialCollectionThreshold,
        };
    }

    /// <summary>The 基準日 of the stage: the 賦課期日 (4月1日), or the acquisition day for someone who joins during the year.</summary>
    public static DateOnly BaseDate(IReadOnlyList<QualificationPeriod> periods, int fiscalYear)
    {
        var start = FiscalMonths.AssessmentDate(fiscalYear);
        var first = periods.Where(x => x.LostOn is null || x.LostOn > start).OrderBy(x => x.AcquiredOn).FirstOrDefault();
        return first is null || first.AcquiredOn <= start ? start : first.AcquiredOn;
    }

    // 減免 (142条): a rate of the premium of the covered insured months, or a fixed amount, never more than the premium.
    private static List<ReductionLine> Reductions(OrdinanceParameters p, PremiumInput input, IReadOnlyList<FiscalMonth> months, long prorated)
    {
        var lines = new List<ReductionLine>();
        var left = prorated;
        foreach (var r in input.Reductions)
        {
            var from = FiscalMonths.Place(input.FiscalYear, r.FromMonth);
            var to = FiscalMonths.Place(input.FiscalYear, r.ToMonth);
            var covered = months.Count(m => m >= from && m <= to);
            if (covered == 0 || months.Count == 0) continue;
            var share = prorated * covered / (decimal)months.Count;
            var amount = r.Rate is { } rate ? (long)decimal.Floor(share * rate) : Math.Min(r.Amount ?? 0, (long)share);
            amount = Math.Min(amount, left);
            left -= amount;
            var how = r.Rate is { } pct
                ? $"{covered}か月分({StageDetermination.Yen((long)share)})の{pct * 100:0.##}%(円未満切り捨て)"
                : $"{covered}か月分について定額{StageDetermination.Yen(r.Amount ?? 0)}(上限はその月分の保険料)";
            lines.Add(new ReductionLine(r.Code, r.Reason, covered, amount, how));
        }
        return lines;
    }

    /// <summary>How the premium was reached, in words a resident can follow (one line per step).</summary>
    public static IReadOnlyList<string> Explain(PremiumResult r)
    {
        var lines = new List<string>();
        var fy = WarekiFormatter.Format(FiscalMonths.AssessmentDate(r.FiscalYear))[..^4];
        lines.Add($"{fy}度の保険料です。");
        lines.Add($"基準日({WarekiFormatter.Format(r.BaseDate)})の状況で所得段階を決めました。{r.StageWhy}、第{r.Stage}段階です。");
        var ratio = r.RatioBeforeReduction is { } before ? $"保険料率 {r.Ratio:0.###}(公費による軽減後。軽減前は {before:0.###})" : $"保険料率 {r.Ratio:0.###}";
        lines.Add($"基準額(年額){StageDetermination.Yen(r.BaseAnnualPremium)} × {ratio} = {StageDetermination.Yen((long)(r.BaseAnnualPremium * r.Ratio))}、{r.Rounding}で年額 {StageDetermination.Yen(r.FullYearPremium)}。");
        if (r.Months.Count == 12) lines.Add("資格のある月は4月から翌年3月までの12か月で、年額のとおりです。");
        else if (r.Months.Count == 0) lines.Add("この年度に資格のある月がないため、保険料はかかりません(資格を取得した月と失った月が同じ場合など)。");
        else
        {
            lines.Add($"資格のある月は{Month(r.Months[0])}から{Month(r.Months[^1])}までの{r.Months.Count}か月です(資格を取得した日の属する月から、失った日の属する月の前月まで)。");
            lines.Add($"{StageDetermination.Yen(r.FullYearPremium)} × {r.Months.Count}/12、{r.Rounding}で {StageDetermination.Yen(r.ProratedPremium)}。");
        }
        foreach (var x in r.Reductions) lines.Add($"減免({x.Reason}):{x.How}、{StageDetermination.Yen(x.Amount)}を減額します。");
        lines.Add($"この年度の保険料は {StageDetermination.Yen(r.Premium)} です。");
        lines.Add(r.Collection switch
        {
            CollectionMethods.Special => $"年金(年額{StageDetermination.Yen(r.AnnualPension ?? 0)})が年{StageDetermination.Yen(r.SpecialCollectionThreshold)}以上のため、年金から差し引きます(特別徴収)。",
            CollectionMethods.Both => "年金からの差し引き(特別徴収)が始まるまでは、納付書または口座振替で納めていただきます(普通徴収)。",
            _ => "納付書または口座振替で納めていただきます(普通徴収)。",
        });
        if (r.Refund > 0) lines.Add($"すでに納めていただいた額が {StageDetermination.Yen(r.Refund)} 多いため、お返しします(還付)。");
        return lines;
    }

    private static string Month(FiscalMonth m) => WarekiFormatter.Format(new DateOnly(m.Year, m.Month, 1))[..^2];
}
