using FluentValidation;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Residents;

namespace Jichitai.Registry.Features.Removal;

/// <summary>職権消除 (standard 4.2.2): 死亡 (on the 死亡届 or a 戸籍通知) and 失踪 (失踪宣告). The record becomes a 除票.</summary>
public sealed record RemovalRequest
{
    public MovementHeader Header { get; init; } = new();
    public string? AddresseeNumber { get; init; }
    /// <summary>死亡 or 失踪.</summary>
    public string? Kind { get; init; }
    public HeadAssignment RemainingHousehold { get; init; } = new();
}

public sealed class RemovalValidator : AbstractValidator<RemovalRequest>
{
    public RemovalValidator()
    {
        RuleFor(x => x.Header).SetValidator(new MovementHeaderValidator());
        RuleFor(x => x.AddresseeNumber).NotEmpty().WithMessage("消除する住民の宛名番号を入力してください。");
        RuleFor(x => x.Kind).Must(k => k is "死亡" or "失踪").WithMessage("消除の事由(死亡または失踪)を選んでください。");
    }
}

public static class RemovalHandler
{
    public static async Task<MovementDraft> HandleAsync(MovementSession session, RemovalRequest request, CancellationToken ct)
    {
        InputValidation.Ensure(new RemovalValidator(), request);
        var effectiveOn = request.Header.EffectiveOn!.Value;
        var person = await session.GetCurrentResidentAsync(request.AddresseeNumber, "addresseeNumber", ct);
        var reason = request.Kind == "失踪" ? MovementReasonCode.Disappearance : MovementReasonCode.Death;
        session.Update(person, person.Record with { Status = ResidentStatus.Removed, RemovedOn = effectiveOn, RemovalReason = reason });
        if (person.Record.HouseholdId is long h)
        {
            var staying = (await session.MembersAsync(h, ct)).Where(m => m.Row.Id != person.Row.Id).ToList();
            if (staying.Count > 0) HouseholdReshape.Apply(session, staying, request.RemainingHousehold);
        }
        return new MovementDraft(reason, effectiveOn, request.Header.NotifiedOn!.Value,
            $"{request.Kind} 宛名番号 {person.Row.AddresseeNumber}", IsNotification: false) { Note = request.Header.Note }.WithBasis(request.Header);
    }
}
