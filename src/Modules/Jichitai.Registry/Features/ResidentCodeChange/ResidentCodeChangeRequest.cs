using FluentValidation;
using Jichitai.Platform.Errors;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Movements;

namespace Jichitai.Registry.Features.ResidentCodeChange;

/// <summary>
/// 住民票コードの記載・変更・修正 (標準4.3.1, 4.3.2): 職権記載 of the code the CS issued for someone without one (住基法30条の3),
/// 変更請求 (住基法30条の4: the resident asks for a new code), and 修正 of a wrongly recorded code. The code always comes from
/// the CS; we record it after checking its form (see <see cref="Domain.Numbering.ResidentCode"/>).
/// </summary>
public sealed record ResidentCodeChangeRequest
{
    /// <summary>異動日: the day the code was recorded or changed; 届出日: the 請求 (or 職権調査) date.</summary>
    public MovementHeader Header { get; init; } = new();
    public string? AddresseeNumber { get; init; }
    /// <summary>職権記載 / 変更請求 / 修正</summary>
    public string? Kind { get; init; }
    public string? ResidentCode { get; init; }
}

public sealed class ResidentCodeChangeValidator : AbstractValidator<ResidentCodeChangeRequest>
{
    public ResidentCodeChangeValidator()
    {
        RuleFor(x => x.Header).SetValidator(new MovementHeaderValidator());
        RuleFor(x => x.AddresseeNumber).NotEmpty().WithMessage("住民票コードを記録する住民の宛名番号を入力してください。");
        RuleFor(x => x.Kind).Must(k => ResidentCodeChangeHandler.ReasonFor(k) is not null)
            .WithMessage($"住民票コードの異動の種別({string.Join("、", ResidentCodeChangeHandler.Kinds)})を選んでください。");
        RuleFor(x => x.ResidentCode).Must(c => Domain.Numbering.ResidentCode.IsValid(c?.Trim(), out _))
            .WithMessage(x => { Domain.Numbering.ResidentCode.IsValid(x.ResidentCode?.Trim(), out var e); return e + "。"; });
    }
}

public static class ResidentCodeChangeHandler
{
    public const string OfficialEntry = "職権記載", ChangeRequest = "変更請求", Correction = "修正";
    public static readonly string[] Kinds = [OfficialEntry, ChangeRequest, Correction];

    public static MovementReasonCode? ReasonFor(string? kind) => kind?.Trim() switch
    {
        OfficialEntry => MovementReasonCode.ResidentCodeOfficialEntry,
        ChangeRequest => MovementReasonCode.ResidentCodeChangeRequest,
        Correction => MovementReasonCode.ResidentCodeCorrection,
        _ => null,
    };

    public static async Task<MovementDraft> HandleAsync(MovementSession session, ResidentCodeChangeRequest request, CancellationToken ct)
    {
        InputValidation.Ensure(new ResidentCodeChangeValidator(), request);
        var kind = request.Kind!.Trim();
        var code = request.ResidentCode!.Trim();
        var person = await session.GetCurrentResidentAsync(request.AddresseeNumber, "addresseeNumber", ct);
        var current = person.Record.ResidentCode;
        // 住基法30条の3: 記載 is for someone without a code; 30条の4: a 変更請求 replaces the code they have.
        if (kind == OfficialEntry && current is not null)
            throw new DomainException("registry.resident-code.already", $"この住民には住民票コードが記載されています。新しいコードにするときは「変更請求」、誤りを直すときは「修正」で入力してください。", "kind");
        if (kind is ChangeRequest or Correction && current is null)
            throw new DomainException("registry.resident-code.none", "この住民には住民票コードが記載されていません。初めて記載するときは「職権記載」で入力してください。", "kind");
        if (code == current)
            throw new DomainException("registry.resident-code.same", "入力された住民票コードは現在の記載と同じです。", "residentCode");
        session.Update(person, person.Record with { ResidentCode = code });
        return new MovementDraft(ReasonFor(kind)!.Value, request.Header.EffectiveOn!.Value, request.Header.NotifiedOn!.Value,
            $"住民票コードの{kind} 宛名番号 {person.Row.AddresseeNumber}", IsNotification: false) { Note = request.Header.Note }.WithBasis(request.Header);
    }
}
