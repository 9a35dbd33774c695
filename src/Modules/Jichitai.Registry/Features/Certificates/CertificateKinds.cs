namespace Jichitai.Registry.Features.Certificates;

/// <summary>The certificates and notices of the 住民記録 standard (第4章 20.1–20.5) that the counter issues.</summary>
public enum CertificateKind
{
    /// <summary>住民票の写し (20.1.1 個人票, 20.1.2 世帯連記式; 住基法12条).</summary>
    ResidentRecordCopy = 1,
    /// <summary>住民票の除票の写し (20.1.3; 個人票のみ; 住基法15条の4).</summary>
    RemovedRecordCopy = 2,
    /// <summary>住民票記載事項証明書 (20.1.4).</summary>
    ResidentItemCertificate = 3,
    /// <summary>除票記載事項証明書 (20.1.4).</summary>
    RemovedItemCertificate = 4,
    /// <summary>転出証明書 (20.2.1; 住基法施行令23条), produced when a 転出届 is registered.</summary>
    MoveOutCertificate = 5,
    /// <summary>転出証明書に準ずる証明書 (20.2.2; 標準4.1.3.0.3: after a late 転出届, recorded by 職権).</summary>
    MoveOutEquivalentCertificate = 6,
    /// <summary>住民票コード通知票 (20.4.1; 住基法30条の3).</summary>
    ResidentCodeNotice = 7,
    /// <summary>支援措置期間終了通知 (20.5; 標準3.4).</summary>
    SupportMeasureEndNotice = 8,
}

/// <summary>個人票 (one person per certificate) or 世帯連記式 (the household written together, up to four per sheet).</summary>
public enum CertificateLayout { Personal = 1, Household = 2 }

/// <summary>
/// The optional items of a 住民票の写し and its relatives (標準5.1): each chosen separately, all omitted by default
/// (住基法12条5項 and 施行令: unless specially requested the copy leaves them out).
/// </summary>
[Flags]
public enum CertificateItems
{
    None = 0,
    /// <summary>世帯主の氏名・世帯主との続柄.</summary>
    HeadAndRelationship = 1,
    /// <summary>本籍・筆頭者 (日本人住民).</summary>
    DomicileAndHead = 2,
    /// <summary>住民票コード: 本人等の請求に限る (住基法12条5項).</summary>
    ResidentCode = 4,
    /// <summary>個人番号: 本人等の請求に限る (住基法12条5項).</summary>
    PersonalNumber = 8,
    /// <summary>転入前住所 (前住所).</summary>
    PreviousAddress = 16,
    /// <summary>旧氏.</summary>
    FormerSurname = 32,
    /// <summary>通称 and its 記載・削除 history (外国人住民; 施行令30条の26, 30条の27).</summary>
    CommonName = 64,
    /// <summary>異動履歴 (the history lines of the record; 特別な事由 left out).</summary>
    MovementHistory = 128,
    /// <summary>在留資格・在留期間等・満了日・在留カード等番号 (外国人住民; 標準5.1).</summary>
    ResidenceDetails = 256,
}

/// <summary>Who asks (住基法12条 本人等, 12条の2 国・地方公共団体の機関, 12条の3 第三者).</summary>
public enum RequesterType { Self = 1, Official = 2, ThirdParty = 3 }
