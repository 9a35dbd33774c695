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
