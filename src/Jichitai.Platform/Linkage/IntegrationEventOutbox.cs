using Jichitai.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Platform.Linkage;

/// <summary>
/// Writes and reads the outbox (platform_integration_events). Modules append inside their own transaction through a
/// platform context on the same connection, as they do for the access log.
/// </summary>
public static class IntegrationEventOutbox
{
    private static readonly System.Diagnostics.Metrics.Meter Meter = new(LinkageTelemetry.MeterName);
    private static readonly System.Diagnostics.Metrics.Counter<long> Written = Meter.CreateCounter<long>("jichitai.linkage.events.written", "{event}", "Integration events committed to the outbox");

    /// <summary>Raised after a commit that wrote events, so an in-process dispatcher can start at once instead of at its next poll.</summary>
    public static event Action? Committed;

    /// <summary>Appends events with the next sequence numbers of the tenant. Must run inside the caller's transaction.</summary>
    public static async Task<IReadOnlyList<IntegrationEvent>> AppendWithinAsync(PlatformDbContext db, int tenantId, IReadOnlyList<IntegrationEventDraft> drafts, CancellationToken ct)
    {
        if (drafts.Count == 0) return [];
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("The outbox must be written inside the business transaction.");
        // One statement on both providers: creates the tenant's counter or moves it, and locks the row until the commit,
        // so a second writer waits here and its numbers follow ours in commit order.
        var last = (await db.Database.SqlQuery<long>($"""
            INSERT INTO platform_integration_event_sequences (tenant_id, last_sequence) VALUES ({tenantId}, {(long)drafts.Count})
            ON CONFLICT (tenant_id) DO UPDATE SET last_sequence = platform_integration_event_sequences.last_sequence + {(long)drafts.Count}
            RETURNING last_sequence AS "Value"
            """).ToListAsync(ct)).Single();
        var first = last - drafts.Count + 1;
        // Wall-clock time once the counter is ours: the commit follows within milliseconds, so commit → delivery latency is
        // measured from here (not from when the 異動 started, which includes waiting for the tenant's locks).
        var committedAt = DateTime.UtcNow;
        var rows = drafts.Select((d, i) => new IntegrationEvent
        {
            TenantId = tenantId, Sequence = first + i, EventId = Guid.CreateVersion7(), Type = d.Type, SchemaVersion = d.SchemaVersion,
            SubjectKey = d.SubjectKey, CommittedAt = committedAt, Payload = d.Payload,
        }).ToList();
        db.IntegrationEvents.AddRange(rows);
        await db.SaveChangesAsync(ct);
        Written.Add(rows.Count);
        return rows;
    }

    /// <summary>Call after the transaction that appended events has committed.</summary>
    public static void NotifyCommitted() => Committed?.Invoke();

    /// <summary>Events of a tenant after a sequence number, in order.</summary>
    public static Task<List<IntegrationEvent>> ReadAsync(PlatformDbContext db, int tenantId, long after, int limit, CancellationToken ct) =>
        db.IntegrationEvents.AsNoTracking().Where(e => e.TenantId == tenantId && e.Sequence > after)
            .OrderBy(e => e.Sequence).Take(limit).ToListAsync(ct);

    /// <summary>The tenant's last committed sequence number (0 before the first event).</summary>
    public static async Task<long> LastSequenceAsync(PlatformDbContext db, int tenantId, CancellationToken ct) =>
        await db.IntegrationEventSequences.AsNoTracking().Where(s => s.TenantId == tenantId).Select(s => (long?)s.LastSequence).SingleOrDefaultAsync(ct) ?? 0;
}

/// <summary>Names shared by the linkage metrics (OpenTelemetry meters).</summary>
public static class LinkageTelemetry
{
    public const string MeterName = "Jichitai.Linkage";
}
