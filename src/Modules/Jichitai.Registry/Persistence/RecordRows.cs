using Jichitai.Platform.Tenancy;

namespace Jichitai.Registry.Persistence;

/// <summary>統合記載欄の種類 (standard 1.1.14). 異動履歴 (A類型) is not stored here: it is written from the movements.</summary>
public enum RecordEntryType { Caution = 2, Remark = 3 }

/// <summary>What a 備考 (C類型) is about; the standard fixes the wording of the 特別養子縁組 ones (1.1.14).</summary>
public enum RemarkCategory { Free = 0, SpecialAdoption = 1, SpecialAdoptionDissolution = 2, DeFactoHead = 3 }

/// <summary>
/// One 留意事項 (B類型, tied to an item of a movement) or 備考 (C類型, managed apart from the history) in a person's
/// 統合記載欄 (standard 1.1.14). Never deleted: a deletion marks the row, so the column keeps its history.
/// </summary>
public sealed class RecordEntryRow : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public long ResidentId { get; set; }
    public RecordEntryType Type { get; set; }
    public RemarkCategory Category { get; set; }
    /// <summary>The movement a 留意事項 (and a 特別養子縁組 備考) belongs to.</summary>
    public long? MovementId { get; set; }
    /// <summary>異動項目 the entry is tied to (住所, 転入前住所, 転出先住所 …).</summary>
    public string? Item { get; set; }
    public required string Text { get; set; }
    public DateOnly RecordedOn { get; set; }
    public long? DeFactoHeadId { get; set; }
    public required string WrittenByName { get; set; }
    public DateTime WrittenAt { get; set; }
    public string? DeletedByName { get; set; }
    public DateTime? DeletedAt { get; set; }
}

/// <summary>事実上の世帯主 (standard 4.1.4.3): someone outside the register who heads the household in fact.</summary>
public sealed class DeFactoHeadRow : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public long HouseholdId { get; set; }
    public required string Name { get; set; }
    public Features.RecordColumn.DeFactoHeadKind Kind { get; set; }
    public DateOnly FromOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    public string? EndReason { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? EndedBy { get; set; }
}

/// <summary>入力場所 (standard 1.3.1): 本庁, 支所, 出張所 or a 利用課; 行政区 in a designated city.</summary>
public sealed class InputLocationRow : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public Features.InputPlaces.InputLocationKind Kind { get; set; }
    public string? Ward { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>入力端末 (standard 1.3.1): a registered terminal, recognised by its network address.</summary>
public sealed class InputTerminalRow : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public long LocationId { get; set; }
    public required string Name { get; set; }
    public required string ClientAddress { get; set; }
    public bool Active { get; set; } = true;
}
