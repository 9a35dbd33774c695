using FluentValidation;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Features.Relocation;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Residents;

namespace Jichitai.Registry.Features.MoveOut;

/// <summary>
/// 転出届 (住基法24条; standard 4.1.3): members leave for another municipality or abroad on the 転出予定日 (the 異動日,
/// which may follow the 届出日). Their records become 除票 as of that date; a 転入通知 later confirms the move.
/// </summary>
public sealed record MoveOutRequest
{
    public MovementHeader Header { get; init; } = new();
    public string? HouseholdNumber { get; init; }
    /// <summary>Empty: the whole household leaves.</summary>
    public IReadOnlyList<string> AddresseeNumbers { get; init; } = [];
    public string? Destination { get; init; }
    public bool Abroad { get; init; }
    /// <summary>When the head leaves and others stay: the remaining household's new head and 続柄 (standard 4.0.4).</summary>
    public HeadAssignment RemainingHousehold { get; init; } = new();
}

public sealed class MoveOutValidator : AbstractValidator<MoveOutRequest>
{
    public MoveOutValidator()
    {
        RuleFor(x => x.Header).SetValidator(new MovementHeaderValidator());
        RuleFor(x => x.HouseholdNumber).NotEmpty().WithMessage("転出する世帯の世帯番号を入力してください。");
        RuleFor(x => x.Destination).NotEmpty().WithMessage("転出先を入力してください(標準仕様書 4.1.3.0.2)。").MaximumLength(200).WithMessage("転出先は200文字以内で入力してください。");
    }
}

public static class MoveOutHandler
{
    public static async Task<MovementDraft> HandleAsync(MovementSession session, MoveOutRequest request, CancellationToken ct)
    {
        InputValidation.Ensure(new MoveOutValidator(), request);
        var planned = request.Header.EffectiveOn!.Value;
        var household = await session.GetHouseholdAsync(request.HouseholdNumber, "householdNumber", ct);
        var members = await session.MembersAsync(household.Id, ct);
        var leaving = RelocationHandler.Subset(members, request.AddresseeNumbers);
        var reason = request.Abroad ? MovementReasonCode.MoveOutAbroad : MovementReasonCode.MoveOut;
        foreach (var m in leaving)
            session.Update(m, m.Record with
            {
                Status = ResidentStatus.Removed,
                RemovedOn = planned,
                RemovalReason = reason,
                MoveOut = new PlannedMoveOut { PlannedDate = planned, Destination = request.Destination!.Trim(), Abroad = request.Abroad },
            });
        foreach (var m in leaving)
            foreach (var measure in session.RestrictionsOf(m.Row.Id).Where(r => r.Kind == Restrictions.RestrictionKind.SupportMeasure))
            {
                // 前住所地として仮支援措置に自動で切替え (standard 3.4): protection continues while the move is processed.
                measure.Kind = Restrictions.RestrictionKind.ProvisionalSupportMeasure;
                measure.ContinuedAfterMoveOut = true;
            }
        var staying = members.Except(leaving).ToList();
        if (staying.Count > 0) HouseholdReshape.Apply(session, staying, request.RemainingHousehold);
        return new MovementDraft(reason, planned, request.Header.NotifiedOn!.Value,
            $"{(request.Abroad ? "国外転出" : "転出")} {leaving.Count}人 世帯 {household.HouseholdNumber}") { Note = request.Header.Note }.WithBasis(request.Header);
    }
}
