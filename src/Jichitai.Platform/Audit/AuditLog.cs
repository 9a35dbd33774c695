using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Platform.Audit;

/// <summary>Appends to the access log. Each append runs in its own transaction so that refused and failed actions are logged too.</summary>
public interface IAuditLog
{
    /// <param name="tenantId">The tenant whose chain receives the entry; null for the operator's chain.</param>
    Task<AuditEntry> AppendAsync(int? tenantId, AuditActor actor, AuditRecord record, CancellationToken ct = default);

    /// <summary>Appends inside the caller's transaction on <paramref name="db"/>: the change and its log line commit together or not at all.</summary>
    Task<AuditEntry> AppendWithinAsync(PlatformDbContext db, AuditActor actor, AuditRecord record, CancellationToken ct = default);
}

public sealed class AuditLog(PlatformSettings settings, TimeProvider clock) : IAuditLog
{
    public async Task<AuditEntry> AppendAsync(int? tenantId, AuditActor actor, AuditRecord record, CancellationToken ct = default)
    {
        var scope = tenantId is int t ? TenantScope.ForTenant(t) : TenantScope.Operator;
        await using var db = PlatformDatabase.Create(settings.Database, scope);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var entry = await AppendCoreAsync(db, scope, actor, record, ct);
        await tx.CommitAsync(ct);
        return entry;
    }

    public async Task<AuditEntry> AppendWithinAsync(PlatformDbContext db, AuditActor actor, AuditRecord record, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("AppendWithinAsync needs an open transaction.");
        if (db.Scope.Kind is not (ScopeKind.Tenant or ScopeKind.Operator)) throw new InvalidOperationException($"No audit chain for scope {db.Scope}.");
        return await AppendCoreAsync(db, db.Scope, actor, record, ct);
    }

    private async Task<AuditEntry> AppendCoreAsync(PlatformDbContext db, TenantScope scope, AuditActor actor, AuditRecord record, CancellationToken ct)
    {
        var tenantId = scope.TenantId;
        var head = await LockHeadAsync(db, scope.ChainId, ct);
        var entry = new AuditEntry
        {
            ChainId = scope.ChainId,
            Seq = head.LastSeq + 1,
            At = AuditHashing.Truncate(clock.GetUtcNow().UtcDateTime),
            TenantId = tenantId,
            ActorId = actor.Id,
            ActorName = Limit(actor.Name, 100) ?? "",
            Action = record.Action,
            Outcome = record.Outcome,
            TargetType = record.TargetType,
            TargetId = Limit(record.TargetId, 100),
            SubjectId = Limit(record.SubjectId, 100),
            Reason = Limit(record.Reason, 500),
            ClientAddress = Limit(actor.ClientAddress, 64),
            Detail = Limit(record.Detail, 2000),
            PrevHash = head.LastHash,
            Hash = "",
        };
        entry.Hash = AuditHashing.Compute(entry);
        head.LastSeq = entry.Seq;
        head.LastHash = entry.Hash;
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        return entry;
    }

    /// <summary>
    /// Serialises appends per chain: the head row is created if missing (concurrent first appends race on it, so
    /// INSERT … ON CONFLICT DO NOTHING), then locked (FOR UPDATE on PostgreSQL; SQLite writers are already exclusive).
    /// </summary>
    private static async Task<AuditChainHead> LockHeadAsync(PlatformDbContext db, int chainId, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO platform_audit_chain_heads (chain_id, last_seq, last_hash) VALUES ({chainId}, 0, {AuditHashing.Genesis}) ON CONFLICT (chain_id) DO NOTHING", ct);
        return db.Database.IsNpgsql()
            ? await db.AuditChainHeads.FromSql($"SELECT * FROM platform_audit_chain_heads WHERE chain_id = {chainId} FOR UPDATE").SingleAsync(ct)
            : await db.AuditChainHeads.SingleAsync(h => h.ChainId == chainId, ct);
    }

    private static string? Limit(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
