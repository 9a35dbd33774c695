using Jichitai.Platform;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Features.Renewal;

public sealed record SpecialReasonRequest(string? Reason);

/// <summary>
/// 特別な事由 (standard 1.1.4: 特別養子縁組, その解消, 性別の変更): the movement stays in the 住民票's history without a
/// 改製, but printed histories leave it out unless it is asked for. Marking (or clearing, with an empty reason) is audited.
/// </summary>
public sealed class SpecialReasonService(PlatformSettings settings, ITenantScopeAccessor scope, IAuditLog audit)
{
    private int TenantId => scope.Scope.TenantId ?? throw DomainException.Forbidden("registry.no-tenant", "住民記録は団体の職員だけが操作できます。");

    public async Task<string?> MarkAsync(long movementId, SpecialReasonRequest request, AuditActor actor, CancellationToken ct)
    {
        SpecialReason? reason = null;
        if (!string.IsNullOrWhiteSpace(request.Reason))
            reason = SpecialReasons.Parse(request.Reason)
                ?? throw new DomainException("registry.special-reason.unknown", "特別な事由は、特別養子縁組・特別養子縁組の解消・性別の変更のいずれかです(標準仕様書 1.1.4)。", "reason");
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(TenantId));
        var movement = await db.Movements.SingleOrDefaultAsync(m => m.Id == movementId, ct)
            ?? throw DomainException.NotFound("registry.movement.not-found", $"異動番号 {movementId} の異動はありません。");
        var code = (MovementReasonCode)movement.ReasonCode;
        if (movement.CancelsMovementId is not null || code is MovementReasonCode.RenewalEntry or MovementReasonCode.MoveOutConfirmation)
            throw DomainException.Conflict("registry.special-reason.not-applicable", $"異動番号 {movementId}({code.Label()})には特別な事由を指定できません。", "movementId");
        movement.SpecialReason = reason;
        await db.SaveChangesAsync(ct);
        var people = await db.ResidentVersions.Where(v => v.MovementId == movementId)
            .Join(db.Residents, v => v.ResidentId, r => r.Id, (v, r) => r.AddresseeNumber).ToListAsync(ct);
        foreach (var p in people)
            await audit.AppendAsync(TenantId, actor, new AuditRecord(AuditActions.PersonalDataWrite, TargetType: "registry.movement",
                TargetId: movementId.ToString(System.Globalization.CultureInfo.InvariantCulture), SubjectId: p,
                Detail: reason is { } r ? $"特別な事由の指定({r.Label()})" : "特別な事由の解除"), ct);
        return reason?.Label();
    }
}
