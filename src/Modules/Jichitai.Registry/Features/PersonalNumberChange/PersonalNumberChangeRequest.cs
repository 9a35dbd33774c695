using FluentValidation;
using Jichitai.Platform.Errors;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Movements;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Features.PersonalNumberChange;

/// <summary>
/// 個人番号の異動 (標準4.4): 指定 (番号法7条1項・附則3条), 請求に基づく変更 (番号法7条2項, 施行令3条4項), 職権に基づく変更
/// (番号法7条2項, 施行令4条1項) and 修正 (誤記・記載漏れ, 令12条3項). The number itself comes from J-LIS through the CS
/// (標準7.1.2); we record it, encrypted, and only 住記担当 may enter it (RegistryPersonalNumber).
/// </summary>
public sealed record PersonalNumberChangeRequest
{
    /// <summary>異動日: the day the number was designated or changed; 届出日: the 請求 (or 職権調査) date.</summary>
    public MovementHeader Header { get; init; } = new();
    public string? AddresseeNumber { get; init; }
    /// <summary>指定 / 変更請求 / 職権変更 / 職権修正</summary>
    public string? Kind { get; init; }
    public string? PersonalNumber { get; init; }
}

public sealed class PersonalNumberChangeValidator : AbstractValidator<PersonalNumberChangeRequest>
{
    public PersonalNumberChangeValidator()
    {
        RuleFor(x => x.Header).SetValidator(new MovementHeaderValidator());
        RuleFor(x => x.AddresseeNumber).NotEmpty().WithMessage("個人番号を記録する住民の宛名番号を入力してください。");
        RuleFor(x => x.Kind).Must(k => PersonalNumberChangeHandler.ReasonFor(k) is not null)
            .WithMessage($"個人番号の異動の種別({string.Join("、", PersonalNumberChangeHandler.Kinds)})を選んでください。");
        RuleFor(x => x.PersonalNumber).Must(n => Domain.Numbering.PersonalNumber.IsValid(n?.Trim(), out _))
            .WithMessage(x => { Domain.Numbering.PersonalNumber.IsValid(x.PersonalNumber?.Trim(), out var e); return e + "。"; });
    }
}

public static class PersonalNumberChangeHandler
{
    public const string Designation = "指定", ChangeOnRequest = "変更請求", OfficialChange = "職権変更", OfficialCorrection = "職権修正";
    public static readonly string[] Kinds = [Designation, ChangeOnRequest, OfficialChange, OfficialCorrection];

    /// <summary>標準1.2.2 has three 区分 for 個人番号: 職権記載 (指定), 変更請求, 職権修正 (職権による変更 and 誤記・記載漏れ).</summary>
    public static MovementReasonCode? ReasonFor(string? kind) => kind?.Trim() switch
    {
        Designation => MovementReasonCode.PersonalNumberOfficialEntry,
        ChangeOnRequest => MovementReasonCode.PersonalNumberChangeRequest,
        OfficialChange or OfficialCorrection => MovementReasonCode.PersonalNumberOfficialCorrection,
        _ => null,
    };

    public static async Task<MovementDraft> HandleAsync(MovementSession session, PersonalNumberChangeRequest request, CancellationToken ct)
    {
        InputValidation.Ensure(new PersonalNumberChangeValidator(), request);
        var kind = request.Kind!.Trim();
        var person = await session.GetCurrentResidentAsync(request.AddresseeNumber, "addresseeNumber", ct);
        var current = person.Record;
        var changed = session.WithPersonalNumber(current, request.PersonalNumber);
        // 指定 is for someone without a number (番号法7条1項); a 変更 replaces an existing one (7条2項). 修正 covers a 記載漏れ too.
        if (kind == Designation && current.PersonalNumberIndex is not null)
            throw new DomainException("registry.personal-number.already", "この住民には個人番号が記載されています。番号が変わる場合は「変更請求」または「職権変更」で入力してください。", "kind");
        if (kind is ChangeOnRequest or OfficialChange && current.PersonalNumberIndex is null)
            throw new DomainException("registry.personal-number.none", "この住民には個人番号が記載されていません。初めて記載する場合は「指定」で入力してください。", "kind");
        if (changed.PersonalNumberIndex == current.PersonalNumberIndex)
            throw new DomainException("registry.personal-number.same", "入力された個人番号は現在の記載と同じです。", "personalNumber");
        // One number, one person (番号法7条): compared by the keyed hash, so the number is never decrypted or repeated.
        if (await session.Db.Residents.AnyAsync(r => r.PersonalNumberIndex == changed.PersonalNumberIndex && r.Id != person.Row.Id, ct))
            throw new DomainException("registry.personal-number.taken", "入力された個人番号は別の住民(除票を含む)に記載されています。番号を確認してください。", "personalNumber", 409);
        session.Update(person, changed);
        return new MovementDraft(ReasonFor(kind)!.Value, request.Header.EffectiveOn!.Value, request.Header.NotifiedOn!.Value,
            $"個人番号の{kind} 宛名番号 {person.Row.AddresseeNumber}", IsNotification: false) { Note = request.Header.Note }.WithBasis(request.Header);
    }
}
