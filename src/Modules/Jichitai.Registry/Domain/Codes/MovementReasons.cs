using System.Collections.Frozen;
using static Jichitai.Registry.Domain.Codes.MovementBasis;
using C = Jichitai.Registry.Domain.Codes.MovementReasonCode;
using S = Jichitai.Registry.Domain.Codes.StandardMovementCategory;

namespace Jichitai.Registry.Domain.Codes;

/// <summary>The 異動事由 catalog; each row names its source (law article and standard section).</summary>
public static class MovementReasons
{
    public static IReadOnlyList<MovementReason> All { get; } =
    [
        new(C.MoveIn, "転入", Notification, S.DomesticMoveIn, "住基法22条 / 標準4.1.1"),
        new(C.ReturnMoveIn, "再転入", Notification, S.DomesticMoveIn, "住基法22条 / 標準4.1.1.2"),
        new(C.SpecialMoveIn, "特例転入", Notification, S.DomesticMoveIn, "住基法24条の2 / 標準4.1.1.3"),
        new(C.UnnotifiedMoveIn, "未届転入", Notification, S.DomesticMoveIn, "住基法22条 / 標準4.1.1.4"),
        new(C.MoveInFromAbroad, "国外からの転入", Notification, S.MoveInFromAbroad, "住基法22条 / 標準4.1.1"),
        new(C.ForeignResidentArrival, "法第30条の46転入", Notification, S.MoveInFromAbroad, "住基法30条の46 / 標準4.5.1"),
        new(C.BecameForeignResident, "法第30条の47届出", Notification, S.MoveInFromAbroad, "住基法30条の47 / 標準4.5.2"),
        new(C.Birth, "出生", Official, S.Birth, "住基法8条 / 標準4.2.1.2"),
        new(C.OfficialEntry, "職権記載", Official, S.OfficialEntry, "住基法8条 / 標準4.2.1"),
        new(C.AddressEstablished, "住所設定", Official, S.OfficialEntry, "住基法8条 / 標準4.2.1.1"),
        new(C.Restoration, "回復", Official, S.OfficialEntry, "住基法8条 / 標準4.2.1"),
        new(C.NaturalisationEntry, "帰化による記載", Official, S.OfficialEntryNaturalisation, "標準4.5.3"),
        new(C.NationalityAcquisitionEntry, "国籍取得による記載", Official, S.OfficialEntryNaturalisation, "標準4.5.4"),
        new(C.LossOfNationalityEntry, "国籍喪失による記載", Official, S.OfficialEntryLossOfNationality, "標準4.5.5"),
        new(C.RenewalEntry, "改製による記載", Official, S.RenewalEntry, "標準1.1.4"),
        new(C.ReissueEntry, "再製による記載", Official, S.ReissueEntry, "標準1.2.2"),
        new(C.CancellationIncrease, "異動の取消し（増）", Official, S.CancellationIncrease, "標準4.6.0.1"),

        new(C.MoveOut, "転出", Notification, S.DomesticMoveOut, "住基法24条 / 標準4.1.3"),
        new(C.MoveOutAbroad, "国外転出", Notification, S.MoveOutAbroad, "住基法24条 / 標準4.1.3"),
        new(C.Death, "死亡", Official, S.Death, "住基法8条 / 標準4.2.2.1"),
        new(C.Disappearance, "失踪", Official, S.OfficialRemoval, "住基法9条2項 / 標準4.2.2.2"),
        new(C.OfficialRemoval, "職権消除", Official, S.OfficialRemoval, "住基法8条 / 標準4.2.2"),
        new(C.ImmigrationNoticeRemoval, "入管通知による消除", Official, S.OfficialRemoval, "住基法30条の50 / 標準4.5.6"),
        new(C.NaturalisationRemoval, "帰化による消除", Official, S.OfficialRemovalNaturalisation, "標準4.5.3"),
        new(C.NationalityAcquisitionRemoval, "国籍取得による消除", Official, S.OfficialRemovalNaturalisation, "標準4.5.4"),
        new(C.LossOfNationalityRemoval, "国籍喪失による消除", Official, S.OfficialRemovalLossOfNationality, "標準4.5.5"),
        new(C.RenewalRemoval, "改製による消除", Official, S.RenewalRemoval, "標準1.1.4"),
        new(C.ReissueRemoval, "再製による消除", Official, S.ReissueRemoval, "標準1.2.2"),
        new(C.CancellationDecrease, "異動の取消し（減）", Official, S.CancellationDecrease, "標準4.6.0.1"),

        new(C.Relocation, "転居", Notification, S.Relocation, "住基法23条 / 標準4.1.2"),
        new(C.HouseholdSplit, "世帯分離", Notification, S.HouseholdSplit, "住基法25条 / 標準4.1.4.1"),
        new(C.HouseholdMerge, "世帯合併", Notification, S.HouseholdMerge, "住基法25条 / 標準4.1.4.1"),
        new(C.HouseholdChange, "世帯変更", Notification, S.HouseholdChange, "住基法25条 / 標準4.1.4.1"),
        new(C.HeadChange, "世帯主変更", Notification, S.HeadChange, "住基法25条 / 標準4.1.4.1"),
        new(C.OfficialCorrection, "職権修正", Official, S.OfficialCorrection, "住基法8条 / 標準4.2.3.1"),
        new(C.MinorCorrection, "軽微な修正", Official, S.MinorCorrection, "標準4.2.3.2"),
        new(C.ClericalErrorCorrection, "誤記修正", Official, S.ClericalErrorCorrection, "標準4.2.3.3"),
        new(C.FamilyRegisterNotice, "戸籍通知による修正", Official, S.OfficialCorrection, "住基法9条2項 / 標準4.2.0.3"),
        new(C.ImmigrationNoticeCorrection, "入管通知による修正", Official, S.OfficialCorrection, "住基法30条の50 / 標準4.5.6"),
        new(C.StatusOfResidenceChange, "在留資格変更", Official, S.OfficialCorrection, "住基法30条の50 / 標準4.5.6"),
        new(C.PeriodOfStayRenewal, "在留期間更新", Official, S.OfficialCorrection, "住基法30条の50 / 標準4.5.6"),
        new(C.PersonalNumberChangeRequest, "個人番号の変更請求", Notification, S.PersonalNumberChangeRequest, "番号法7条2項 / 標準4.4"),
        new(C.PersonalNumberOfficialCorrection, "個人番号の職権修正", Official, S.PersonalNumberOfficialCorrection, "標準4.4"),
        new(C.PersonalNumberOfficialEntry, "個人番号の職権記載", Official, S.PersonalNumberOfficialEntry, "番号法7条1項 / 標準4.4"),
        new(C.ResidentCodeChangeRequest, "住民票コードの変更請求", Notification, S.ResidentCodeChangeRequest, "住基法30条の4 / 標準4.3.2"),
        new(C.ResidentCodeOfficialEntry, "住民票コードの職権記載", Official, S.ResidentCodeOfficialEntry, "住基法30条の3 / 標準4.3.1"),
        new(C.ResidentCodeCorrection, "住民票コードの修正", Official, S.OfficialCorrection, "標準4.3.2"),
        new(C.FormerSurnameEntry, "旧氏の記載", Notification, S.FormerSurnameEntry, "標準1.1.7"),
        new(C.FormerSurnameChange, "旧氏の変更", Notification, S.FormerSurnameChange, "標準1.1.7"),
        new(C.FormerSurnameDeletion, "旧氏の削除", Notification, S.FormerSurnameDeletion, "標準1.1.7"),
        new(C.CommonNameEntry, "通称の記載", Notification, S.CommonNameEntry, "標準1.1.7"),
        new(C.CommonNameDeletion, "通称の削除", Notification, S.CommonNameDeletion, "標準1.1.7"),
        new(C.CancellationAmendment, "異動の取消し（修正）", Official, S.CancellationAmendment, "標準4.6.0.1"),
        new(C.MoveOutConfirmation, "転入通知による転出確定", Official, S.MinorCorrection, "住基法9条1項 / 標準4.1.3.1.1"),
    ];

    private static readonly FrozenDictionary<MovementReasonCode, MovementReason> ByCode = All.ToFrozenDictionary(r => r.Code);

    public static MovementReason Get(MovementReasonCode code) =>
        ByCode.TryGetValue(code, out var reason) ? reason : throw new ArgumentOutOfRangeException(nameof(code), code, null);

    public static string Label(MovementReasonCode code) => Get(code).Label;

    /// <summary>
    /// 標準4.6.0.1: cancelling a 消除 restores the person (取消し（増）), cancelling a 記載 removes them (取消し（減）),
    /// cancelling a 修正 is 取消し（修正）.
    /// </summary>
    public static MovementReasonCode CancellationOf(MovementReasonCode cancelled) => Get(cancelled).Kind switch
    {
        MovementKind.Removal => C.CancellationIncrease,
        MovementKind.Entry => C.CancellationDecrease,
        _ => C.CancellationAmendment,
    };
}

public static class MovementReasonCodeExtensions
{
    public static string Label(this MovementReasonCode code) => MovementReasons.Label(code);

    public static MovementReason Reason(this MovementReasonCode code) => MovementReasons.Get(code);
}
