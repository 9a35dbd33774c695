using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jichitai.Platform.Linkage;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Features.Restrictions;
using Jichitai.Registry.Persistence;
using Jichitai.Registry.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jichitai.Registry.Features.Linkage;

/// <summary>What happened to a restriction: set, extended (支援措置 only) or ended.</summary>
public enum RestrictionChange { Started, Extended, Ended }

/// <summary>
/// 標準3.2: 抑止 set and ended, and 支援措置 set, extended and ended, are passed on to other systems — they are not 異動, so
/// they write events of their own, in the change's transaction. Each event carries only its item (支援措置 or 抑止) and is
/// marked so that a consumer without that grant never receives it: even an empty event would tell it that something about
/// this person changed.
/// </summary>
public static class RestrictionEvents
{
    /// <summary>Reason codes of these events (not 異動事由; documented in docs/linkage.md).</summary>
    public static string Code(RestrictionKind kind, RestrictionChange change) => (kind, change) switch
    {
        (RestrictionKind.Other, RestrictionChange.Ended) => "S05",  // 抑止の終了
        (RestrictionKind.Other, _) => "S04",                        // 抑止の設定
        (_, RestrictionChange.Started) => "S01",                    // 支援措置の開始
        (_, RestrictionChange.Extended) => "S02",                   // 支援措置の延長
        _ => "S03",                                                 // 支援措置の終了
    };

    public static string Label(string code) => code switch
    {
        "S01" => "支援措置の開始",
        "S02" => "支援措置の延長",
        "S03" => "支援措置の終了",
        "S04" => "抑止の設定",
        _ => "抑止の終了",
    };

    /// <summary>The item key a restriction is delivered under.</summary>
    public static string ItemKey(RestrictionKind kind) => kind == RestrictionKind.Other ? "restriction" : "supportMeasure";

    /// <summary>The item value of a restriction as it stands (never its reason, never the 加害者).</summary>
    public static JsonNode? ItemOf(RestrictionRow? row) => row switch
    {
        null => null,
        { Kind: RestrictionKind.Other } => JsonSerializer.SerializeToNode(RestrictionItem.Of(row), ResidentChangedEvent.Json),
        _ => JsonSerializer.SerializeToNode(SupportMeasureItem.Of(row), ResidentChangedEvent.Json),
    };

    /// <summary>Saves the restriction change and its events in one transaction.</summary>
    public static async Task SaveAsync(RegistryDbContext db, int tenantId, RestrictionRow row, JsonNode? before, RestrictionChange change, DateOnly effectiveOn, DateTime now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var after = change == RestrictionChange.Ended ? null : ItemOf(row);
        var people = row.ResidentId is long residentId
            ? await db.Residents.AsNoTracking().Where(r => r.Id == residentId).Select(r => new { r.AddresseeNumber, r.Record }).ToListAsync(ct)
            : await db.Residents.AsNoTracking().Where(r => r.HouseholdId == row.HouseholdId && r.Status == ResidentStatus.Resident).Select(r => new { r.AddresseeNumber, r.Record }).ToListAsync(ct);
        var code = Code(row.Kind, change);
        var key = ItemKey(row.Kind);
        var drafts = people.Select(p => Draft(p.AddresseeNumber, Movements.MovementSession.Deserialize(p.Record).HouseholdNumber, key, before, after, code, effectiveOn, now)).ToList();
        await using (var platform = PlatformDatabase.CreateOnConnection(db.Database.GetDbConnection(), TenantScope.ForTenant(tenantId)))
        {
            await platform.Database.UseTransactionAsync(tx.GetDbTransaction(), ct);
            await IntegrationEventOutbox.AppendWithinAsync(platform, tenantId, drafts, ct);
        }
        await tx.CommitAsync(ct);
        IntegrationEventOutbox.NotifyCommitted();
    }

    private static IntegrationEventDraft Draft(string addresseeNumber, string? householdNumber, string key, JsonNode? before, JsonNode? after, string code, DateOnly effectiveOn, DateTime now)
    {
        var body = new JsonObject
        {
            ["movementId"] = null,
            ["reasonCode"] = code,
            ["reason"] = Label(code),
            ["effectiveOn"] = effectiveOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["notifiedOn"] = Platform.JapanTime.FromUtc(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["addresseeNumber"] = addresseeNumber,
            ["householdNumber"] = householdNumber,
            ["before"] = before is null ? new JsonObject() : new JsonObject { [key] = before.DeepClone() },
            ["after"] = after is null ? new JsonObject() : new JsonObject { [key] = after.DeepClone() },
            [PayloadMarkers.RequiresItem] = key,
        };
        return new IntegrationEventDraft(ResidentChangedEvent.Type, ResidentChangedEvent.SchemaVersion, addresseeNumber, body.ToJsonString(ResidentChangedEvent.Json));
    }
}

/// <summary>抑止 (異動・発行・照会, standard 3.1) as delivered: the level per process and the period; never the reason.</summary>
public sealed record RestrictionItem(string Movement, string Issuance, string Inquiry, DateOnly StartOn, DateOnly? EndOn)
{
    internal static RestrictionItem Of(RestrictionRow row) => new(RestrictionRules.LevelLabel(row.Movement), RestrictionRules.LevelLabel(row.Issuance),
        RestrictionRules.LevelLabel(row.Inquiry), row.StartOn, row.EndOn);
}
