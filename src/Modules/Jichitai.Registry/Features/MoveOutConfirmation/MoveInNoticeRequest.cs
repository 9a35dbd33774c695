using FluentValidation;
using Jichitai.Platform.Errors;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Residents;

namespace Jichitai.Registry.Features.MoveOutConfirmation;

/// <summary>
/// 転入通知の受理 (住基法9条1項; standard 4.1.3.1.1): the municipality the person moved to reports the actual move-in;
/// the 除票 records it and the 転出 is confirmed (it leaves the list of 転入通知未着).
/// </summary>
public sealed record MoveInNoticeRequest
{
    public string? AddresseeNumber { get; init; }
    public DateOnly? ActualMoveInDate { get; init; }
    public string? NewAddress { get; init; }
    public DateOnly? ReceivedOn { get; init; }
}

public sealed class MoveInNoticeValidator : AbstractValidator<MoveInNoticeRequest>
{
    public MoveInNoticeValidator()
    {
        RuleFor(x => x.AddresseeNumber).NotEmpty().WithMessage("転出した住民の宛名番号を入力してください。");
        RuleFor(x => x.ActualMoveInDate).NotNull().WithMessage("転入通知に記載された転入日を入力してください。");
        RuleFor(x => x.ReceivedOn).NotNull().WithMessage("転入通知の受理日を入力してください。");
        RuleFor(x => x.NewAddress).NotEmpty().WithMessage("転入先の住所を入力してください。").MaximumLength(200).WithMessage("転入先の住所は200文字以内で入力してください。");
    }
}

public static class MoveInNoticeHandler
{
    public static async Task<MovementDraft> HandleAsync(MovementSession session, MoveInNoticeRequest request, CancellationToken ct)
    {
        InputValidation.Ensure(new MoveInNoticeValidator(), request);
        var person = await session.GetAsync(request.AddresseeNumber, "addresseeNumber", ct);
        if (person.Record is not { Status: ResidentStatus.Removed, MoveOut: { } moveOut } || person.Record.RemovalReason is not MovementReasonCode.MoveOut)
            throw new DomainException("registry.notice.not-moved-out", $"宛名番号 {person.Row.AddresseeNumber} の住民は国内への転出で消除されていません。転入通知を受理できません。", "addresseeNumber", 409);
        if (moveOut.ConfirmedOn is not null)
            throw DomainException.Conflict("registry.notice.already", $"宛名番号 {person.Row.AddresseeNumber} の転入通知は {moveOut.ConfirmedOn:yyyy-MM-dd} に受理済みです。", "addresseeNumber");
        var received = request.ReceivedOn!.Value;
        session.Update(person, person.Record with
        {
            MoveOut = moveOut with { ConfirmedOn = received, ActualMoveInDate = request.ActualMoveInDate, Destination = request.NewAddress!.Trim() },
        });
        return new MovementDraft(MovementReasonCode.MoveOutConfirmation, person.Row.LastEffectiveOn > received ? person.Row.LastEffectiveOn : received, received,
            $"転入通知受理 宛名番号 {person.Row.AddresseeNumber}", IsNotification: false);
    }
}
