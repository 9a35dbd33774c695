using FluentValidation;
using Jichitai.Registry.Movements;

namespace Jichitai.Registry.Features.MoveIn;

/// <summary>
/// 転入届 (住基法22条; standard 4.1.1): one or more people start living here, from another municipality or from abroad.
/// They form a new household (one of them 世帯主) or join an existing one (<see cref="JoinHouseholdNumber"/>).
/// </summary>
public sealed record MoveInRequest
{
    public MovementHeader Header { get; init; } = new();
    /// <summary>通常 / 特例 (転出証明書情報 received electronically) / 未届 (職権) / 国外 / 再転入.</summary>
    public string? Kind { get; init; }
    public AddressInput Address { get; init; } = new();
    public string? JoinHouseholdNumber { get; init; }
    public PreviousAddressInput PreviousAddress { get; init; } = new();
    public IReadOnlyList<PersonInput> Members { get; init; } = [];
    /// <summary>再転入: the 宛名番号 of the earlier 除票, so the person keeps their number (standard 4.1.1.2).</summary>
    public string? ReturningAddresseeNumber { get; init; }
    /// <summary>The clerk confirmed that a suspected duplicate (same name and birth date) is another person.</summary>
    public bool DuplicateConfirmed { get; init; }
}

public sealed record PreviousAddressInput
{
    public string? Text { get; init; }
    public string? HeadName { get; init; }
    public bool Abroad { get; init; }
    /// <summary>転出証明書: issuing municipality and the 転出予定日 written on it.</summary>
    public string? CertificateIssuer { get; init; }
    public DateOnly? CertificatePlannedDate { get; init; }
}

public sealed class MoveInValidator : AbstractValidator<MoveInRequest>
{
    public MoveInValidator()
    {
        RuleFor(x => x.Header).SetValidator(new MovementHeaderValidator());
        RuleFor(x => x.Kind).Must(k => MoveInKinds.Parse(k) is not null).WithMessage("転入の種別(通常、特例、未届、国外、再転入)を選んでください。");
        RuleFor(x => x.Address).SetValidator(new AddressInputValidator());
        RuleFor(x => x.PreviousAddress.Text).NotEmpty().WithMessage("転入前住所を入力してください。").MaximumLength(200).WithMessage("転入前住所は200文字以内で入力してください。");
        RuleFor(x => x.PreviousAddress.CertificateIssuer).NotEmpty()
            .When(x => MoveInKinds.Parse(x.Kind) is Residents.MoveInKind.Ordinary && !x.PreviousAddress.Abroad)
            .WithMessage("転出証明書の発行団体を入力してください(通常の転入は転出証明書の添付が必要です。住基法施行令23条)。");
        RuleFor(x => x.Members).NotEmpty().WithMessage("転入者を1人以上入力してください。");
        RuleForEach(x => x.Members).SetValidator(new PersonInputValidator());
        RuleFor(x => x.Members).Must(m => m.Count(p => p.Relationship?.Trim() == Residents.HouseholdRules.HeadRelationship) == 1)
            .When(x => string.IsNullOrWhiteSpace(x.JoinHouseholdNumber) && x.Members.Count > 0)
            .WithMessage("新しい世帯には世帯主を1人だけ指定してください(続柄「世帯主」)。");
        RuleFor(x => x.Members).Must(m => m.All(p => p.Relationship?.Trim() != Residents.HouseholdRules.HeadRelationship))
            .When(x => !string.IsNullOrWhiteSpace(x.JoinHouseholdNumber))
            .WithMessage("既存の世帯に入る転入者の続柄に「世帯主」は指定できません(世帯主変更で行ってください)。");
        RuleFor(x => x.ReturningAddresseeNumber).NotEmpty().When(x => MoveInKinds.Parse(x.Kind) is Residents.MoveInKind.Return)
            .WithMessage("再転入では以前の宛名番号を入力してください。");
        RuleFor(x => x.Members).Must(m => m.Count == 1).When(x => MoveInKinds.Parse(x.Kind) is Residents.MoveInKind.Return)
            .WithMessage("再転入は1人ずつ入力してください。");
    }
}

public static class MoveInKinds
{
    public static Residents.MoveInKind? Parse(string? text) => text?.Trim() switch
    {
        null or "" or "通常" or "Ordinary" => Residents.MoveInKind.Ordinary,
        "特例" or "特例転入" or "SpecialCase" => Residents.MoveInKind.SpecialCase,
        "未届" or "未届転入" or "Unnotified" => Residents.MoveInKind.Unnotified,
        "国外" or "国外からの転入" or "FromAbroad" => Residents.MoveInKind.FromAbroad,
        "再転入" or "Return" => Residents.MoveInKind.Return,
        _ => null,
    };

    public static string Label(Residents.MoveInKind kind) => kind switch
    {
        Residents.MoveInKind.SpecialCase => "特例転入",
        Residents.MoveInKind.Unnotified => "未届転入",
        Residents.MoveInKind.FromAbroad => "国外からの転入",
        Residents.MoveInKind.Return => "再転入",
        _ => "転入",
    };
}
