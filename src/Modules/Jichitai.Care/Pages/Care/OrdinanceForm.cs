using System.Globalization;
using Jichitai.Care.Ordinance;
using Jichitai.Platform.Errors;

namespace Jichitai.Care.Pages.Care;

/// <summary>One stage row of the ordinance form (numbers are given by the row order).</summary>
public sealed class StageInput
{
    public StageScope Scope { get; set; } = StageScope.PersonTaxable;
    public string? UpperBound { get; set; }
    public bool UpperInclusive { get; set; }
    public string? Ratio { get; set; }
    public string? ReducedRatio { get; set; }
    public bool Remove { get; set; }
}

/// <summary>One 減免 rule row of the ordinance form.</summary>
public sealed class ReductionRuleInput
{
    public string? Code { get; set; }
    public string? Reason { get; set; }
    public string? Condition { get; set; }
    public string? Rate { get; set; }
    public string? Amount { get; set; }
    public string? MaxMonths { get; set; }
    public bool Remove { get; set; }
    public bool IsBlank => string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(Reason) && string.IsNullOrWhiteSpace(Rate) && string.IsNullOrWhiteSpace(Amount);
}

/// <summary>
/// The ordinance edit form as posted: text in, <see cref="OrdinanceParameters"/> out. Unreadable numbers are collected
/// per field in Japanese (the same keys the validator uses), so the page shows them all at once next to their fields.
/// </summary>
public sealed class OrdinanceForm
{
    public string? BaseAnnualPremium { get; set; }
    public List<StageInput> Stages { get; set; } = [];
    /// <summary>Row index (0-based, before removals) of the stage that includes 生活保護受給者.</summary>
    public int PublicAssistanceStage { get; set; }
    public string? UndeclaredStage { get; set; }
    public string? RoundingUnit { get; set; }
    public RoundingMode RoundingMode { get; set; } = RoundingMode.Down;
    public string? OrdinaryDueMonths { get; set; }
    public string? SpecialCollectionThreshold { get; set; }
    public string? InstallmentUnit { get; set; }
    public string? ProvisionalPreparationMonth { get; set; }
    public List<ReductionRuleInput> ReductionRules { get; set; } = [];

    public static OrdinanceForm From(OrdinanceParameters p) => new()
    {
        BaseAnnualPremium = N(p.BaseAnnualPremium),
        Stages = p.Stages.Select(s => new StageInput
        {
            Scope = s.Scope, UpperBound = s.UpperBound is { } b ? N(b) : "", UpperInclusive = s.UpperInclusive, Ratio = D(s.Ratio), ReducedRatio = s.ReducedRatio is { } r ? D(r) : "",
        }).ToList(),
        PublicAssistanceStage = Math.Max(0, p.Stages.ToList().FindIndex(s => s.IncludesPublicAssistance)),
        UndeclaredStage = N(p.UndeclaredStage), RoundingUnit = N(p.Rounding.Unit), RoundingMode = p.Rounding.Mode,
        OrdinaryDueMonths = string.Join(",", p.OrdinaryDueMonths), SpecialCollectionThreshold = N(p.SpecialCollectionThreshold),
        InstallmentUnit = N(p.InstallmentUnit), ProvisionalPreparationMonth = N(p.ProvisionalPreparationMonth),
        ReductionRules = p.ReductionRules.Select(r => new ReductionRuleInput
        {
            Code = r.Code, Reason = r.Reason, Condition = r.Condition, Rate = r.Rate is { } x ? D(x) : "", Amount = r.Amount is { } a ? N(a) : "", MaxMonths = N(r.MaxMonths),
        }).ToList(),
    };

    public OrdinanceParameters ToParameters()
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string key, string message) { if (!errors.TryGetValue(key, out var list)) errors[key] = list = []; list.Add(message); }
        long Long(string? text, string key, string label, long fallback = 0)
        {
            var t = (text ?? "").Replace(",", "").Trim();
            if (long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)) return v;
            Add(key, $"{label}を半角の整数で入力してください。");
            return fallback;
        }
        long? OptionalLong(string? text, string key, string label) => string.IsNullOrWhiteSpace(text) ? null : Long(text, key, label);
        decimal? Dec(string? text, string key, string label, bool required)
        {
            if (string.IsNullOrWhiteSpace(text)) { if (required) Add(key, $"{label}を入力してください。"); return null; }
            if (decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v)) return v;
            Add(key, $"{label}を半角の数(例: 0.685)で入力してください。");
            return null;
        }

        var kept = Stages.Select((s, i) => (s, i)).Where(x => !x.s.Remove).ToList();
        var stages = kept.Select((x, n) => new StageDefinition(n + 1, x.s.Scope, OptionalLong(x.s.UpperBound, "段階", $"第{n + 1}段階の所得の上限"), x.s.UpperInclusive,
            Dec(x.s.Ratio, "段階", $"第{n + 1}段階の保険料率", true) ?? 0, Dec(x.s.ReducedRatio, "段階", $"第{n + 1}段階の軽減後の率", false),
            IncludesPublicAssistance: x.i == PublicAssistanceStage)).ToList();
        var months = new List<int>();
        foreach (var part in (OrdinaryDueMonths ?? "").Split([',', '、', ' ', '，'], StringSplitOptions.RemoveEmptyEntries))
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var m)) months.Add(m);
            else Add("OrdinaryDueMonths", "普通徴収の納期は月の数字をカンマで区切って入力してください(例: 7,8,9,10,11,12,1,2,3)。");
        var rules = ReductionRules.Where(r => !r.Remove && !r.IsBlank).Select(r => new ReductionRule(r.Code?.Trim() ?? "", r.Reason?.Trim() ?? "", r.Condition?.Trim() ?? "",
            Dec(r.Rate, "減免", $"減免「{r.Code}」の減免率", false), OptionalLong(r.Amount, "減免", $"減免「{r.Code}」の減免額"),
            (int)Long(r.MaxMonths, "減免", $"減免「{r.Code}」の期間の上限", 12))).ToList();
        var parameters = new OrdinanceParameters
        {
            BaseAnnualPremium = Long(BaseAnnualPremium, "BaseAnnualPremium", "基準額"),
            Stages = stages,
            UndeclaredStage = (int)Long(UndeclaredStage, "UndeclaredStage", "未申告者の段階"),
            Rounding = new RoundingRule((int)Long(RoundingUnit, "Rounding.Unit", "端数処理の単位", 100), RoundingMode),
            OrdinaryDueMonths = months,
            SpecialCollectionThreshold = Long(SpecialCollectionThreshold, "SpecialCollectionThreshold", "特別徴収の対象年金額"),
            InstallmentUnit = (int)Long(InstallmentUnit, "InstallmentUnit", "期別の単位", 100),
            ProvisionalPreparationMonth = (int)Long(ProvisionalPreparationMonth, "ProvisionalPreparationMonth", "仮徴収の準備開始月", 2),
            ReductionRules = rules,
        };
        if (errors.Count > 0) throw new DomainValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        return parameters;
    }

    public static string ScopeLabel(StageScope s) => s switch
    {
        StageScope.HouseholdNonTaxable => "世帯非課税",
        StageScope.HouseholdTaxable => "本人非課税・世帯課税",
        _ => "本人課税",
    };

    public static string ModeLabel(RoundingMode m) => m switch { RoundingMode.Down => "切り捨て", RoundingMode.Up => "切り上げ", _ => "四捨五入" };

    private static string N(long v) => v.ToString(CultureInfo.InvariantCulture);
    private static string D(decimal v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
