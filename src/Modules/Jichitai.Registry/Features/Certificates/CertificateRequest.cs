using FluentValidation;

namespace Jichitai.Registry.Features.Certificates;

/// <summary>
/// A 交付請求 as taken at the counter or through the API. Kinds, layouts, requester types and items are given by their
/// Japanese names (住民票の写し, 世帯連記式, 本人等, 世帯主・続柄 …) or the English identifiers.
/// </summary>
public sealed record CertificateRequest
{
    public string? Kind { get; init; }
    /// <summary>個人票 (default) or 世帯連記式.</summary>
    public string? Layout { get; init; }
    /// <summary>The people (宛名番号). For 世帯連記式 empty means the whole household (全部) of <see cref="HouseholdNumber"/>.</summary>
    public IReadOnlyList<string>? AddresseeNumbers { get; init; }
    public string? HouseholdNumber { get; init; }
    public IReadOnlyList<string>? Items { get; init; }

    /// <summary>本人等 / 公用 / 第三者.</summary>
    public string? RequesterType { get; init; }
    public string? RequesterName { get; init; }
    public DateOnly? RequesterBirthDate { get; init; }
    public string? RequesterAddress { get; init; }
    /// <summary>本人 / 同一世帯員 / 代理人 …</summary>
    public string? RequesterRelation { get; init; }
    /// <summary>本人確認書類 (マイナンバーカード, 運転免許証 …; 住基法12条3項 and 12条の3第4項).</summary>
    public string? IdentityDocument { get; init; }
    /// <summary>請求事由・利用目的 (公用 and 第三者).</summary>
    public string? Purpose { get; init; }
    /// <summary>公用: the requesting 機関 (12条の2).</summary>
    public string? Agency { get; init; }
    /// <summary>第三者: why the purpose needs items beyond 氏名・生年月日・性別・住所 (12条の3第7項).</summary>
    public string? ItemsReason { get; init; }
    /// <summary>記載事項証明書: the items to certify, as the requester's form lists them.</summary>
    public IReadOnlyList<string>? CertifiedItems { get; init; }

    /// <summary>The clerk has read the 抑止 alerts shown by the check.</summary>
    public bool AcknowledgeAlerts { get; init; }
    /// <summary>公用 request about a person under 支援措置: the officer's reason for issuing anyway.</summary>
    public string? ExceptionReason { get; init; }
}

public sealed class CertificateRequestValidator : AbstractValidator<CertificateRequest>
{
    public CertificateRequestValidator()
    {
        RuleFor(x => x.Kind).Must(k => CertificateNames.ParseKind(k) is not null)
            .WithMessage("証明書の種類(住民票の写し、住民票の除票の写し、住民票記載事項証明書 など)を選んでください。");
        RuleFor(x => x.Layout).Must(l => CertificateNames.ParseLayout(l) is not null).WithMessage("様式は「個人票」または「世帯連記式」を選んでください。");
        RuleFor(x => x.RequesterType).Must(t => RequesterRules.ParseRequester(t) is not null).WithMessage("請求者の種別(本人等、公用、第三者)を選んでください。");
        RuleFor(x => x.RequesterName).NotEmpty().WithMessage("請求者の氏名(公用は担当者名)を入力してください。")
            .MaximumLength(200).WithMessage("請求者の氏名は200文字以内で入力してください。");
        RuleFor(x => x.RequesterAddress).MaximumLength(300).WithMessage("請求者の住所は300文字以内で入力してください。");
        RuleFor(x => x.IdentityDocument).NotEmpty().WithMessage("本人確認に用いた書類(マイナンバーカード、運転免許証、職員証など)を入力してください。")
            .MaximumLength(100).WithMessage("本人確認書類は100文字以内で入力してください。");
        RuleFor(x => x).Must(x => (x.AddresseeNumbers?.Any(a => !string.IsNullOrWhiteSpace(a)) ?? false) || !string.IsNullOrWhiteSpace(x.HouseholdNumber))
            .WithName("addresseeNumbers").WithMessage("対象者の宛名番号(世帯連記式の全部は世帯番号)を入力してください。");
        RuleFor(x => x.AddresseeNumbers).Must(a => a is null || a.Count <= 50).WithMessage("一度に請求できるのは50人までです。");
        RuleFor(x => x.Items).Must(i => CertificateNames.ParseItems(i).Unknown.Count == 0)
            .WithMessage(x => $"記載する項目に不明なものがあります: {string.Join("、", CertificateNames.ParseItems(x.Items).Unknown)}");

        // 12条の2: 公用 states the 機関 and the 請求事由; 12条の3: 第三者 states the 利用目的.
        When(x => RequesterRules.ParseRequester(x.RequesterType) == Certificates.RequesterType.Official, () =>
        {
            RuleFor(x => x.Agency).NotEmpty().WithMessage("公用請求の機関名を入力してください(住基法12条の2)。");
            RuleFor(x => x.Purpose).NotEmpty().WithMessage("公用請求の請求事由(法令上の根拠・事務)を入力してください(住基法12条の2)。");
        });
        When(x => RequesterRules.ParseRequester(x.RequesterType) == Certificates.RequesterType.ThirdParty, () =>
        {
            RuleFor(x => x.Purpose).NotEmpty().WithMessage("第三者請求の利用目的を入力してください(住基法12条の3)。")
                .MinimumLength(4).WithMessage("利用目的は具体的に入力してください(住基法12条の3)。");
            RuleFor(x => x.RequesterAddress).NotEmpty().WithMessage("第三者請求では請求者の住所を入力してください(住基法12条の3第4項)。");
        });
        RuleFor(x => x.Purpose).MaximumLength(500).WithMessage("請求事由・利用目的は500文字以内で入力してください。");
        RuleFor(x => x.Agency).MaximumLength(200).WithMessage("機関名は200文字以内で入力してください。");
        RuleFor(x => x.ItemsReason).MaximumLength(500).WithMessage("項目が必要な理由は500文字以内で入力してください。");
        RuleFor(x => x.ExceptionReason).MaximumLength(500).WithMessage("例外の理由は500文字以内で入力してください。");
        RuleFor(x => x.CertifiedItems).Must(c => c is null || (c.Count <= 20 && c.All(i => i is null || i.Length <= 200)))
            .WithMessage("証明する事項は20行まで、1行200文字以内で入力してください。");
    }
}
