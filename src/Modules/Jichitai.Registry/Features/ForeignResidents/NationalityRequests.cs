using FluentValidation;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Residents;

namespace Jichitai.Registry.Features.ForeignResidents;

/// <summary>
/// 帰化 (標準4.5.3) or 国籍取得 (標準4.5.4) of a 外国人住民: the 外国人住民票 is removed and a 日本人住民票 written. The person keeps
/// 宛名番号, 住所, 生年月日, 性別, 世帯と続柄, 住所を定めた年月日, 住民票コード, 個人番号 and 転入前住所; the 外国人住民となった年月日
/// becomes the 住民となった年月日. The Japanese 氏名, フリガナ and 本籍・筆頭者 come from the 戸籍 and are input.
/// One request type per route (<see cref="NaturalisationRequest"/>, <see cref="NationalityAcquisitionRequest"/>): the movement
/// catalog finds a feature by its request type.
/// </summary>
public abstract record JapaneseNationalityRequest
{
    /// <summary>異動日: the day of 帰化 (官報告示) or 国籍取得; 届出日: the day the 帰化届・国籍取得届 (or 戸籍通知) was received.</summary>
    public MovementHeader Header { get; init; } = new();
    public string? AddresseeNumber { get; init; }
    public string? FamilyName { get; init; }
    public string? GivenName { get; init; }
    public string? FamilyNameKana { get; init; }
    public string? GivenNameKana { get; init; }
    public bool KanaConfirmed { get; init; }
    public string? Domicile { get; init; }
    public string? DomicileHead { get; init; }
}

/// <summary>帰化 (標準4.5.3).</summary>
public sealed record NaturalisationRequest : JapaneseNationalityRequest;

/// <summary>国籍取得 (国籍法3条・17条; 標準4.5.4).</summary>
public sealed record NationalityAcquisitionRequest : JapaneseNationalityRequest;

/// <summary>
/// 国籍喪失 (標準4.5.5) of a 日本人住民: the 日本人住民票 is removed and a 外国人住民票 written, carrying over the same items as
/// 帰化 (氏名 aside). The 外国人住民となった年月日 is the later of the 国籍喪失日 and the 住民となった年月日. The 外国人住民の記載事項
/// (usually 経過滞在者) and, if the person uses one, a 漢字 name with フリガナ are input.
/// </summary>
public sealed record NationalityLossRequest
{
    /// <summary>異動日: the day the nationality was lost.</summary>
    public MovementHeader Header { get; init; } = new();
    public string? AddresseeNumber { get; init; }
    public string? FamilyName { get; init; }
    public string? GivenName { get; init; }
    public string? FamilyNameKana { get; init; }
    public string? GivenNameKana { get; init; }
    public ForeignInput Foreign { get; init; } = new();
}

public sealed class JapaneseNationalityValidator : AbstractValidator<JapaneseNationalityRequest>
{
    public JapaneseNationalityValidator()
    {
        RuleFor(x => x.Header).SetValidator(new MovementHeaderValidator());
        RuleFor(x => x.AddresseeNumber).NotEmpty().WithMessage("外国人住民の宛名番号を入力してください。");
        RuleFor(x => x.FamilyName).NotEmpty().WithMessage("戸籍に記載された氏を入力してください。").MaximumLength(50).WithMessage("氏は50文字以内で入力してください。");
        RuleFor(x => x.GivenName).NotEmpty().WithMessage("戸籍に記載された名を入力してください。").MaximumLength(50).WithMessage("名は50文字以内で入力してください。");
        RuleFor(x => x.FamilyNameKana).NotEmpty().WithMessage("氏のフリガナを入力してください。").Must(PersonInputValidator.BeKatakana).WithMessage("氏のフリガナはカタカナで入力してください。");
        RuleFor(x => x.GivenNameKana).NotEmpty().WithMessage("名のフリガナを入力してください。").Must(PersonInputValidator.BeKatakana).WithMessage("名のフリガナはカタカナで入力してください。");
        RuleFor(x => x.Domicile).NotEmpty().WithMessage("本籍を入力してください(日本人住民票の記載事項です。住基法7条5号)。").MaximumLength(200).WithMessage("本籍は200文字以内で入力してください。");
        RuleFor(x => x.DomicileHead).NotEmpty().WithMessage("筆頭者を入力してください(日本人住民票の記載事項です。住基法7条5号)。").MaximumLength(100).WithMessage("筆頭者は100文字以内で入力してください。");
    }
}

public sealed class NationalityLossValidator : AbstractValidator<NationalityLossRequest>
{
    public NationalityLossValidator()
    {
        RuleFor(x => x.Header).SetValidator(new MovementHeaderValidator());
        RuleFor(x => x.AddresseeNumber).NotEmpty().WithMessage("日本人住民の宛名番号を入力してください。");
        RuleFor(x => x.FamilyName).MaximumLength(50).WithMessage("氏は50文字以内で入力してください。");
        RuleFor(x => x.GivenName).MaximumLength(50).WithMessage("名は50文字以内で入力してください。");
        RuleFor(x => x.FamilyNameKana).Must(PersonInputValidator.BeKatakana).WithMessage("氏のフリガナはカタカナで入力してください。");
        RuleFor(x => x.GivenNameKana).Must(PersonInputValidator.BeKatakana).WithMessage("名のフリガナはカタカナで入力してください。");
        RuleFor(x => x.Foreign).SetValidator(new ForeignItemsValidator());
        RuleFor(x => x.Foreign.StayExpiresOn).Must((x, expires) => expires >= x.Header.EffectiveOn)
            .When(x => x.Foreign.StayExpiresOn is not null && x.Header.EffectiveOn is not null)
            .WithMessage("在留期間の満了日が異動日(国籍喪失日)より前です。満了日を確認してください。");
    }
}

public static class NationalityHandlers
{
    // 標準4.5.3 帰化: 外国人住民票を消除し日本人住民票に記載; 宛名番号ほかを引き継ぐ.
    public static Task<MovementDraft> NaturalisationAsync(MovementSession session, NaturalisationRequest request, CancellationToken ct) =>
        BecomeJapaneseAsync(session, request, MovementReasonCode.NaturalisationEntry, MovementReasonCode.NaturalisationRemoval, "帰化", ct);

    // 標準4.5.4 国籍取得: 帰化と同じく外国人住民票を消除し日本人住民票に記載.
    public static Task<MovementDraft> NationalityAcquisitionAsync(MovementSession session, NationalityAcquisitionRequest request, CancellationToken ct) =>
        BecomeJapaneseAsync(session, request, MovementReasonCode.NationalityAcquisitionEntry, MovementReasonCode.NationalityAcquisitionRemoval, "国籍取得", ct);

    /// <summary>
    /// One row per person: the 宛名番号 is carried over (標準4.5.3/4.5.4), so the same resident gets the Japanese record as a new
    /// version and the foreign record stays readable as of any earlier date. The movement carries the 記載 code; the 消除 of the
    /// 外国人住民票 is stated in its summary (a movement has one reason; see the report on MovementSession).
    /// </summary>
    private static async Task<MovementDraft> BecomeJapaneseAsync(MovementSession session, JapaneseNationalityRequest request,
        MovementReasonCode entry, MovementReasonCode removal, string what, CancellationToken ct)
    {
        InputValidation.Ensure(new JapaneseNationalityValidator(), request);
        var person = await session.GetCurrentResidentAsync(request.AddresseeNumber, "addresseeNumber", ct);
        ForeignItemRules.RequireForeign(person, what);
        var r = person.Record;
        session.Update(person, r with
        {
            Kind = ResidentKind.Japanese,
            FamilyName = request.FamilyName!.Trim(),
            GivenName = request.GivenName!.Trim(),
            FamilyNameKana = request.FamilyNameKana!.Trim(),
            GivenNameKana = request.GivenNameKana!.Trim(),
            KanaConfirmed = request.KanaConfirmed,
            FormerSurname = null,
            FormerSurnameKana = null,
            Domicile = request.Domicile!.Trim(),
            DomicileHead = request.DomicileHead!.Trim(),
            Foreign = null,
        });
        return new MovementDraft(entry, request.Header.EffectiveOn!.Value, request.Header.NotifiedOn!.Value,
            $"{what} 宛名番号 {person.Row.AddresseeNumber}: 外国人住民票を消除({removal.Label()})し日本人住民票に記載({entry.Label()})",
            IsNotification: false) { Note = request.Header.Note }.WithBasis(request.Header);
    }

    // 標準4.5.5 国籍喪失: 日本人住民票を消除し外国人住民票に記載; 外国人住民となった年月日は国籍喪失日と住民となった日の遅い方.
    public static async Task<MovementDraft> NationalityLossAsync(MovementSession session, NationalityLossRequest request, CancellationToken ct)
    {
        InputValidation.Ensure(new NationalityLossValidator(), request);
        var lostOn = request.Header.EffectiveOn!.Value;
        var person = await session.GetCurrentResidentAsync(request.AddresseeNumber, "addresseeNumber", ct);
        ForeignItemRules.RequireJapanese(person, "国籍喪失");
        var r = person.Record;
        session.Update(person, r with
        {
            Kind = ResidentKind.Foreign,
            FamilyName = request.FamilyName?.Trim() ?? "",
            GivenName = request.GivenName?.Trim() ?? "",
            FamilyNameKana = request.FamilyNameKana?.Trim() ?? "",
            GivenNameKana = request.GivenNameKana?.Trim() ?? "",
            KanaConfirmed = false,
            FormerSurname = null,
            FormerSurnameKana = null,
            Domicile = null,
            DomicileHead = null,
            BecameResidentOn = lostOn > r.BecameResidentOn ? lostOn : r.BecameResidentOn,
            Foreign = ForeignItemRules.ToItems(request.Foreign, lostOn, session.Municipality),
        });
        return new MovementDraft(MovementReasonCode.LossOfNationalityEntry, lostOn, request.Header.NotifiedOn!.Value,
            $"国籍喪失 宛名番号 {person.Row.AddresseeNumber}: 日本人住民票を消除({MovementReasonCode.LossOfNationalityRemoval.Label()})し外国人住民票に記載({MovementReasonCode.LossOfNationalityEntry.Label()})",
            IsNotification: false) { Note = request.Header.Note }.WithBasis(request.Header);
    }
}
