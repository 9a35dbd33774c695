using System.Text.Json;
using System.Text.Json.Nodes;
using Jichitai.Linkage.Consumers;
using Jichitai.Linkage.Persistence;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Linkage;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace Jichitai.Linkage.Delivery;

/// <summary>
/// Moves each push consumer's cursor through the outbox. A consumer is served by one dispatcher at a time (a lease row
/// update that only one process can win; renewed per batch, so a killed holder's consumer is taken over when it runs out).
/// Events go in sequence order and the cursor moves only after the consumer accepted the batch, and only while the lease
/// is still ours: at-least-once, in order per person (in fact per tenant), redelivering at most the batch in flight.
/// </summary>
public sealed class LinkageDispatcher(PlatformSettings settings, LinkageOptions options, PayloadFilter filter, WebhookSender webhooks,
    IEnumerable<IIntegrationEventSubscriber> subscribers, IAuditLog audit, LinkageMetrics metrics, TimeProvider clock, ILogger<LinkageDispatcher> log)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly IReadOnlyList<IIntegrationEventSubscriber> _subscribers = subscribers.ToList();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> _tenantCodes = new(); // consumers run in parallel
    private readonly SemaphoreSlim _wake = new(0, 1);
    private DateTime _subscribersCheckedAt = DateTime.MinValue;

    /// <summary>This process's lease name.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    public async Task RunAsync(CancellationToken ct)
    {
        void Wake() { try { if (_wake.CurrentCount == 0) _wake.Release(); } catch (SemaphoreFullException) { } }
        IntegrationEventOutbox.Committed += Wake;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var delivered = 0;
                try { delivered = await RunOnceAsync(ct); }
                catch (OperationCanceledException) when (ct.IsCancellationRequested) { break; }
                catch (Exception e) { log.LogError(e, "Linkage dispatch round failed"); }
                if (delivered == 0)
                    try { await _wake.WaitAsync(options.PollInterval, ct); } catch (OperationCanceledException) { break; }
            }
        }
        finally
        {
            IntegrationEventOutbox.Committed -= Wake;
            await ReleaseLeasesAsync();
        }
    }

    /// <summary>One round over every consumer with work; returns how many events were delivered.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_subscribers.Count > 0 && now - _subscribersCheckedAt > TimeSpan.FromSeconds(30))
        {
            await EnsureInProcessConsumersAsync(ct);
            _subscribersCheckedAt = now;
        }
        List<ConsumerRow> candidates;
        Dictionary<int, long> lastSequences;
        await using (var db = LinkageDatabase.Create(settings.Database, TenantScope.System))
            candidates = await db.Consumers.AsNoTracking()
                .Where(c => (c.Kind == ConsumerKind.Webhook || c.Kind == ConsumerKind.InProcess) && c.State == ConsumerState.Active)
                .ToListAsync(ct);
        await using (var platform = PlatformDatabase.Create(settings.Database, TenantScope.System))
            lastSequences = await platform.IntegrationEventSequences.AsNoTracking().ToDictionaryAsync(s => s.TenantId, s => s.LastSequence, ct);
        foreach (var c in candidates) metrics.ReportLag(c.Id, c.TenantId, c.Name, Math.Max(0, lastSequences.GetValueOrDefault(c.TenantId) - c.Cursor));

        var due = candidates.Where(c => lastSequences.GetValueOrDefault(c.TenantId) > c.Cursor && (c.NextAttemptAt is null || c.NextAttemptAt <= now)
            && (c.DeliveryIntervalMinutes == 0 || c.LastDeliveredAt is null || c.LastDeliveredAt.Value.AddMinutes(c.DeliveryIntervalMinutes) <= now)
            && (c.LeaseOwner is null || c.LeaseOwner == Owner || c.LeaseUntil < now)).ToList();
        var delivered = 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = ct }, async (c, token) =>
        {
            // A lease of ours with more than half its time left needs no write (each cursor update renews it anyway).
            var held = c.LeaseOwner == Owner && c.LeaseUntil > now + options.LeaseDuration / 2;
            if (!held && !await TryLeaseAsync(c.Id, token)) return;
            Interlocked.Add(ref delivered, await DrainAsync(c.Id, token));
        });
        return delivered;
    }

    private async Task<bool> TryLeaseAsync(long consumerId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + options.LeaseDuration;
        await using var db = LinkageDatabase.Create(settings.Database, TenantScope.System);
        // One conditional UPDATE: of two dispatchers, exactly one sees a row changed.
        return await db.Consumers.Where(c => c.Id == consumerId && (c.LeaseOwner == null || c.LeaseOwner == Owner || c.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LeaseOwner, Owner).SetProperty(c => c.LeaseUntil, until), ct) == 1;
    }

    private async Task<int> DrainAsync(long consumerId, CancellationToken ct)
    {
        var delivered = 0;
        for (var turn = 0; turn < options.BatchesPerTurn; turn++)
        {
            ConsumerRow consumer;
            List<IntegrationEvent> events;
            await using (var db = LinkageDatabase.Create(settings.Database, TenantScope.System))
                consumer = await db.Consumers.AsNoTracking().SingleAsync(c => c.Id == consumerId, ct);
            if (consumer.LeaseOwner != Owner || consumer.State != ConsumerState.Active) break;
            await using (var platform = PlatformDatabase.Create(settings.Database, TenantScope.System))
            {
                events = await IntegrationEventOutbox.ReadAsync(platform, consumer.TenantId, consumer.Cursor, options.BatchSize, ct);
                if (!_tenantCodes.ContainsKey(consumer.TenantId))
                    _tenantCodes[consumer.TenantId] = await platform.Tenants.AsNoTracking().Where(t => t.Id == consumer.TenantId).Select(t => t.Code).SingleAsync(ct);
            }
            if (events.Count == 0) break;

            var (error, sent, deliveryId) = await DeliverAsync(consumer, events, ct);
            if (error is not null)
            {
                await FailAsync(consumer, events, error, ct);
                break;
            }
            if (!await AdvanceAsync(consumer, events, sent, deliveryId, ct)) break; // the lease was lost: the new holder redelivers
            var now = clock.GetUtcNow().UtcDateTime;
            var kind = new KeyValuePair<string, object?>("consumer_kind", consumer.Kind.ToString());
            metrics.Delivered.Add(events.Count, kind);
            foreach (var e in events) metrics.Latency.Record((now - e.CommittedAt).TotalSeconds, kind);
            delivered += events.Count;
            if (events.Count < options.BatchSize) break;
        }
        return delivered;
    }

    /// <summary>Sends one batch; returns the error (null on success), how many events went out, and the delivery id.</summary>
    private async Task<(string? Error, int Sent, Guid DeliveryId)> DeliverAsync(ConsumerRow consumer, List<IntegrationEvent> events, CancellationToken ct)
    {
        var grant = filter.GrantOf(consumer);
        var code = _tenantCodes[consumer.TenantId];
        var shaped = events.Select(e => filter.Shape(e, code, grant)).OfType<JsonObject>().ToList();
        var deliveryId = Guid.CreateVersion7();
        if (shaped.Count == 0) return (null, 0, deliveryId); // nothing in this batch is for this consumer: the cursor moves on
        if (consumer.Kind == ConsumerKind.InProcess)
        {
            var subscriber = _subscribers.FirstOrDefault(s => s.Name == consumer.Name);
            if (subscriber is null) return ("この名前の庁内モジュールが稼働していません。", 0, deliveryId);
            try { await subscriber.HandleAsync(consumer.TenantId, shaped, ct); return (null, shaped.Count, deliveryId); }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested) { return ($"受信側の処理でエラーが発生しました({e.GetType().Name})。", 0, deliveryId); }
        }
        var body = new JsonObject
        {
            ["tenant"] = code,
            ["consumer"] = consumer.Name,
            ["events"] = new JsonArray(shaped.Cast<JsonNode?>().ToArray()),
        };
        var error = await webhooks.SendAsync(consumer, JsonSerializer.SerializeToUtf8Bytes(body, Json), deliveryId, ct);
        return (error, error is null ? shaped.Count : 0, deliveryId);
    }

    private AuditActor DispatcherActor => new(null, "linkage:dispatcher", Owner);

    /// <summary>
    /// One write transaction after an accepted batch: the access-log line (personal data left the product) and the cursor,
    /// fenced by the lease and the cursor we started from (a replay or a takeover meanwhile wins). The line is committed even
    /// when the fence fails: the batch was delivered all the same.
    /// </summary>
    private async Task<bool> AdvanceAsync(ConsumerRow consumer, List<IntegrationEvent> events, int sent, Guid deliveryId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + options.LeaseDuration;
        await using var db = LinkageDatabase.Create(settings.Database, TenantScope.System);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (sent > 0 && consumer.Kind != ConsumerKind.InProcess)
        {
            await using var platform = PlatformDatabase.CreateOnConnection(db.Database.GetDbConnection(), TenantScope.ForTenant(consumer.TenantId));
            await platform.Database.UseTransactionAsync(tx.GetDbTransaction(), ct);
            await audit.AppendWithinAsync(platform, DispatcherActor, new AuditRecord(AuditActions.LinkageDelivery, TargetType: "linkage.consumer",
                TargetId: consumer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Detail: $"{consumer.Name}: 連番 {events[0].Sequence}–{events[^1].Sequence} ({sent}件) 配信ID {deliveryId}"), ct);
        }
        var moved = await db.Consumers.Where(c => c.Id == consumer.Id && c.LeaseOwner == Owner && c.Cursor == consumer.Cursor)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Cursor, events[^1].Sequence).SetProperty(c => c.FailedAttempts, 0)
                .SetProperty(c => c.NextAttemptAt, (DateTime?)null).SetProperty(c => c.LastDeliveredAt, now).SetProperty(c => c.LeaseUntil, until), ct) == 1;
        await tx.CommitAsync(ct);
        return moved;
    }

    private async Task FailAsync(ConsumerRow consumer, List<IntegrationEvent> events, string error, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var attempt = consumer.FailedAttempts + 1;
        var dead = attempt >= consumer.MaxAttempts;
        var next = now + options.Backoff(attempt, Random.Shared.NextDouble());
        await using var db = LinkageDatabase.Create(settings.Database, TenantScope.System);
        var changed = await db.Consumers.Where(c => c.Id == consumer.Id && c.LeaseOwner == Owner && c.Cursor == consumer.Cursor)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.FailedAttempts, attempt).SetProperty(c => c.LastError, error).SetProperty(c => c.LastErrorAt, now)
                .SetProperty(c => c.NextAttemptAt, (DateTime?)next).SetProperty(c => c.State, dead ? ConsumerState.DeadLetter : ConsumerState.Active), ct);
        if (changed == 0) return;
        db.Failures.Add(new DeliveryFailureRow
        {
            TenantId = consumer.TenantId, ConsumerId = consumer.Id, At = now, FromSequence = events[0].Sequence, ToSequence = events[^1].Sequence,
            Attempt = attempt, Error = error, DeadLettered = dead,
        });
        await db.SaveChangesAsync(ct);
        metrics.Failures.Add(1);
        if (dead) metrics.DeadLetters.Add(1);
        log.LogWarning("Linkage delivery to consumer {ConsumerId} failed (attempt {Attempt}{Dead}): {Error}", consumer.Id, attempt, dead ? ", dead letter" : "", error);
    }

    /// <summary>Every tenant has a consumer row for each in-process subscriber (its cursor and grants live there like any other).</summary>
    private async Task EnsureInProcessConsumersAsync(CancellationToken ct)
    {
        List<int> tenants;
        await using (var platform = PlatformDatabase.Create(settings.Database, TenantScope.System))
            tenants = await platform.Tenants.AsNoTracking().Select(t => t.Id).ToListAsync(ct);
        await using var db = LinkageDatabase.Create(settings.Database, TenantScope.System);
        var existing = (await db.Consumers.AsNoTracking().Where(c => c.Kind == ConsumerKind.InProcess).Select(c => new { c.TenantId, c.Name }).ToListAsync(ct))
            .Select(x => (x.TenantId, x.Name)).ToHashSet();
        foreach (var s in _subscribers)
            foreach (var tenant in tenants.Where(t => !existing.Contains((t, s.Name))))
            {
                db.Consumers.Add(new ConsumerRow
                {
                    TenantId = tenant, Name = s.Name, Kind = ConsumerKind.InProcess, Items = string.Join(',', s.Items),
                    PersonalNumberUse = s.PersonalNumberUse, NeedsSupportMeasures = s.NeedsSupportMeasures,
                    CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = "system",
                });
                try { await db.SaveChangesAsync(ct); }
                catch (DbUpdateException) { db.ChangeTracker.Clear(); } // another dispatcher created it first
            }
    }

    private async Task ReleaseLeasesAsync()
    {
        try
        {
            await using var db = LinkageDatabase.Create(settings.Database, TenantScope.System);
            await db.Consumers.Where(c => c.LeaseOwner == Owner).ExecuteUpdateAsync(s => s.SetProperty(c => c.LeaseOwner, (string?)null).SetProperty(c => c.LeaseUntil, (DateTime?)null));
        }
        catch (Exception e) { log.LogWarning(e, "Could not release linkage leases"); }
    }
}
