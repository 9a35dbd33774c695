using FluentValidation;

namespace Jichitai.Care.Ordinance;

/// <summary>Parameters an ordinance can have: anything else is refused with the field and the reason, before it is saved.</summary>
public sealed class OrdinanceValidator : AbstractValidator<OrdinanceParameters>
{
    private static readonly int[] Units = [1, 10, 100, 1000];

    public OrdinanceValidator()
    {
        RuleFor(x => x.BaseAnnualPremium).InclusiveBetween(1, 1_000_000).WithName("基準額").WithMessage("基準額(年額)は1円から1,000,000円の間で入力してください。");
        RuleFor(x => x.Stages).Must(s => s.Count is >= 3 and <= 30).WithName("段階").WithMessage("所得段階は3から30段階の間で定めてください。");
        RuleFor(x => x.Stages).Must(s => s.Select(x => x.Number).SequenceEqual(Enumerable.Range(1, s.Count)))
            .WithName("段階").WithMessage("段階の番号は第1段階から順に欠番なく並べてください。");
        RuleFor(x => x.Stages).Must(s => s.Select(x => x.Scope).Zip(s.Select(x => x.Scope).Skip(1)).All(p => p.First <= p.Second))
            .WithName("段階").WithMessage("段階は「世帯非課税」「本人非課税・世帯課税」「本人課税」の順に並べてください。");
        RuleFor(x => x.Stages).Must(s => Enum.GetValues<StageScope>().All(scope => s.Any(x => x.Scope == scope)))
            .WithName("段階").WithMessage("「世帯非課税」「本人非課税・世帯課税」「本人課税」のそれぞれに少なくとも1つの段階が必要です。");
        RuleFor(x => x.Stages).Must(s => s.Count(x => x.IncludesPublicAssistance) == 1 && s.First(x => x.IncludesPublicAssistance).Scope == StageScope.HouseholdNonTaxable)
            .WithName("段階").WithMessage("生活保護受給者等を含む段階を、世帯非課税の段階から1つだけ指定してください。");
        RuleForEach(x => x.Stages).ChildRules(stage =>
        {
            stage.RuleFor(s => s.Ratio).Must(r => r > 0 && r <= 10).WithMessage(s => $"第{s.Number}段階の保険料率は0より大きく10以下で入力してください。");
            stage.RuleFor(s => s.ReducedRatio).Must((s, r) => r is null || (r > 0 && r <= s.Ratio))
                .WithMessage(s => $"第{s.Number}段階の軽減後の保険料率は0より大きく、軽減前の率以下で入力してください。");
            stage.RuleFor(s => s.UpperBound).Must(b => b is null || b >= 0).WithMessage(s => $"第{s.Number}段階の所得の上限は0円以上で入力してください。");
        }).OverridePropertyName("段階");
        RuleFor(x => x.Stages).Custom((stages, ctx) =>
        {
            foreach (var group in stages.GroupBy(s => s.Scope))
            {
                var list = group.OrderBy(s => s.Number).ToList();
                for (var i = 0; i < list.Count; i++)
                {
                    var last = i == list.Count - 1;
                    if (last && list[i].UpperBound is not null)
                        ctx.AddFailure("段階", $"第{list[i].Number}段階はこの区分の最後の段階なので、所得の上限を空欄にしてください。");
                    if (!last && list[i].UpperBound is null)
                        ctx.AddFailure("段階", $"第{list[i].Number}段階の所得の上限を入力してください(空欄はその区分の最後の段階だけです)。");
                    if (i > 0 && list[i].UpperBound is { } b && list[i - 1].UpperBound is { } prev && b <= prev)
                        ctx.AddFailure("段階", $"第{list[i].Number}段階の所得の上限({b:N0}円)は、第{list[i - 1].Number}段階の上限({prev:N0}円)より大きくしてください。");
                }
            }
        });
        RuleFor(x => x.UndeclaredStage).Must((p, n) => p.Stages.Any(s => s.Number == n)).WithName("未申告者の段階").WithMessage("所得未申告の方に仮に適用する段階を、定めた段階の中から選んでください。");
        RuleFor(x => x.Rounding.Unit).Must(u => Units.Contains(u)).WithName("端数処理").WithMessage("端数処理の単位は1円・10円・100円・1,000円のいずれかにしてください。");
        RuleFor(x => x.Rounding.Mode).IsInEnum().WithName("端数処理").WithMessage("端数処理の方法(切り捨て・四捨五入・切り上げ)を選んでください。");
        RuleFor(x => x.InstallmentUnit).Must(u => Units.Contains(u)).WithName("期別の単位").WithMessage("期別額の単位は1円・10円・100円・1,000円のいずれかにしてください。");
        RuleFor(x => x.OrdinaryDueMonths).Must(m => m.Count is >= 1 and <= 12 && m.All(x => x is >= 1 and <= 12) && m.Distinct().Count() == m.Count)
            .WithName("普通徴収の納期").WithMessage("普通徴収の納期は1月から12月の月を重複なく1つ以上入力してください。");
        RuleFor(x => x.SpecialCollectionThreshold).InclusiveBetween(1, 10_000_000).WithName("特別徴収の対象年金額").WithMessage("特別徴収の対象となる年金額は1円以上で入力してください(法定は18万円)。");
        RuleFor(x => x.ProvisionalPreparationMonth).InclusiveBetween(1, 12).WithName("仮徴収の準備開始月").WithMessage("翌年度の仮徴収の準備を始める月は1から12の間で入力してください。");
        RuleFor(x => x.ReductionRules).Must(r => r.Select(x => x.Code).Distinct().Count() == r.Count).WithName("減免").WithMessage("減免の区分コードが重複しています。");
        RuleForEach(x => x.ReductionRules).ChildRules(rule =>
        {
            rule.RuleFor(r => r.Code).NotEmpty().MaximumLength(20).WithMessage("減免の区分コードを20文字以内で入力してください。");
            rule.RuleFor(r => r.Reason).NotEmpty().MaximumLength(40).WithMessage(r => $"減免「{r.Code}」の事由を40文字以内で入力してください。");
            rule.RuleFor(r => r).Must(r => (r.Rate is { } x && x > 0 && x <= 1) ^ (r.Amount is { } a && a > 0))
                .WithMessage(r => $"減免「{r.Code}」は、減免率(0より大きく1以下)か減免額(1円以上)のどちらか一方を定めてください。");
            rule.RuleFor(r => r.MaxMonths).InclusiveBetween(1, 12).WithMessage(r => $"減免「{r.Code}」の期間の上限は1から12か月の間で入力してください。");
        }).OverridePropertyName("減免");
    }
}
