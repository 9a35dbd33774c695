namespace Jichitai.Registry.Domain.Codes;

/// <summary>
/// The 異動事由 区分 of 標準1.2.2 (j210), in its order. Hundreds give the group: 1xx 記載, 2xx 消除, 3xx 修正
/// (same as <see cref="MovementKind"/>). The numbers are ours; the standard only names the 区分.
/// </summary>
public enum StandardMovementCategory
{
    DomesticMoveIn = 101,                       // 国内転入
    MoveInFromAbroad = 102,                     // 国外転入等
    Birth = 103,                                // 出生
    OfficialEntryNaturalisation = 104,         // 職権記載（帰化等）
    OfficialEntryLossOfNationality = 105,      // 職権記載（国籍喪失）
    OfficialEntry = 106,                       // 職権記載
    RenewalEntry = 107,                         // 改製
    ReissueEntry = 108,                         // 再製
    CancellationIncrease = 109,                 // 異動の取消し（増）

    DomesticMoveOut = 201,                      // 国内転出
    MoveOutAbroad = 202,                        // 国外転出
    Death = 203,                                // 死亡
    OfficialRemovalNaturalisation = 204,       // 職権消除（帰化等）
    OfficialRemovalLossOfNationality = 205,    // 職権消除（国籍喪失）
    OfficialRemoval = 206,                     // 職権消除
    RenewalRemoval = 207,                       // 改製
    ReissueRemoval = 208,                       // 再製
    CancellationDecrease = 209,                 // 異動の取消し（減）

    Relocation = 301,                           // 転居
    MinorCorrection = 302,                      // 軽微な修正
    OfficialCorrection = 303,                   // 職権修正
    ClericalErrorCorrection = 304,              // 誤記修正
    PersonalNumberChangeRequest = 305,        // 個人番号の変更請求
    PersonalNumberOfficialCorrection = 306,   // 個人番号の職権修正
    PersonalNumberOfficialEntry = 307,       // 個人番号の職権記載
    ResidentCodeChangeRequest = 308,            // 住民票コードの変更請求
    ResidentCodeOfficialEntry = 309,           // 住民票コードの職権記載
    HouseholdSplit = 310,                       // 世帯分離
    HouseholdMerge = 311,                       // 世帯合併
    HouseholdChange = 312,                      // 世帯変更
    HeadChange = 313,                           // 世帯主変更
    FormerSurnameEntry = 314,                   // 旧氏の記載
    FormerSurnameChange = 315,                  // 旧氏の変更
    FormerSurnameDeletion = 316,                // 旧氏の削除
    CommonNameEntry = 317,                      // 通称の記載
    CommonNameDeletion = 318,                   // 通称の削除
    CancellationAmendment = 319,                // 異動の取消し（修正）
}

public static class StandardMovementCategoryExtensions
{
    public static MovementKind Kind(this StandardMovementCategory category) => (MovementKind)((int)category / 100);

    public static string Label(this StandardMovementCategory category) => category switch
    {
        StandardMovementCategory.DomesticMoveIn => "国内転入",
        StandardMovementCategory.MoveInFromAbroad => "国外転入等",
        StandardMovementCategory.Birth => "出生",
        StandardMovementCategory.OfficialEntryNaturalisation => "職権記載（帰化等）",
        StandardMovementCategory.OfficialEntryLossOfNationality => "職権記載（国籍喪失）",
        StandardMovementCategory.OfficialEntry => "職権記載",
        StandardMovementCategory.RenewalEntry or StandardMovementCategory.RenewalRemoval => "改製",
        StandardMovementCategory.ReissueEntry or StandardMovementCategory.ReissueRemoval => "再製",
        StandardMovementCategory.CancellationIncrease => "異動の取消し（増）",
        StandardMovementCategory.DomesticMoveOut => "国内転出",
        StandardMovementCategory.MoveOutAbroad => "国外転出",
        StandardMovementCategory.Death => "死亡",
        StandardMovementCategory.OfficialRemovalNaturalisation => "職権消除（帰化等）",
        StandardMovementCategory.OfficialRemovalLossOfNationality => "職権消除（国籍喪失）",
        StandardMovementCategory.OfficialRemoval => "職権消除",
        StandardMovementCategory.CancellationDecrease => "異動の取消し（減）",
        StandardMovementCategory.Relocation => "転居",
        StandardMovementCategory.MinorCorrection => "軽微な修正",
        StandardMovementCategory.OfficialCorrection => "職権修正",
        StandardMovementCategory.ClericalErrorCorrection => "誤記修正",
        StandardMovementCategory.PersonalNumberChangeRequest => "個人番号の変更請求",
        StandardMovementCategory.PersonalNumberOfficialCorrection => "個人番号の職権修正",
        StandardMovementCategory.PersonalNumberOfficialEntry => "個人番号の職権記載",
        StandardMovementCategory.ResidentCodeChangeRequest => "住民票コードの変更請求",
        StandardMovementCategory.ResidentCodeOfficialEntry => "住民票コードの職権記載",
        StandardMovementCategory.HouseholdSplit => "世帯分離",
        StandardMovementCategory.HouseholdMerge => "世帯合併",
        StandardMovementCategory.HouseholdChange => "世帯変更",
        StandardMovementCategory.HeadChange => "世帯主変更",
        StandardMovementCategory.FormerSurnameEntry => "旧氏の記載",
        StandardMovementCategory.FormerSurnameChange => "旧氏の変更",
        StandardMovementCategory.FormerSurnameDeletion => "旧氏の削除",
        StandardMovementCategory.CommonNameEntry => "通称の記載",
        StandardMovementCategory.CommonNameDeletion => "通称の削除",
        StandardMovementCategory.CancellationAmendment => "異動の取消し（修正）",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };
}
