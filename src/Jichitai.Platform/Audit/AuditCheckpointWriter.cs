using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Platform.Audit;

/// <summary>Anchors every chain whose head moved since its last checkpoint.</summary>
public sealed class AuditCheckpointWriter(PlatformSettings settings, TimeProvider clock)
{
    public async Task<int> AnchorAllAsync(CancellationToken ct = default)
    {
        await using var db = PlatformDatabase.Create(settings.Database, TenantScope.System);
        var signer = CheckpointSigner.FromKeyFile(settings.CheckpointKeyFile);
        var heads = await db.AuditChainHeads.AsNoTracking().ToListAsync(ct);
        var anchored = await db.AuditCheckpoints.GroupBy(c => c.ChainId).Select(g => new { ChainId = g.Key, Seq = g.Max(c => c.Seq) }).ToDictionaryAsync(x => x.ChainId, x => x.Seq, ct);
        var written = 0;
        foreach (var head in heads.Where(h => h.LastSeq > 0 && (!anchored.TryGetValue(h.ChainId, out var s) || s < h.LastSeq)))
        {
            var at = AuditHashing.Truncate(clock.GetUtcNow().UtcDateTime);
            db.AuditCheckpoints.Add(new AuditCheckpoint
            {
                ChainId = head.ChainId, Seq = head.LastSeq, Hash = head.LastHash, At = at,
                Signature = signer.Sign(head.ChainId, head.LastSeq, head.LastHash, at),
            });
            written++;
        }
        await db.SaveChangesAsync(ct);
        return written;
    }
}
