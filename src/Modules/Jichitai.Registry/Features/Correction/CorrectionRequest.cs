using Jichitai.Registry.Features.AddressDictionary;
using FluentValidation;
using Jichitai.Platform.Errors;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Movements;

namespace Jichitai.Registry.Features.Correction;

/// <summary>
/// 職権修正 (standard 4.2.3.1), 軽微な修正 (4.2.3.2), 誤記修正 (4.2.3.3) and 戸籍通知 (4.2.0.3: 本籍・筆頭者, 氏名):
/// the given items replace the current ones; items left empty stay as they are.
/// </summary>
public sealed record CorrectionRequest
{
    public MovementHeader Header { get; init; } = new();
    public string? AddresseeNumber { get; init; }
    /// <summary>職権修正 / 軽微な修正 / 誤記修正 / 戸籍通知</summary>
    public string? Kind { get; init; }
    public string? FamilyName { get; init; }
    public string? GivenName { get; init; }
    public string? FamilyNameKana { get; init; }
    public string? GivenNameKana { get; init; }
    public bool? KanaConfirmed { get; init; }
    public string? FormerSurname { get; init; }
    public DateOnly? BirthDate { get; init; }
    public string? Gender { get; init; }
    public string? Domicile { get; init; }
    public string? DomicileHead { get; init; }
    public string? PersonalNumber { get; init; }
    public string? ResidentCode { get; init; }
    public AddressInput? Address { get; init; }
    /// <summary>Items to clear (標準4.2.3: 修正 includes removing an item written by mistake); see <see cref="CorrectionHandler.Clearable"/>.</summary>
    public IReadOnlyList<string> Clear { get; init; } = [];
}

public sealed class CorrectionValidator : AbstractValidator<CorrectionRequest>
{
    public CorrectionValidator()
    {
        RuleFor(x => x.Header).SetValidator(new MovementHeaderValidator());
        RuleFor(x => x.AddresseeNumber).NotEmpty().WithMessage("修正する住民の宛名番号を入力してください。");
        RuleFor(x => x.Kind).Must(k => CorrectionHandler.ReasonFor(k) is not null).WithMessage("修正の種別(職権修正、軽微な修正、誤記修正、戸籍通知)を選んでください。");
        RuleFor(x => x.FamilyNameKana).Must(PersonInputValidator.BeKatakana).WithMessage("氏のフリガナはカタカナで入力してください。");
        RuleFor(x => x.GivenNameKana).Must(PersonInputValidator.BeKatakana).WithMessage("名のフリガナはカタカナで入力してください。");
        RuleFor(x => x.Gender).Must(g => PersonFactory.ParseGender(g) is not null).When(x => !string.IsNullOrEmpty(x.Gender)).WithMessage("性別は「男」または「女」を選んでください。");
        RuleFor(x => x.PersonalNumber).Must(n => Domain.Numbering.PersonalNumber.IsValid(n, out _)).When(x => !string.IsNullOrEmpty(x.PersonalNumber))
            .WithMessage(x => { Domain.Numbering.PersonalNumber.IsValid(x.PersonalNumber, out var e); return e ?? "個人番号が正しくありません。"; });
        RuleFor(x => x.ResidentCode).Matches(@"^\d{11}$").When(x => !string.IsNullOrEmpty(x.ResidentCode)).WithMessage("住民票コードは11桁の数字で入力してください。");
        RuleFor(x => x.Address!).SetValidator(new AddressInputValidator()).When(x => x.Address is not null);
        RuleForEach(x => x.Clear).Must(c => CorrectionHandler.Clearable.ContainsKey(c))
            .WithMessage($"消去できる項目は{string.Join("、", CorrectionHandler.Clearable.Values)}です(氏名・生年月日・性別・住所・本籍・筆頭者は消去できません。本籍がないときは「なし」、わからないときは「不明」に修正します)。");
        RuleFor(x => x).Custom((x, ctx) =>
        {
            // An item is either given a new value or cleared, not both.
            foreach (var item in x.Clear.Where(c => CorrectionHandler.Clearable.ContainsKey(c) && CorrectionHandler.Given(x, c)))
                ctx.AddFailure(item, $"{CorrectionHandler.Clearable[item]}は新しい内容の入力と消去を同時に指定できません。どちらか一方にしてください。");
        });
    }
}

public static class CorrectionHandler
{
    public static MovementReasonCode? ReasonFor(string? kind) => kind?.Trim() switch
    {
        "職権修正" => MovementReasonCode.OfficialCorrection,
        "軽微な修正" => MovementReasonCode.MinorCorrection,
        "誤記修正" => MovementReasonCode.ClericalErrorCorrection,
        "戸籍通知" => MovementReasonCode.FamilyRegisterNotice,
        _ => null,
    };

    /// <summary>
    /// Items a 修正 may clear, by request field: those the record can lack (旧氏, フリガナ of a 外国人住民).
    /// 氏名・生年月日・性別・住所 are 住基法7条 items every record has; 本籍・筆頭者 are never blank but 「なし」 or 「不明」
    /// (標準1.1.6, 1.1.12: see BlankItemRules); 個人番号・住民票コード have movements of their own.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Clearable = new Dictionary<string, string>
    {
        ["formerSurname"] = "旧氏",
        ["familyNameKana"] = "氏のフリガナ", ["givenNameKana"] = "名のフリガナ",
    };

    internal static bool Given(CorrectionRequest r, string item) => !string.IsNullOrWhiteSpace(item switch
    {
        "formerSurname" => r.FormerSurname,
        "familyNameKana" => r.FamilyNameKana, "givenNameKana" => r.GivenNameKana, _ => null,
    });

    public static async Task<MovementDraft> HandleAsync(MovementSession session, CorrectionRequest request, CancellationToken ct)
    {
        InputValidation.Ensure(new CorrectionValidator(), request);
        var person = await session.GetCurrentResidentAsync(request.AddresseeNumber, "addresseeNumber", ct);
        var r = person.Record;
        var changed = r with
        {
            FamilyName = Or(request.FamilyName, r.FamilyName),
            GivenName = Or(request.GivenName, r.GivenName),
            FamilyNameKana = Or(request.FamilyNameKana, r.FamilyNameKana),
            GivenNameKana = Or(request.GivenNameKana, r.GivenNameKana),
            KanaConfirmed = request.KanaConfirmed ?? r.KanaConfirmed,
            FormerSurname = request.FormerSurname is null ? r.FormerSurname : request.FormerSurname.Trim(),
            BirthDate = request.BirthDate ?? r.BirthDate,
            Gender = PersonFactory.ParseGender(request.Gender) ?? r.Gender,
            Domicile = OrNull(request.Domicile, r.Domicile),
            DomicileHead = OrNull(request.DomicileHead, r.DomicileHead),
            ResidentCode = OrNull(request.ResidentCode, r.ResidentCode),
            Address = request.Address is null ? r.Address : await session.AddressFromDictionaryAsync(request.Address, request.Header.EffectiveOn!.Value, ct),
        };
        changed = session.WithPersonalNumber(changed, request.PersonalNumber);
        var clear = request.Clear.ToHashSet();
        if (clear.Count > 0)
        {
            if (r.Kind == Residents.ResidentKind.Japanese && (clear.Contains("familyNameKana") || clear.Contains("givenNameKana")))
                throw new DomainException("registry.correction.kana-required", "日本人住民のフリガナは消去できません(標準1.1.18)。正しいフリガナを入力してください。", "clear");
            changed = changed with
            {
                FormerSurname = clear.Contains("formerSurname") ? null : changed.FormerSurname,
                FormerSurnameKana = clear.Contains("formerSurname") ? null : changed.FormerSurnameKana,
                Domicile = clear.Contains("domicile") ? null : changed.Domicile,
                DomicileHead = clear.Contains("domicileHead") ? null : changed.DomicileHead,
                FamilyNameKana = clear.Contains("familyNameKana") ? "" : changed.FamilyNameKana,
                GivenNameKana = clear.Contains("givenNameKana") ? "" : changed.GivenNameKana,
                KanaConfirmed = clear.Contains("familyNameKana") || clear.Contains("givenNameKana") ? false : changed.KanaConfirmed,
            };
        }
        if (changed == r) throw new DomainException("registry.correction.nothing", "修正する項目が入力されていません。", "kind");
        session.Update(person, changed);
        var reason = ReasonFor(request.Kind)!.Value;
        return new MovementDraft(reason, request.Header.EffectiveOn!.Value, request.Header.NotifiedOn!.Value,
            $"{request.Kind!.Trim()} 宛名番号 {person.Row.AddresseeNumber}", IsNotification: false) { Note = request.Header.Note }.WithBasis(request.Header);
    }

    private static string Or(string? given, string current) => string.IsNullOrWhiteSpace(given) ? current : given.Trim();
    private static string? OrNull(string? given, string? current) => string.IsNullOrWhiteSpace(given) ? current : given.Trim();
}
