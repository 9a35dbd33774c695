using Jichitai.Platform.Errors;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Residents;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Features.Cancellation;

/// <summary>
/// 異動の取消し (standard 4.6.0.1, 4.6.1.1): appends a movement that restores each resident's record as it was before;
/// the cancelled movement and its versions stay in the history. Only a resident's latest movement can be cancelled.
/// </summary>
public sealed record CancellationRequest
{
    public long? MovementId { get; init; }
    public string? Reason { get; init; }
}

public static class CancellationHandler
{
    public static async Task<MovementDraft> HandleAsync(MovementSession session, CancellationRequest request, CancellationToken ct)
    {
        if (request.MovementId is null) throw new DomainException("request.required", "取り消す異動の番号を入力してください。", "movementId");
        if (string.IsNullOrWhiteSpace(request.Reason)) throw new DomainException("request.required", "取消しの理由を入力してください。", "reason");
        var db = session.Db;
        var target = await db.Movements.SingleOrDefaultAsync(m => m.Id == request.MovementId, ct)
            ?? throw DomainException.NotFound("registry.movement.not-found", $"異動番号 {request.MovementId} の異動はありません。");
        if (target.CancelledByMovementId is not null)
            throw DomainException.Conflict("registry.cancel.already", $"異動番号 {target.Id} は既に取り消されています(取消しの異動番号 {target.CancelledByMovementId})。", "movementId");
        if (target.CancelsMovementId is not null)
            throw DomainException.Conflict("registry.cancel.of-cancellation", $"異動番号 {target.Id} は取消しの異動です。取消しは取り消せません(必要な異動を改めて入力してください)。", "movementId");
        var versions = await db.ResidentVersions.Where(v => v.MovementId == target.Id).ToListAsync(ct);
        foreach (var v in versions)
        {
            var resident = await db.Residents.SingleAsync(r => r.Id == v.ResidentId, ct);
            if (resident.LastVersionId != v.Id)
                throw DomainException.Conflict("registry.cancel.not-latest",
                    $"宛名番号 {resident.AddresseeNumber} にはこの後の異動が記録されています。後の異動から順に取り消してください。", "movementId");
            var before = await db.ResidentVersions.Where(x => x.ResidentId == v.ResidentId && x.Id < v.Id).OrderByDescending(x => x.Id).FirstOrDefaultAsync(ct);
            var tracked = await session.GetAsync(resident.AddresseeNumber, "movementId", ct);
            var restored = before is null
                ? tracked.Record with { Status = ResidentStatus.Voided, HouseholdId = null, HouseholdNumber = null }
                : MovementSession.Deserialize(before.Record);
            session.Update(tracked, restored);
        }
        return new MovementDraft(MovementReasons.CancellationOf((MovementReasonCode)target.ReasonCode), target.EffectiveOn, session.Today,
            $"取消し(異動番号 {target.Id}: {((MovementReasonCode)target.ReasonCode).Label()})", IsNotification: false)
        { CancelsMovementId = target.Id, Note = request.Reason.Trim() };
    }
}
