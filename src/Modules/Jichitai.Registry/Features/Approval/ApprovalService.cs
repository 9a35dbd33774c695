using System.Text.Json;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Features.Approval;

public sealed record PendingView(long Id, string Feature, string Summary, string EnteredBy, DateTime EnteredAt, string Status, string? DecidedBy, long? MovementId, string? RejectReason);

/// <summary>本登録 and 差戻し of 仮登録 by a second officer (standard 4.0.8).</summary>
public sealed class ApprovalService(PlatformSettings settings, ITenantScopeAccessor scope, RegistryMovements movements, IAuditLog audit, TimeProvider clock)
{
    private int TenantId => scope.RequireTenant();

    public async Task<IReadOnlyList<PendingView>> ListAsync(bool pendingOnly, CancellationToken ct)
    {
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(TenantId));
        var rows = await db.PendingMovements.AsNoTracking().Where(p => !pendingOnly || p.Status == PendingStatus.Pending).OrderBy(p => p.Id).Take(500).ToListAsync(ct);
        return rows.Select(ToView).ToList();
    }

    /// <summary>本登録: by someone other than the person who entered it; the movement is checked again as records stand now.</summary>
    public async Task<MovementResult> ApproveAsync(long id, AuditActor actor, CancellationToken ct)
    {
        var tenantId = TenantId;
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var row = await PendingAsync(db, id, actor, ct);
        var feature = MovementCatalog.Find(row.Feature) ?? throw new InvalidOperationException($"unknown movement {row.Feature}");
        var request = JsonSerializer.Deserialize(row.Request, feature.RequestType, MovementSession.Json)!;
        // The key makes a double 本登録 (two clicks, two officers) apply the movement once.
        var result = await movements.ExecuteAsync($"pending-{row.Id}", actor, (s, c) => feature.Run(s, request, c), ct);
        row.Status = PendingStatus.Approved;
        row.DecidedByName = actor.Name;
        row.DecidedAt = clock.GetUtcNow().UtcDateTime;
        row.MovementId = result.MovementId;
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.PersonalDataWrite, TargetType: "registry.pending",
            TargetId: id.ToString(System.Globalization.CultureInfo.InvariantCulture), Detail: $"本登録 {feature.Label} 異動番号 {result.MovementId}(入力者 {row.EnteredByName})"), ct);
        return result;
    }

    public async Task<PendingView> RejectAsync(long id, string? reason, AuditActor actor, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("request.required", "差戻しの理由を入力してください。", "reason");
        var tenantId = TenantId;
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var row = await PendingAsync(db, id, actor, ct);
        row.Status = PendingStatus.Rejected;
        row.DecidedByName = actor.Name;
        row.DecidedAt = clock.GetUtcNow().UtcDateTime;
        row.RejectReason = reason.Trim();
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.PersonalDataWrite, TargetType: "registry.pending",
            TargetId: id.ToString(System.Globalization.CultureInfo.InvariantCulture), Reason: row.RejectReason, Detail: "仮登録の差戻し"), ct);
        return ToView(row);
    }

    private static async Task<PendingMovementRow> PendingAsync(RegistryDbContext db, long id, AuditActor actor, CancellationToken ct)
    {
        var row = await db.PendingMovements.SingleOrDefaultAsync(p => p.Id == id, ct)
            ?? throw DomainException.NotFound("registry.pending.not-found", $"仮登録番号 {id} はありません。");
        if (row.Status != PendingStatus.Pending)
            throw DomainException.Conflict("registry.pending.decided", $"仮登録番号 {id} は既に{(row.Status == PendingStatus.Approved ? "本登録" : "差戻し")}されています。", "id");
        var sameStaff = actor.Id is not null ? actor.Id == row.EnteredById : actor.Name == row.EnteredByName;
        if (sameStaff)
            throw DomainException.Forbidden("registry.pending.same-officer", $"仮登録番号 {id} は入力した職員本人は本登録・差戻しできません。別の職員が審査してください(標準仕様書 4.0.8)。");
        return row;
    }

    private static PendingView ToView(PendingMovementRow p) => new(p.Id, MovementCatalog.Find(p.Feature)?.Label ?? p.Feature, p.Summary, p.EnteredByName, p.EnteredAt,
        p.Status switch { PendingStatus.Pending => "仮登録", PendingStatus.Approved => "本登録済", _ => "差戻し" }, p.DecidedByName, p.MovementId, p.RejectReason);
}
