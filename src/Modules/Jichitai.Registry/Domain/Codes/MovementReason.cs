namespace Jichitai.Registry.Domain.Codes;

/// <summary>記載 / 消除 / 修正: the three groups of 標準1.2.2.</summary>
public enum MovementKind
{
    Entry = 1,
    Removal = 2,
    Amendment = 3,
}

/// <summary>届出 (incl. 請求・申出 by the resident) or 職権 (住基法8条: 届出に基づき、又は職権で).</summary>
/// <remarks>The API reads and writes it by name ("Notification", "Official", "Application"); the numbers are still accepted.</remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<MovementBasis>))]
public enum MovementBasis
{
    Notification = 1,
    Official = 2,
    /// <summary>申出を受けた職権記載等 (標準4.2.0.5): a movement's header only; no 異動事由 has it as its basis.</summary>
    Application = 3,
}

/// <summary>
/// One 異動事由. <see cref="CreatesRecord"/>: a 住民票 is written; <see cref="RemovesRecord"/>: the 住民票 becomes a 除票.
/// 改製/再製 do both in two movements without the person arriving or leaving.
/// </summary>
public sealed record MovementReason(
    MovementReasonCode Code, string Label, MovementBasis Basis, StandardMovementCategory StandardCategory, string Source)
{
    public MovementKind Kind => StandardCategory.Kind();
    public bool CreatesRecord => Kind == MovementKind.Entry;
    public bool RemovesRecord => Kind == MovementKind.Removal;
}
