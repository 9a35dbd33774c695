using System.Globalization;
using System.Text.Json.Nodes;
using CsvHelper;
using CsvHelper.Configuration;
using Jichitai.Linkage.Consumers;
using Jichitai.Linkage.Delivery;
using Jichitai.Linkage.Persistence;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Linkage;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Platform.Text;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Linkage.Files;

/// <summary>What was written: the sequence range and the number of rows.</summary>
public sealed record DeltaFileResult(long From, long To, int Rows, string FileName);

/// <summary>
/// 差分ファイル for systems that take files (docs/linkage.md "差分ファイル"): one CSV row per event after the consumer's
/// cursor, the envelope columns then 異動前/異動後 for each granted item. Written whole to a work file first, so a
/// character the encoding cannot hold stops it with nothing delivered and the cursor unmoved.
/// </summary>
public sealed class DeltaFiles(PlatformSettings settings, PayloadFilter filter, LinkageCatalog catalog, IAuditLog audit)
{
    private static readonly string[] Envelope = ["連番", "イベントID", "異動事由コード", "異動事由", "異動日", "届出日", "宛名番号", "世帯番号"];

    /// <summary>
    /// Writes the events after <paramref name="after"/> (default: the cursor) to <paramref name="path"/>. Without an explicit
    /// start the cursor moves to the last row written: the next file continues where this one ended.
    /// </summary>
    public async Task<DeltaFileResult> WriteAsync(int tenantId, long consumerId, string path, long? after, AuditActor actor, CancellationToken ct)
    {
        await using var db = LinkageDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var consumer = await db.Consumers.SingleOrDefaultAsync(c => c.Id == consumerId, ct)
            ?? throw new DomainException("linkage.consumer.not-found", "指定された連携先は登録されていません。", "id", 404);
        var encoding = StrictEncoding.Parse(consumer.FileEncoding);
        var from = after ?? consumer.Cursor;
        var grant = filter.GrantOf(consumer);
        var items = catalog.Items.Where(i => grant.Items.ContainsKey(i.Key)).ToList();
        await using var platform = PlatformDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var last = await IntegrationEventOutbox.LastSequenceAsync(platform, tenantId, ct);
        var code = await platform.Tenants.Where(t => t.Id == tenantId).Select(t => t.Code).SingleAsync(ct);

        var work = path + ".part";
        var rows = 0;
        var to = from;
        try
        {
            await using (var stream = new FileStream(work, FileMode.Create, FileAccess.Write))
            await using (var text = new StreamWriter(stream, encoding.Writing))
            await using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" }))
            {
                foreach (var h in Envelope) csv.WriteField(h);
                foreach (var i in items) { csv.WriteField($"{i.Label}(異動前)"); csv.WriteField($"{i.Label}(異動後)"); }
                await csv.NextRecordAsync();
                for (var cursor = from; cursor < last;)
                {
                    var batch = await IntegrationEventOutbox.ReadAsync(platform, tenantId, cursor, 1000, ct);
                    if (batch.Count == 0) break;
                    foreach (var e in batch.Where(e => e.Sequence <= last))
                    {
                        to = e.Sequence;
                        if (filter.Shape(e, code, grant) is not { } shaped) continue;
                        var fields = new List<string>
                        {
                            e.Sequence.ToString(CultureInfo.InvariantCulture), e.EventId.ToString(), Text(shaped["reasonCode"]), Text(shaped["reason"]),
                            Text(shaped["effectiveOn"]), Text(shaped["notifiedOn"]), Text(shaped["addresseeNumber"]), Text(shaped["householdNumber"]),
                        };
                        foreach (var i in items) { fields.Add(Text(shaped["before"]?[i.Key])); fields.Add(Text(shaped["after"]?[i.Key])); }
                        for (var f = 0; f < fields.Count; f++)
                            if (encoding.Unencodable(fields[f]) is { } bad)
                                throw new DomainException("linkage.file.unencodable",
                                    $"連番 {e.Sequence} の「{(f < Envelope.Length ? Envelope[f] : items[(f - Envelope.Length) / 2].Label)}」に {encoding.Name} で表せない文字 {bad} があります。UTF-8 で出力してください。", "fileEncoding", 422);
                        foreach (var field in fields) csv.WriteField(field);
                        await csv.NextRecordAsync();
                        rows++;
                    }
                    cursor = batch[^1].Sequence;
                }
            }
            File.Move(work, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(work)) File.Delete(work);
        }

        if (after is null && to > consumer.Cursor)
        {
            // Fenced by the cursor read above: two downloads at once cannot both move it.
            await db.Consumers.Where(c => c.Id == consumerId && c.Cursor == consumer.Cursor)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Cursor, to).SetProperty(c => c.LastDeliveredAt, DateTime.UtcNow), ct);
        }
        if (rows > 0)
            await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.LinkageDelivery, TargetType: "linkage.consumer",
                TargetId: consumerId.ToString(CultureInfo.InvariantCulture), Detail: $"{consumer.Name}: 連番 {from + 1}–{to} ({rows}件) 差分ファイル {encoding.Name}"), ct);
        return new DeltaFileResult(from, to, rows, $"delta_{code}_{Sanitize(consumer.Name)}_{from + 1}-{to}.csv");
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "1" : "0",
        JsonValue v => v.ToJsonString(),
        _ => node.ToJsonString(Json),
    };

    private static readonly System.Text.Json.JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Sanitize(string name) => new(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c == ' ' ? '_' : c).ToArray());
}
