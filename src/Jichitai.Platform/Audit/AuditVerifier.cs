using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Platform.Audit;

public sealed record ChainReport(int ChainId, string ChainName, long Entries, long AnchoredSeq, string? Problem)
{
    public bool Ok => Problem is null;
}

/// <summary>Walks a chain and reports the first broken link, then checks the head and the signed checkpoints.</summary>
public sealed class AuditVerifier(PlatformSettings settings)
{
    public async Task<IReadOnlyList<ChainReport>> VerifyAllAsync(CancellationToken ct = default)
    {
        await using var db = PlatformDatabase.Create(settings.Database, TenantScope.System);
        var tenants = await db.Tenants.OrderBy(t => t.Code).Select(t => new { t.Id, t.Code, t.Name }).ToListAsync(ct);
        var reports = new List<ChainReport> { await VerifyChainAsync(0, "運用者 (operator)", ct) };
        foreach (var t in tenants) reports.Add(await VerifyChainAsync(t.Id, $"{t.Code} {t.Name}", ct));
        return reports;
    }

    public async Task<ChainReport> VerifyChainAsync(int chainId, string chainName, CancellationToken ct = default)
    {
        await using var db = PlatformDatabase.Create(settings.Database, TenantScope.System);
        var signer = CheckpointSigner.TryLoad(settings.CheckpointKeyFile);
        var expectedSeq = 1L;
        var prevHash = AuditHashing.Genesis;
        // Checkpoints are few: load them first and check each one as the stream passes its seq.
        var checkpoints = await db.AuditCheckpoints.AsNoTracking().Where(x => x.ChainId == chainId).OrderBy(x => x.Seq).ToListAsync(ct);
        if (checkpoints.Count > 0 && signer is null)
            return Broken($"チェックポイント署名鍵 {settings.CheckpointKeyFile} がありません(--keys の指定を確認してください) / checkpoint key file not found");
        foreach (var c in checkpoints.Where(c => !signer!.Verify(c)))
            return Broken($"チェックポイント id={c.Id} (seq {c.Seq}) の署名が正しくありません / checkpoint signature invalid");
        var checkpointsBySeq = checkpoints.ToLookup(c => c.Seq);
        await foreach (var e in db.AuditEntries.AsNoTracking().Where(x => x.ChainId == chainId).OrderBy(x => x.Seq).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (e.Seq != expectedSeq)
                return Broken($"エントリ id={e.Id} (seq {e.Seq}): seq {expectedSeq} が見つかりません(削除または並べ替え) / entry missing before it");
            if (e.PrevHash != prevHash)
                return Broken($"エントリ id={e.Id} (seq {e.Seq}): 直前のエントリとつながっていません(削除・並べ替え・改ざん) / previous-hash link broken");
            if (AuditHashing.Compute(e) != e.Hash)
                return Broken($"エントリ id={e.Id} (seq {e.Seq}): 内容がハッシュと一致しません(改ざん) / content altered");
            if (checkpointsBySeq[e.Seq].Any(c => c.Hash != e.Hash))
                return Broken($"エントリ id={e.Id} (seq {e.Seq}) がチェックポイントと一致しません(書き換え) / log rewritten since checkpoint");
            prevHash = e.Hash;
            expectedSeq++;
        }
        var count = expectedSeq - 1;

        var head = await db.AuditChainHeads.AsNoTracking().SingleOrDefaultAsync(h => h.ChainId == chainId, ct);
        if (head is not null && (head.LastSeq != count || head.LastHash != prevHash))
            return Broken($"チェーン先頭 (seq {head.LastSeq}) と実際の末尾 (seq {count}) が一致しません(末尾の削除) / head does not match the tail");

        var anchored = checkpoints.Count == 0 ? 0 : checkpoints[^1].Seq;
        if (anchored > count)
            return Broken($"チェックポイント (seq {anchored}) より後のエントリがありません(末尾の切り詰め: 現在 {count} 件) / log truncated below a checkpoint");
        return new ChainReport(chainId, chainName, count, anchored, null);

        ChainReport Broken(string problem) => new(chainId, chainName, expectedSeq - 1, 0, problem);
    }
}
