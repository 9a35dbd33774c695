using System.Globalization;
using System.Text.Json.Nodes;
using Jichitai.Linkage.Consumers;
using Jichitai.Linkage.Persistence;
using Jichitai.Platform.Linkage;
using Jichitai.Platform.Protection;

namespace Jichitai.Linkage.Delivery;

/// <summary>
/// Data minimisation at the last moment before anything leaves: an event (or snapshot record) keeps only the items the
/// consumer is granted, protected items only with the matching flag, and 個人番号 is decrypted only for such a consumer.
/// Every way out (pull, webhook, file, in-process, snapshot) goes through here.
/// </summary>
public sealed class PayloadFilter(LinkageCatalog catalog, PersonalDataProtector protector)
{
    /// <summary>The keys a consumer may receive, after re-checking the flags (a grant stored before a flag was removed gives nothing).</summary>
    public Grant GrantOf(ConsumerRow consumer)
    {
        var granted = consumer.Items.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var items = catalog.Items.Where(i => granted.Contains(i.Key) && i.Protection switch
        {
            LinkageItemProtection.PersonalNumber => consumer.PersonalNumberUse,
            LinkageItemProtection.SupportMeasures => consumer.NeedsSupportMeasures,
            _ => true,
        }).ToDictionary(i => i.Key, StringComparer.Ordinal);
        return new Grant(consumer.TenantId, items);
    }

    /// <summary>The event as this consumer may see it, or null when it must not learn of the event at all.</summary>
    public JsonObject? Shape(IntegrationEvent e, string tenantCode, Grant grant)
    {
        var body = JsonNode.Parse(e.Payload)!.AsObject();
        if (body[PayloadMarkers.RequiresItem] is { } required)
        {
            if (!grant.Items.ContainsKey(required.GetValue<string>())) return null;
            body.Remove(PayloadMarkers.RequiresItem);
        }
        var shaped = new JsonObject
        {
            ["eventId"] = e.EventId.ToString(),
            ["sequence"] = e.Sequence,
            ["type"] = e.Type,
            ["schemaVersion"] = e.SchemaVersion,
            ["tenant"] = tenantCode,
            ["committedAt"] = e.CommittedAt.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in body.ToList())
        {
            body.Remove(key);
            shaped[key] = key is "before" or "after" ? (value is JsonObject items ? Items(items, grant) : null) : value;
        }
        return shaped;
    }

    /// <summary>Strips one item object (an event's before/after, a snapshot record) to the grant.</summary>
    public JsonObject Items(JsonObject items, Grant grant)
    {
        var kept = new JsonObject();
        foreach (var (key, value) in items.ToList())
        {
            if (!grant.Items.TryGetValue(key, out var item)) continue;
            items.Remove(key);
            kept[key] = item.Protection == LinkageItemProtection.PersonalNumber && value is not null
                ? protector.Unprotect(grant.TenantId, item.ProtectedPurpose!, value.GetValue<string>())
                : value;
        }
        return kept;
    }
}

public sealed record Grant(int TenantId, IReadOnlyDictionary<string, LinkageItem> Items);
