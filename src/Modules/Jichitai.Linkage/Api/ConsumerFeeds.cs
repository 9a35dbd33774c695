using System.Text.Json;
using System.Text.Json.Nodes;
using Jichitai.Linkage.Consumers;
using Jichitai.Linkage.Delivery;
using Jichitai.Linkage.Persistence;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Linkage;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Linkage.Api;

/// <summary>What a pull consumer reads: the events after a sequence number, and the full snapshot. Both stripped to its grant.</summary>
public sealed class ConsumerFeeds(PlatformSettings settings, LinkageCatalog catalog, PayloadFilter filter, IAuditLog audit)
{
    public const int MaxLimit = 1000;

    /// <summary>
    /// Events after <paramref name="after"/> (default: the consumer's cursor). Asking after N acknowledges everything up to N,
    /// so the cursor (and the lag on the IT staff's page) follows the consumer.
    /// </summary>
    public async Task<JsonObject> EventsAsync(int tenantId, long consumerId, long? after, int? limit, AuditActor actor, CancellationToken ct)
    {
        if (after is < 0) throw new DomainException("linkage.pull.after", "after には0以上の連番を指定してください。", "after");
        if (limit is < 1 or > MaxLimit) throw new DomainException("linkage.pull.limit", $"limit には1から{MaxLimit}までの件数を指定してください。", "limit");
        await using var db = LinkageDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var consumer = await db.Consumers.SingleAsync(c => c.Id == consumerId, ct);
        await using var platform = PlatformDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var last = await IntegrationEventOutbox.LastSequenceAsync(platform, tenantId, ct);
        var from = after ?? consumer.Cursor;
        if (from > last) throw new DomainException("linkage.pull.after", $"連番 {from} はまだ発生していません(最新は {last})。", "after");
        if (from > consumer.Cursor)
        {
            consumer.Cursor = from;
            consumer.LastDeliveredAt = DateTime.UtcNow;
            await db.SaveChangesAsync(ct);
        }
        var events = await IntegrationEventOutbox.ReadAsync(platform, tenantId, from, limit ?? 100, ct);
        var code = await platform.Tenants.Where(t => t.Id == tenantId).Select(t => t.Code).SingleAsync(ct);
        var grant = filter.GrantOf(consumer);
        var shaped = events.Select(e => filter.Shape(e, code, grant)).OfType<JsonObject>().ToList();
        if (shaped.Count > 0)
            await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.LinkageDelivery, TargetType: "linkage.consumer",
                TargetId: consumerId.ToString(System.Globalization.CultureInfo.InvariantCulture), Detail: $"{consumer.Name}: 連番 {events[0].Sequence}–{events[^1].Sequence} ({shaped.Count}件) API取得"), ct);
        return new JsonObject
        {
            ["tenant"] = code,
            ["lastSequence"] = last,
            ["next"] = events.Count > 0 ? events[^1].Sequence : from,
            ["events"] = new JsonArray(shaped.Cast<JsonNode?>().ToArray()),
        };
    }

    /// <summary>
    /// 宛名連携 全件: streams every record, consistent with the returned sequence: the consumer then asks for the events after it.
    /// </summary>
    public async Task WriteSnapshotAsync(int tenantId, long consumerId, string? type, Stream output, AuditActor actor, CancellationToken ct)
    {
        var source = type is null ? catalog.Sources.FirstOrDefault() : catalog.SourceOf(type);
        if (source is null) throw new DomainException("linkage.snapshot.type", $"イベント種別「{type}」はありません。", "type", 404);
        ConsumerRow consumer;
        string code;
        await using (var db = LinkageDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId)))
            consumer = await db.Consumers.AsNoTracking().SingleAsync(c => c.Id == consumerId, ct);
        await using (var platform = PlatformDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId)))
            code = await platform.Tenants.Where(t => t.Id == tenantId).Select(t => t.Code).SingleAsync(ct);
        var grant = filter.GrantOf(consumer);
        var count = 0;
        long sequence;
        await using (var snapshot = await source.OpenSnapshotAsync(tenantId, ct))
        {
            sequence = snapshot.Sequence;
            await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            json.WriteStartObject();
            json.WriteString("tenant", code);
            json.WriteString("type", source.EventType);
            json.WriteNumber("schemaVersion", source.SchemaVersion);
            json.WriteNumber("sequence", snapshot.Sequence);
            json.WriteStartArray("records");
            await foreach (var record in snapshot.Records.WithCancellation(ct))
            {
                json.WriteStartObject();
                json.WriteString("subject", record.SubjectKey);
                json.WritePropertyName("items");
                filter.Items(record.Items, grant).WriteTo(json);
                json.WriteEndObject();
                if (++count % 500 == 0) await json.FlushAsync(ct);
            }
            json.WriteEndArray();
            json.WriteNumber("count", count);
            json.WriteEndObject();
            await json.FlushAsync(ct);
        }
        await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.LinkageSnapshot, TargetType: "linkage.consumer",
            TargetId: consumerId.ToString(System.Globalization.CultureInfo.InvariantCulture), Detail: $"{consumer.Name}: 全件 {count}件 (連番 {sequence} 時点)"), ct);
    }
}
