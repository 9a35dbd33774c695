using FluentValidation;
using Jichitai.Platform.Errors;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Movements;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Features.Renewal;

/// <summary>
/// 改製 (standard 1.1.4): re-makes a person's 住民票 at any time the officer chooses (never automatically: the record has
/// no size limit). The 宛名番号 and every item are kept; the 改製年月日 is recorded, the printed history starts from it,
/// and the record before it stays retrievable as the 改製原住民票.
/// </summary>
public sealed record RenewalRequest
{
    public string? AddresseeNumber { get; init; }
    /// <summary>改製年月日.</summary>
    public DateOnly? RenewedOn { get; init; }
    /// <summary>Why (履歴が多くなったため, 法令改正 …); kept with the movement.</summary>
    public string? Reason { get; init; }
}

public sealed class RenewalValidator : AbstractValidator<RenewalRequest>
{
    public RenewalValidator()
    {
        RuleFor(x => x.AddresseeNumber).NotEmpty().WithMessage("改製する住民の宛名番号を入力してください。");
        RuleFor(x => x.RenewedOn).NotNull().WithMessage("改製年月日を入力してください。");
        RuleFor(x => x.Reason).NotEmpty().WithMessage("改製の理由を入力してください。").MaximumLength(200).WithMessage("改製の理由は200文字以内で入力してください。");
    }
}

public static class RenewalHandler
{
    public static async Task<MovementDraft> HandleAsync(MovementSession session, RenewalRequest request, CancellationToken ct)
    {
        InputValidation.Ensure(new RenewalValidator(), request);
        var person = await session.GetCurrentResidentAsync(request.AddresseeNumber, "addresseeNumber", ct);
        // A second 改製 with nothing recorded since the last one would only repeat it.
        var last = await session.Db.ResidentVersions.Where(v => v.Id == person.Row.LastVersionId)
            .Join(session.Db.Movements, v => v.MovementId, m => m.Id, (v, m) => m.ReasonCode).SingleAsync(ct);
        if (last == (int)MovementReasonCode.RenewalEntry)
            throw DomainException.Conflict("registry.renewal.nothing-since",
                $"宛名番号 {person.Row.AddresseeNumber} の住民票は {person.Record.RenewedOn:yyyy年M月d日} に改製した後、異動がありません。", "addresseeNumber");
        var on = request.RenewedOn!.Value;
        session.Update(person, person.Record with { RenewedOn = on });
        return new MovementDraft(MovementReasonCode.RenewalEntry, on, on, $"改製 宛名番号 {person.Row.AddresseeNumber}({request.Reason!.Trim()})", IsNotification: false)
        { Note = request.Reason.Trim() };
    }
}
