using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Residents;

namespace Jichitai.Registry.Persistence;

/// <summary>The current 住民票 of one person: search columns plus the whole record. Never deleted (除票 stay queryable).</summary>
public sealed class ResidentRow : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public required string AddresseeNumber { get; set; }
    public long? HouseholdId { get; set; }
    public ResidentStatus Status { get; set; }
    public ResidentKind Kind { get; set; }
    /// <summary>Normalised search keys (see docs/registry/name-normalisation.md); never shown.</summary>
    public required string KanaKey { get; set; }
    /// <summary>あいまい検索 key of the whole kana name (standard 2.1.2: 濁音・小文字・長音・オ段+ウ ignored).</summary>
    public string FuzzyKanaKey { get; set; } = "";
    /// <summary>名 only, for 名のみの検索 (standard 2.1.2).</summary>
    public string GivenKanaKey { get; set; } = "";
    public required string NameKey { get; set; }
    public required string AddressKey { get; set; }
    public DateOnly BirthDate { get; set; }
    /// <summary>Keyed hash of the 個人番号 for exact-match search; the number itself is only in the encrypted record.</summary>
    public string? PersonalNumberIndex { get; set; }
    public required string Record { get; set; }
    public long LastVersionId { get; set; }
    public DateOnly LastEffectiveOn { get; set; }
}

/// <summary>世帯. Members are the residents pointing at it; the head is the member whose 続柄 is 世帯主.</summary>
public sealed class HouseholdRow : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public required string HouseholdNumber { get; set; }
    public DateOnly CreatedOn { get; set; }
}

/// <summary>One 異動 (standard 1.2.1): append-only; a cancellation is another movement that points back.</summary>
public sealed class MovementRow : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public int ReasonCode { get; set; }
    public DateOnly EffectiveOn { get; set; }
    public DateOnly NotifiedOn { get; set; }
    public DateTime ProcessedAt { get; set; }
    public Guid? StaffId { get; set; }
    public required string StaffName { get; set; }
    public bool LateNotification { get; set; }
    public long? CancelsMovementId { get; set; }
    public long? CancelledByMovementId { get; set; }
    public string? IdempotencyKey { get; set; }
    public required string Summary { get; set; }
    public string? Note { get; set; }
    /// <summary>入力場所・入力端末 (standard 1.2.1, 1.3.1): names as they were when entered, and the client address.</summary>
    public string? InputLocation { get; set; }
    public string? InputTerminal { get; set; }
    public string? ClientAddress { get; set; }
    /// <summary>特別な事由 (standard 1.1.4): left out of printed histories unless asked for.</summary>
    public Features.Renewal.SpecialReason? SpecialReason { get; set; }
}

/// <summary>The whole record of one resident after one movement. Append-only.</summary>
public sealed class ResidentVersionRow : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public long ResidentId { get; set; }
    public long MovementId { get; set; }
    public DateOnly EffectiveOn { get; set; }
    public long? HouseholdId { get; set; }
    public required string Record { get; set; }
}

/// <summary>Per-tenant sequences for 宛名番号 and 世帯番号.</summary>
public sealed class NumberCounterRow : ITenantOwned
{
    public int TenantId { get; set; }
    public required string Name { get; set; }
    public long NextValue { get; set; }
}

/// <summary>
/// 抑止 (standard 3.1) or 支援措置 (3.4) on a person or a household, per process, each as error or alert.
/// Never deleted: ending it records the end; the end date alone does not lift it (3.1: 自動的に終了しない).
/// </summary>
public sealed class RestrictionRow : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public Features.Restrictions.RestrictionKind Kind { get; set; }
    public long? ResidentId { get; set; }
    public long? HouseholdId { get; set; }
    public Features.Restrictions.RestrictionLevel Movement { get; set; }
    public Features.Restrictions.RestrictionLevel Issuance { get; set; }
    public Features.Restrictions.RestrictionLevel Inquiry { get; set; }
    public DateOnly StartOn { get; set; }
    public DateOnly? EndOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    public string? EndReason { get; set; }
    public required string Reason { get; set; }
    /// <summary>一時解除: processing allowed until this instant, then the restriction applies again by itself.</summary>
    public DateTime? ReleasedUntil { get; set; }
    public string? ReleasedBy { get; set; }
    /// <summary>仮支援措置 kept by this municipality as 前住所地 after the person moved out (3.4).</summary>
    public bool ContinuedAfterMoveOut { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Extensions { get; set; }
}

/// <summary>
/// 仮登録 (standard 4.0.8): a checked movement waiting for a second officer's 本登録. The request is kept as entered;
/// 本登録 runs it then, so it is checked again against the records as they are at that moment.
/// </summary>
public sealed class PendingMovementRow : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public required string Feature { get; set; }
    public required string Request { get; set; }
    public required string Summary { get; set; }
    public Guid? EnteredById { get; set; }
    public required string EnteredByName { get; set; }
    public DateTime EnteredAt { get; set; }
    public Features.Approval.PendingStatus Status { get; set; }
    public string? DecidedByName { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? RejectReason { get; set; }
    public long? MovementId { get; set; }
    public string? IdempotencyKey { get; set; }
}

/// <summary>
/// メモ (standard 1.1.15): free notes on a person, never printed on certificates. Every edit is a new row pointing back
/// to the one it replaces, and a deletion only marks the row, so the memo's history stays complete.
/// </summary>
public sealed class MemoRow : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public long ResidentId { get; set; }
    public required string Text { get; set; }
    public long? ReplacesMemoId { get; set; }
    public long? ReplacedByMemoId { get; set; }
    public Guid? WrittenById { get; set; }
    public required string WrittenByName { get; set; }
    public DateTime WrittenAt { get; set; }
    public string? DeletedByName { get; set; }
    public DateTime? DeletedAt { get; set; }
}
