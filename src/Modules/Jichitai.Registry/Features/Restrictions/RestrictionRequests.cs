using FluentValidation;

namespace Jichitai.Registry.Features.Restrictions;

/// <summary>A new 抑止 or 支援措置 on a person (宛名番号) or a household (世帯番号).</summary>
public sealed record CreateRestrictionRequest
{
    /// <summary>支援措置 / 仮支援措置 / 抑止</summary>
    public string? Kind { get; init; }
    public string? AddresseeNumber { get; init; }
    public string? HouseholdNumber { get; init; }
    /// <summary>エラー / アラート / なし, per process.</summary>
    public string? Movement { get; init; }
    public string? Issuance { get; init; }
    public string? Inquiry { get; init; }
    public DateOnly? StartOn { get; init; }
    /// <summary>For 支援措置 left empty: one year from the start (standard 3.4); it may be corrected.</summary>
    public DateOnly? EndOn { get; init; }
    public string? Reason { get; init; }
}

public sealed record EndRestrictionRequest(DateOnly? EndedOn, string? Reason);

public sealed class CreateRestrictionValidator : AbstractValidator<CreateRestrictionRequest>
{
    public CreateRestrictionValidator()
    {
        RuleFor(x => x.Kind).Must(k => RestrictionRules.ParseKind(k) is not null).WithMessage("種別(支援措置、仮支援措置、抑止)を選んでください。");
        RuleFor(x => x).Must(x => string.IsNullOrWhiteSpace(x.AddresseeNumber) != string.IsNullOrWhiteSpace(x.HouseholdNumber))
            .WithName("addresseeNumber").WithMessage("対象の宛名番号(個人)または世帯番号(世帯)のどちらか一方を入力してください。");
        RuleFor(x => x.Movement).Must(l => RestrictionRules.ParseLevel(l) is not null).WithMessage("異動の抑止レベルは「エラー」「アラート」「なし」から選んでください。");
        RuleFor(x => x.Issuance).Must(l => RestrictionRules.ParseLevel(l) is not null).WithMessage("発行の抑止レベルは「エラー」「アラート」「なし」から選んでください。");
        RuleFor(x => x.Inquiry).Must(l => RestrictionRules.ParseLevel(l) is not null).WithMessage("照会の抑止レベルは「エラー」「アラート」「なし」から選んでください。");
        RuleFor(x => x).Must(x => new[] { x.Movement, x.Issuance, x.Inquiry }.Any(l => RestrictionRules.ParseLevel(l) is RestrictionLevel.Alert or RestrictionLevel.Error))
            .WithName("movement").WithMessage("抑止する処理(異動・発行・照会)を1つ以上選んでください。");
        RuleFor(x => x.StartOn).NotNull().WithMessage("開始日を入力してください。");
        RuleFor(x => x).Must(x => x.EndOn is null || x.StartOn is null || x.EndOn >= x.StartOn).WithName("endOn").WithMessage("終了日が開始日より前になっています。");
        RuleFor(x => x.Reason).NotEmpty().WithMessage("理由を入力してください。").MaximumLength(500).WithMessage("理由は500文字以内で入力してください。");
    }
}
