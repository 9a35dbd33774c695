using Jichitai.Platform.Tenancy;

namespace Jichitai.Linkage.Persistence;

/// <summary>How a consumer system receives the events.</summary>
public enum ConsumerKind
{
    /// <summary>It asks: GET /api/v1/linkage/events with its API key.</summary>
    Pull = 1,
    /// <summary>We post signed batches to its URL.</summary>
    Webhook = 2,
    /// <summary>An older system that takes CSV delta files.</summary>
    File = 3,
    /// <summary>A module of this product (e.g. 介護保険), called in process.</summary>
    InProcess = 4,
}

public enum ConsumerState
{
    Active = 1,
    /// <summary>Delivery failed the configured number of times: nothing more is sent until an officer replays or resumes.</summary>
    DeadLetter = 2,
    /// <summary>Stopped by an officer.</summary>
    Paused = 3,
}

/// <summary>One consumer system of one tenant: what it may receive, how, and how far it has got.</summary>
public sealed class ConsumerRow : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public required string Name { get; set; }
    public ConsumerKind Kind { get; set; }
    /// <summary>マイナンバー利用事務 (番号法9条・別表): only such a consumer may be granted 個人番号.</summary>
    public bool PersonalNumberUse { get; set; }
    /// <summary>Declared need for 支援措置 details; without it they are never granted.</summary>
    public bool NeedsSupportMeasures { get; set; }
    /// <summary>Granted item keys, comma-separated, in catalog order.</summary>
    public string Items { get; set; } = "";
    /// <summary>SHA-256 (hex) of the API key; the key itself is shown once and never stored.</summary>
    public string? ApiKeyHash { get; set; }
    public string? ApiKeyPrefix { get; set; }
    public string? WebhookUrl { get; set; }
    /// <summary>The webhook signing secret, encrypted with the tenant's key (it must be read back to sign).</summary>
    public string? WebhookSecretProtected { get; set; }
    public string? FileEncoding { get; set; }
    /// <summary>Last sequence number delivered (push, file, in-process) or acknowledged by asking after it (pull).</summary>
    public long Cursor { get; set; }
    public ConsumerState State { get; set; } = ConsumerState.Active;
    public int MaxAttempts { get; set; } = 16;
    /// <summary>
    /// 標準7.2.3: the municipality chooses real time (0) or near real time — at most every N minutes, N ≤ 10 — per consumer.
    /// Push consumers then receive everything pending once per interval.
    /// </summary>
    public int DeliveryIntervalMinutes { get; set; }
    public int FailedAttempts { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTime? LastErrorAt { get; set; }
    public DateTime? LastDeliveredAt { get; set; }
    /// <summary>Which dispatcher process holds this consumer, and until when (renewed per batch; a dead holder's lease runs out).</summary>
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>A failed delivery attempt (and the dead-letter moment), kept for the IT staff's page.</summary>
public sealed class DeliveryFailureRow : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public long ConsumerId { get; set; }
    public DateTime At { get; set; }
    public long FromSequence { get; set; }
    public long ToSequence { get; set; }
    public int Attempt { get; set; }
    public required string Error { get; set; }
    public bool DeadLettered { get; set; }
}
