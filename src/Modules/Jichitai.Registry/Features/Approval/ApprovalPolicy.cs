using System.Text.Json;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Settings;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Features.Approval;

public enum PendingStatus { Pending = 1, Approved = 2, Rejected = 3 }

/// <summary>Whether a tenant requires 審査・決裁, and storing a checked movement as 仮登録 (standard 4.0.8).</summary>
public sealed class ApprovalPolicy(PlatformSettings settings, TenantSettingsService tenantSettings, IAuditLog audit, TimeProvider clock)
{
    public const string Setting = "registry.requireApproval";

    public async Task<bool> RequiredAsync(int tenantId, DateOnly today, CancellationToken ct) =>
        await tenantSettings.GetAsync(tenantId, Setting, today, ct) == "true";

    public async Task<MovementResult> StorePendingAsync(RegistryMovements movements, MovementFeature feature, object request, string? idempotencyKey, AuditActor actor, CancellationToken ct)
    {
        var tenantId = movements.TenantId;
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        if (!string.IsNullOrEmpty(idempotencyKey) && await db.PendingMovements.AsNoTracking().SingleOrDefaultAsync(p => p.IdempotencyKey == idempotencyKey, ct) is { } same)
            return await ReplayAsync(movements, same, ct);
        // Checked in full now (validation, households, restrictions), so the second officer reviews a movement that would apply.
        var check = await movements.CheckAsync(actor, (s, c) => feature.Run(s, request, c), ct);
        var row = new PendingMovementRow
        {
            TenantId = tenantId, Feature = feature.Name, Request = JsonSerializer.Serialize(request, feature.RequestType, MovementSession.Json),
            Summary = $"{feature.Label}({string.Join("、", check.AddresseeNumbers.Where(n => !string.IsNullOrEmpty(n)).Take(5))})",
            EnteredById = actor.Id, EnteredByName = actor.Name, EnteredAt = clock.GetUtcNow().UtcDateTime,
            Status = PendingStatus.Pending, IdempotencyKey = string.IsNullOrEmpty(idempotencyKey) ? null : idempotencyKey,
        };
        db.PendingMovements.Add(row);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.PersonalDataWrite, TargetType: "registry.pending",
            TargetId: row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Detail: $"仮登録 {feature.Label}"), ct);
        return check with { PendingId = row.Id };
    }

    private static Task<MovementResult> ReplayAsync(RegistryMovements movements, PendingMovementRow row, CancellationToken ct) =>
        Task.FromResult(new MovementResult(row.MovementId ?? 0, row.Summary, default, default, false, [], [], Replayed: true) { PendingId = row.Id });
}
