namespace Jichitai.Platform.Linkage;

/// <summary>How an item of an event must be guarded before it leaves the product.</summary>
public enum LinkageItemProtection
{
    None = 0,
    /// <summary>個人番号: only to consumers registered as マイナンバー利用事務 (番号法9条, 19条); stored encrypted in the outbox.</summary>
    PersonalNumber = 1,
    /// <summary>支援措置 details (住基法12条6項 etc. / DV等支援措置): only to consumers that declared they need them.</summary>
    SupportMeasures = 2,
}

/// <summary>One item a consumer may be granted (the unit of data minimisation).</summary>
public sealed record LinkageItem(string Key, string Label, LinkageItemProtection Protection = LinkageItemProtection.None, string? ProtectedPurpose = null);

/// <summary>A module that publishes events declares its event type and items (the registry: 住民異動).</summary>
public interface ILinkageEventSource
{
    string EventType { get; }
    int SchemaVersion { get; }
    IReadOnlyList<LinkageItem> Items { get; }

    /// <summary>
    /// A full snapshot of the current data (宛名連携 全件) read in one consistent snapshot together with the outbox's last
    /// sequence, so that a consumer continues with the events after <see cref="LinkageSnapshot.Sequence"/>.
    /// </summary>
    Task<LinkageSnapshot> OpenSnapshotAsync(int tenantId, CancellationToken ct);
}

/// <summary>An open snapshot: the sequence it is consistent with and its records (the same item objects as an event's "after").</summary>
public sealed class LinkageSnapshot(long sequence, IAsyncEnumerable<LinkageSnapshotRecord> records, Func<ValueTask> close) : IAsyncDisposable
{
    public long Sequence { get; } = sequence;
    public IAsyncEnumerable<LinkageSnapshotRecord> Records { get; } = records;
    public ValueTask DisposeAsync() => close();
}

public sealed record LinkageSnapshotRecord(string SubjectKey, System.Text.Json.Nodes.JsonObject Items);

/// <summary>
/// A consumer inside the product (e.g. 介護保険): it receives the tenant's events through the same pipe as external
/// systems, with a stored cursor, the same grants and the same retries.
/// </summary>
public interface IIntegrationEventSubscriber
{
    /// <summary>Unique name; the consumer row of each tenant is created under it.</summary>
    string Name { get; }
    /// <summary>The items this subscriber needs (data minimisation applies in process too).</summary>
    IReadOnlyCollection<string> Items { get; }
    bool PersonalNumberUse => false;
    bool NeedsSupportMeasures => false;
    /// <summary>Handles events in sequence order. Throwing means "retry later"; the events are delivered again.</summary>
    Task HandleAsync(int tenantId, IReadOnlyList<System.Text.Json.Nodes.JsonObject> events, CancellationToken ct);
}

/// <summary>Fields of a stored event body that steer delivery and are never delivered.</summary>
public static class PayloadMarkers
{
    /// <summary>The event is delivered only to consumers granted this item; everyone else skips it entirely.</summary>
    public const string RequiresItem = "$requires";
}
