namespace Jichitai.Registry.Features.RecordColumn;

/// <summary>An entry typed into the 統合記載欄: 留意事項 (B類型) tied to a movement item, or 備考 (C類型).</summary>
public sealed record RecordEntryRequest
{
    /// <summary>留意事項 or 備考.</summary>
    public string? Type { get; init; }
    /// <summary>備考 only: 特別養子縁組 or 特別養子縁組解消 (wording fixed by standard 1.1.14); empty for a free 備考.</summary>
    public string? Category { get; init; }
    public long? MovementId { get; init; }
    /// <summary>異動項目 (住所, 転入前住所, 転出先住所 …).</summary>
    public string? Item { get; init; }
    public string? Text { get; init; }
    public DateOnly? RecordedOn { get; init; }
}

public sealed record RecordEntryView(long Id, string Type, string Category, long? MovementId, string? Item, string Text, DateOnly RecordedOn,
    string WrittenBy, DateTime WrittenAt, bool Current, string? DeletedBy, DateTime? DeletedAt);

/// <summary>One line of 異動履歴 (A類型), written from the movement, with the 留意事項 tied to it.</summary>
public sealed record HistoryLine(long MovementId, DateOnly EffectiveOn, string Text, string? SpecialReason, IReadOnlyList<RecordEntryView> Cautions);

/// <summary>The 統合記載欄 of one 住民票 (standard 1.1.14): A and B in history order, C apart, 除票 items when removed.</summary>
public sealed record RecordColumnView(
    IReadOnlyList<HistoryLine> History, IReadOnlyList<RecordEntryView> Remarks, IReadOnlyList<string> RemovalItems,
    IReadOnlyList<RecordEntryView> Withdrawn, int SpecialLinesLeftOut);

public sealed record DeFactoHeadRequest
{
    public string? Name { get; init; }
    /// <summary>法適用外の外国人 / 施設長 / その他.</summary>
    public string? Kind { get; init; }
    public DateOnly? FromOn { get; init; }
    /// <summary>Replace the one already recorded (a correction); otherwise a second one is refused.</summary>
    public bool Replace { get; init; }
}

public sealed record EndDeFactoHeadRequest(DateOnly? EndedOn, string? Reason);

public sealed record DeFactoHeadView(long Id, string HouseholdNumber, string Name, string Kind, DateOnly FromOn, DateOnly? EndedOn, string? EndReason, string CreatedBy, bool Current);
