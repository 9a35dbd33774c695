using Jichitai.Platform.Tenancy;

namespace Jichitai.Platform.Linkage;

/// <summary>
/// One row of the transactional outbox: written in the same transaction as the business change it describes, so an
/// event exists exactly when its change was committed. <see cref="Sequence"/> is gapless per tenant and follows the
/// commit order (the counter row stays locked until the commit), so "everything after N" never skips a later-visible row.
/// </summary>
public sealed class IntegrationEvent : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public long Sequence { get; set; }
    /// <summary>Stable across redeliveries: consumers drop duplicates by it.</summary>
    public Guid EventId { get; set; }
    /// <summary>e.g. "registry.resident-changed".</summary>
    public required string Type { get; set; }
    public int SchemaVersion { get; set; }
    /// <summary>The ordering key (宛名番号): events of one subject are delivered in sequence order.</summary>
    public required string SubjectKey { get; set; }
    public DateTime CommittedAt { get; set; }
    /// <summary>The event body as JSON; protected items (個人番号) stay encrypted here and are opened only for a granted consumer.</summary>
    public required string Payload { get; set; }
}

/// <summary>Per-tenant counter of the outbox sequence (one row per tenant).</summary>
public sealed class IntegrationEventSequence : ITenantOwned
{
    public int TenantId { get; set; }
    public long LastSequence { get; set; }
}

/// <summary>An event as a module hands it to the outbox.</summary>
public sealed record IntegrationEventDraft(string Type, int SchemaVersion, string SubjectKey, string Payload);
