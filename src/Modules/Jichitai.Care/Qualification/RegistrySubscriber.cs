using System.Text.Json.Nodes;
using Jichitai.Care.Assessment;
using Jichitai.Care.Persistence;
using Jichitai.Platform.Linkage;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Care.Qualification;

/// <summary>
/// 介護保険 as a consumer of the registry's 住民異動 events (標準 0230265): keeps what it knows of each person, recomputes the
/// qualification, and runs 更正 for a year already assessed — all in one transaction per delivered batch. A failure throws,
/// so the linkage dispatcher delivers the batch again; already applied events are skipped by their sequence.
/// </summary>
public sealed class RegistrySubscriber(PlatformSettings settings, TimeProvider clock, Reassessment reassessment) : IIntegrationEventSubscriber
{
    public const string ConsumerName = "介護保険";
    public const string EventType = "registry.resident-changed";
    public string Name => ConsumerName;
    public IReadOnlyCollection<string> Items => RegistryItems.Granted;

    public async Task HandleAsync(int tenantId, IReadOnlyList<JsonObject> events, CancellationToken ct)
    {
        var relevant = events.Where(e => (string?)e["type"] == EventType && e["addresseeNumber"] is not null).ToList();
        if (relevant.Count == 0) return;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = CareDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var numbers = relevant.Select(e => (string)e["addresseeNumber"]!).Distinct().ToList();
        var people = await db.People.Where(p => numbers.Contains(p.AddresseeNumber)).ToDictionaryAsync(p => p.AddresseeNumber, ct);
        var touched = new Dictionary<string, string>();
        foreach (var e in relevant)
        {
            var number = (string)e["addresseeNumber"]!;
            if (!people.TryGetValue(number, out var person))
            {
                person = new CarePersonRow { TenantId = tenantId, AddresseeNumber = number };
                people[number] = person;
                db.People.Add(person);
            }
            if (RegistryItems.ApplyEvent(person, e, now)) touched[number] = (string?)e["reason"] ?? "住民異動";
        }
        await db.SaveChangesAsync(ct);
        var changed = new List<string>();
        foreach (var (number, reason) in touched)
            if (await QualificationService.RecomputeAsync(db, people[number], QualificationService.Automatic, $"住民異動({reason})", "連携:住民記録", now, ct))
                changed.Add(number);
        await db.SaveChangesAsync(ct);
        await reassessment.ReviseAsync(db, tenantId, touched.Keys.ToList(), "住民異動", "連携:住民記録", ct);
        await tx.CommitAsync(ct);
    }
}

/// <summary>
/// Takes the registry's full snapshot (宛名 全件, through the platform's linkage contract) as the starting point: used when a
/// tenant starts 介護保険 after its registry was migrated, and to recompute everyone from the registry.
/// </summary>
public sealed class RegistrySync(PlatformSettings settings, TimeProvider clock, IEnumerable<ILinkageEventSource> sources)
{
    public async Task<(int People, int QualificationChanges)> SyncAsync(int tenantId, CancellationToken ct)
    {
        var source = sources.SingleOrDefault(s => s.EventType == RegistrySubscriber.EventType)
            ?? throw new InvalidOperationException("住民記録の連携元が登録されていません。");
        await using var snapshot = await source.OpenSnapshotAsync(tenantId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var people = 0;
        var changes = 0;
        await foreach (var batch in Batches(snapshot.Records, 1000, ct))
        {
            await using var db = CareDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var numbers = batch.Select(r => r.SubjectKey).ToList();
            var known = await db.People.Where(p => numbers.Contains(p.AddresseeNumber)).ToDictionaryAsync(p => p.AddresseeNumber, ct);
            foreach (var record in batch)
            {
                if (!known.TryGetValue(record.SubjectKey, out var person))
                {
                    person = new CarePersonRow { TenantId = tenantId, AddresseeNumber = record.SubjectKey };
                    known[record.SubjectKey] = person;
                    db.People.Add(person);
                }
                var granted = new JsonObject();
                foreach (var key in RegistryItems.Granted)
                    if (record.Items[key] is { } value) granted[key] = value.DeepClone(); // data minimisation: nothing else is kept
                RegistryItems.ApplySnapshot(person, granted, snapshot.Sequence, now);
            }
            await db.SaveChangesAsync(ct);
            foreach (var person in batch.Select(r => known[r.SubjectKey]))
                if (await QualificationService.RecomputeAsync(db, person, QualificationService.Automatic, "住民記録の全件データ", "連携:住民記録", now, ct)) changes++;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            people += batch.Count;
        }
        return (people, changes);
    }

    private static async IAsyncEnumerable<List<LinkageSnapshotRecord>> Batches(IAsyncEnumerable<LinkageSnapshotRecord> records, int size,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var batch = new List<LinkageSnapshotRecord>(size);
        await foreach (var r in records.WithCancellation(ct))
        {
            batch.Add(r);
            if (batch.Count == size) { yield return batch; batch = new List<LinkageSnapshotRecord>(size); }
        }
        if (batch.Count > 0) yield return batch;
    }
}
