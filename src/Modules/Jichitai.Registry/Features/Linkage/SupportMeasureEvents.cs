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

/// <summary>
/// 支援措置 set, extended or ended is not a 異動, but consumers that need it (e.g. 税務 refusing a copy to an 加害者) must
/// learn it at once. The event carries only the 支援措置 item and is marked so that a consumer without that grant never
/// receives it at all — even an empty event would tell it that something about this person changed.
/// </summary>
public static class SupportMeasureEvents
{
    public const string Started = "S01";   // 支援措置の開始
    public const string Extended = "S02";  // 支援措置の延長
    public const string Ended = "S03";     // 支援措置の終了

    public static string Label(string code) => code switch
    {
        Started => "支援措置の開始",
        Extended => "支援措置の延長",
        _ => "支援措置の終了",
    };

    /// <summary>Saves the restriction change and, for a 支援措置, its events in one transaction.</summary>
    public static async Task SaveAsync(RegistryDbContext db, int tenantId, RestrictionRow row, SupportMeasureItem? before, string code, DateOnly effectiveOn, DateTime now, CancellationToken ct)
    {
        if (row.Kind == RestrictionKind.Other)
        {
            await db.SaveChangesAsync(ct);
            return;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var after = code == Ended ? null : SupportMeasureItem.Of(row);
        var people = row.ResidentId is long residentId
            ? await db.Residents.AsNoTracking().Where(r => r.Id == residentId).Select(r => new { r.AddresseeNumber, r.Record }).ToListAsync(ct)
            : await db.Residents.AsNoTracking().Where(r => r.HouseholdId == row.HouseholdId && r.Status == ResidentStatus.Resident).Select(r => new { r.AddresseeNumber, r.Record }).ToListAsync(ct);
        var drafts = people.Select(p => Draft(p.AddresseeNumber, Movements.MovementSession.Deserialize(p.Record).HouseholdNumber, before, after, code, effectiveOn, now)).ToList();
        await using (var platform = PlatformDatabase.CreateOnConnection(db.Database.GetDbConnection(), TenantScope.ForTenant(tenantId)))
        {
            await platform.Database.UseTransactionAsync(tx.GetDbTransaction(), ct);
            await IntegrationEventOutbox.AppendWithinAsync(platform, tenantId, drafts, ct);
        }
        await tx.CommitAsync(ct);
        IntegrationEventOutbox.NotifyCommitted();
    }

    private static IntegrationEventDraft Draft(string addresseeNumber, string? householdNumber, SupportMeasureItem? before, SupportMeasureItem? after, string code, DateOnly effectiveOn, DateTime now)
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
            ["before"] = Items(before),
            ["after"] = Items(after),
            [PayloadMarkers.RequiresItem] = "supportMeasure",
        };
        return new IntegrationEventDraft(ResidentChangedEvent.Type, ResidentChangedEvent.SchemaVersion, addresseeNumber, body.ToJsonString(ResidentChangedEvent.Json));
    }

    private static JsonObject Items(SupportMeasureItem? item) => item is null
        ? []
        : new JsonObject { ["supportMeasure"] = JsonSerializer.SerializeToNode(item, ResidentChangedEvent.Json) };
}
