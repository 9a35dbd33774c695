namespace Jichitai.Registry.Features.Certificates;

/// <summary>Who may ask for what (住基法12条, 12条の2, 12条の3, 15条の4) and what it costs: written once, here.</summary>
public static class RequesterRules
{
    public const CertificateItems AllItems = CertificateItems.HeadAndRelationship | CertificateItems.DomicileAndHead | CertificateItems.ResidentCode
        | CertificateItems.PersonalNumber | CertificateItems.PreviousAddress | CertificateItems.FormerSurname | CertificateItems.CommonName
        | CertificateItems.MovementHistory | CertificateItems.ResidenceDetails;

    /// <summary>住基法12条5項 (and 12条の2第4項, 12条の3第7項): 住民票コード and 個人番号 are printed only for 本人等.</summary>
    public const CertificateItems SelfOnlyItems = CertificateItems.ResidentCode | CertificateItems.PersonalNumber;

    public static CertificateItems AllowedItems(RequesterType type) => type == RequesterType.Self ? AllItems : AllItems & ~SelfOnlyItems;

    /// <summary>
    /// 転出証明書 (施行令23条), 住民票コード通知票 (法30条の3) and 支援措置期間終了通知 go to the person themself; the copies and
    /// 記載事項証明書 may be asked for by all three kinds of requester (12条, 12条の2, 12条の3; 除票: 15条の4).
    /// </summary>
    public static bool MayRequest(RequesterType type, CertificateKind kind) => kind switch
    {
        CertificateKind.MoveOutCertificate or CertificateKind.MoveOutEquivalentCertificate
            or CertificateKind.ResidentCodeNotice or CertificateKind.SupportMeasureEndNotice => type == RequesterType.Self,
        _ => true,
    };

    /// <summary>The items a kind can carry at all (the notices and 転出証明書 have fixed contents).</summary>
    public static CertificateItems ChoosableItems(CertificateKind kind) => kind switch
    {
        CertificateKind.ResidentRecordCopy or CertificateKind.RemovedRecordCopy
            or CertificateKind.ResidentItemCertificate or CertificateKind.RemovedItemCertificate => AllItems,
        _ => CertificateItems.None,
    };

    /// <summary>転出証明書 items of 住基法施行令23条: 世帯主・続柄, 本籍・筆頭者, 住民票コード and 個人番号 among them.</summary>
    public const CertificateItems MoveOutCertificateItems = CertificateItems.HeadAndRelationship | CertificateItems.DomicileAndHead
        | CertificateItems.ResidentCode | CertificateItems.PersonalNumber | CertificateItems.CommonName | CertificateItems.ResidenceDetails;

    /// <summary>The fixed items a kind prints whatever was asked.</summary>
    public static CertificateItems FixedItems(CertificateKind kind) => kind switch
    {
        CertificateKind.MoveOutCertificate or CertificateKind.MoveOutEquivalentCertificate => MoveOutCertificateItems,
        CertificateKind.ResidentCodeNotice => CertificateItems.ResidentCode,
        _ => CertificateItems.None,
    };

    /// <summary>世帯連記式 exists for 住民票の写し only (標準5.1, 20.1.2); 除票の写し is 個人票 only (20.1.3).</summary>
    public static bool AllowsHouseholdLayout(CertificateKind kind) => kind is CertificateKind.ResidentRecordCopy or CertificateKind.ResidentItemCertificate;

    /// <summary>The certificates that are copies of a 除票 (消除された住民票).</summary>
    public static bool IsOfRemovedRecord(CertificateKind kind) => kind is CertificateKind.RemovedRecordCopy or CertificateKind.RemovedItemCertificate;

    /// <summary>The tenant setting holding the fee (手数料条例); null means free of charge by law or practice.</summary>
    public static string? FeeSetting(CertificateKind kind) => kind switch
    {
        CertificateKind.ResidentRecordCopy => "fees.residentRecordCopy",
        CertificateKind.RemovedRecordCopy => "fees.removedRecordCopy",
        CertificateKind.ResidentItemCertificate or CertificateKind.RemovedItemCertificate => "fees.residentRecordItemCertificate",
        CertificateKind.MoveOutCertificate or CertificateKind.MoveOutEquivalentCertificate => "fees.moveOutCertificate",
        _ => null,
    };

    /// <summary>
    /// 手数料: per 通 — each person of a 個人票 request is one 通, a 世帯連記式 copy is one 通 whatever its sheets.
    /// 公用 requests are free (地方自治法227条: 手数料 is for a service to a particular person; 国・地方公共団体 are exempt by 条例).
    /// </summary>
    public static int Fee(RequesterType type, CertificateLayout layout, int people, int unitFee) =>
        type == RequesterType.Official ? 0 : unitFee * (layout == CertificateLayout.Household ? 1 : people);

    public static string Label(RequesterType t) => t switch
    {
        RequesterType.Self => "本人等",
        RequesterType.Official => "公用",
        _ => "第三者",
    };

    public static RequesterType? ParseRequester(string? text) => text?.Trim() switch
    {
        "本人等" or "本人" or "Self" => RequesterType.Self,
        "公用" or "Official" => RequesterType.Official,
        "第三者" or "ThirdParty" => RequesterType.ThirdParty,
        _ => null,
    };
}
