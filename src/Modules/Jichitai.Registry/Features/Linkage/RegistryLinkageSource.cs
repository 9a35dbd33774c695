using System.Data;
using Jichitai.Platform;
using Jichitai.Platform.Linkage;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Features.Restrictions;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Persistence;
using Jichitai.Registry.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jichitai.Registry.Features.Linkage;

/// <summary>The registry as a source of 連携: its event items, and the 宛名連携 全件 snapshot.</summary>
public sealed class RegistryLinkageSource(PlatformSettings settings, TimeProvider clock) : ILinkageEventSource
{
    public string EventType => ResidentChangedEvent.Type;
    public int SchemaVersion => ResidentChangedEvent.SchemaVersion;
    public IReadOnlyList<LinkageItem> Items => ResidentChangedEvent.Items;

    public async Task<LinkageSnapshot> OpenSnapshotAsync(int tenantId, CancellationToken ct)
    {
        var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        IDbContextTransaction? tx = null;
        try
        {
            // One snapshot for the sequence and the records: PostgreSQL's repeatable read; on SQLite a deferred (read) transaction,
            // which in WAL mode sees one snapshot from its first read and, unlike BEGIN IMMEDIATE, does not hold off the writers.
            if (db.Database.IsNpgsql()) tx = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            else
            {
                await db.Database.OpenConnectionAsync(ct);
                var read = ((Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
                tx = (await db.Database.UseTransactionAsync(read, ct))!;
            }
            long sequence;
            await using (var platform = PlatformDatabase.CreateOnConnection(db.Database.GetDbConnection(), TenantScope.ForTenant(tenantId)))
            {
                await platform.Database.UseTransactionAsync(tx.GetDbTransaction(), ct);
                sequence = await IntegrationEventOutbox.LastSequenceAsync(platform, tenantId, ct);
            }
            var today = JapanTime.Today(clock);
            var measures = await db.Restrictions.AsNoTracking()
                .Where(r => r.EndedOn == null && r.StartOn <= today).OrderBy(r => r.StartOn).ToListAsync(ct);
            var transaction = tx;
            return new LinkageSnapshot(sequence, Records(db, measures, ct), async () =>
            {
                await transaction.DisposeAsync();
                await db.DisposeAsync();
            });
        }
        catch
        {
            if (tx is not null) await tx.DisposeAsync();
            await db.DisposeAsync();
            throw;
        }
    }

    private static async IAsyncEnumerable<LinkageSnapshotRecord> Records(RegistryDbContext db, List<RestrictionRow> measures,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var rows = db.Residents.AsNoTracking().Where(r => r.Status != ResidentStatus.Voided).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.HouseholdId, r.AddresseeNumber, r.Record }).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            var record = MovementSession.Deserialize(row.Record);
            var active = measures.Where(m => m.ResidentId == row.Id || (row.HouseholdId is not null && m.HouseholdId == row.HouseholdId));
            yield return new LinkageSnapshotRecord(row.AddresseeNumber, ResidentChangedEvent.ItemsOf(record, active));
        }
    }
}
