namespace Jichitai.Registry.Domain.Codes;

/// <summary>
/// 異動事由コード. The numbers are ours (the standard names 区分 but assigns no codes) and are stored: never
/// renumber. Hundreds give the group: 1xx 記載, 2xx 消除, 3xx 修正. Details in docs/registry/codes.md.
/// </summary>
public enum MovementReasonCode
{
    MoveIn = 101,                          // 転入
    ReturnMoveIn = 102,                    // 再転入
    SpecialMoveIn = 103,                   // 特例転入
    UnnotifiedMoveIn = 104,                // 未届転入
    MoveInFromAbroad = 105,                // 国外からの転入
    ForeignResidentArrival = 106,          // 法第30条の46転入
    BecameForeignResident = 107,           // 法第30条の47届出
    Birth = 110,                           // 出生
    OfficialEntry = 111,                   // 職権記載
    AddressEstablished = 112,              // 住所設定
    Restoration = 113,                     // 回復
    NaturalisationEntry = 120,             // 帰化による記載
    NationalityAcquisitionEntry = 121,     // 国籍取得による記載
    LossOfNationalityEntry = 122,          // 国籍喪失による記載
    RenewalEntry = 130,                    // 改製による記載
    ReissueEntry = 131,                    // 再製による記載
    CancellationIncrease = 140,            // 異動の取消し（増）

    MoveOut = 201,                         // 転出
    MoveOutAbroad = 202,                   // 国外転出
    Death = 210,                           // 死亡
    Disappearance = 211,                   // 失踪
    OfficialRemoval = 212,                 // 職権消除
    ImmigrationNoticeRemoval = 213,        // 入管通知による消除
    NaturalisationRemoval = 220,           // 帰化による消除
    NationalityAcquisitionRemoval = 221,   // 国籍取得による消除
    LossOfNationalityRemoval = 222,        // 国籍喪失による消除
    RenewalRemoval = 230,                  // 改製による消除
    ReissueRemoval = 231,                  // 再製による消除
    CancellationDecrease = 240,            // 異動の取消し（減）

    Relocation = 301,                      // 転居
    HouseholdSplit = 310,                  // 世帯分離
    HouseholdMerge = 311,                  // 世帯合併
    HouseholdChange = 312,                 // 世帯変更
    HeadChange = 313,                      // 世帯主変更
    OfficialCorrection = 320,              // 職権修正
    MinorCorrection = 321,                 // 軽微な修正
    ClericalErrorCorrection = 322,         // 誤記修正
    FamilyRegisterNotice = 323,            // 戸籍通知による修正
    ImmigrationNoticeCorrection = 324,     // 入管通知による修正
    StatusOfResidenceChange = 325,         // 在留資格変更
    PeriodOfStayRenewal = 326,             // 在留期間更新
    PersonalNumberChangeRequest = 330,   // 個人番号の変更請求
    PersonalNumberOfficialCorrection = 331, // 個人番号の職権修正
    PersonalNumberOfficialEntry = 332,   // 個人番号の職権記載
    ResidentCodeChangeRequest = 333,       // 住民票コードの変更請求
    ResidentCodeOfficialEntry = 334,       // 住民票コードの職権記載
    ResidentCodeCorrection = 335,          // 住民票コードの修正
    FormerSurnameEntry = 340,              // 旧氏の記載
    FormerSurnameChange = 341,             // 旧氏の変更
    FormerSurnameDeletion = 342,           // 旧氏の削除
    CommonNameEntry = 343,                 // 通称の記載
    CommonNameDeletion = 344,              // 通称の削除
    CancellationAmendment = 350,           // 異動の取消し（修正）
    MoveOutConfirmation = 360,             // 転入通知による転出確定
}
