using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Features.Certificates;

namespace Jichitai.Registry.Persistence;

/// <summary>
/// 交付履歴 (標準1.3.8): one issued certificate — when, where, for whom, what kind and items, pages, 発行番号, terminal and
/// user, and 処分情報. Never deleted (1.3.8: 市区町村が定める期間内に削除できないこと); a 処分 only records itself.
/// </summary>
public sealed class CertificateIssueRow : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public required string IssueNumber { get; set; }
    /// <summary>発行された順に付された番号 of the day (標準5.5).</summary>
    public int Serial { get; set; }
    public CertificateKind Kind { get; set; }
    public CertificateLayout Layout { get; set; }
    public CertificateItems Items { get; set; }
    public bool WholeHousehold { get; set; }
    public RequesterType RequesterType { get; set; }
    public required string RequesterName { get; set; }
    public string? RequesterAddress { get; set; }
    /// <summary>本人 / 同一世帯員 / 代理人 / 機関 / 第三者 (as stated at the counter).</summary>
    public string? RequesterRelation { get; set; }
    /// <summary>本人確認 (住基法12条の3第4項等): the document shown.</summary>
    public string? IdentityDocument { get; set; }
    /// <summary>請求事由・利用目的 (12条の2, 12条の3).</summary>
    public string? Purpose { get; set; }
    /// <summary>公用請求の機関名 (12条の2).</summary>
    public string? Agency { get; set; }
    public int Fee { get; set; }
    public int Pages { get; set; }
    public DateTime IssuedAt { get; set; }
    public Guid? IssuedById { get; set; }
    public required string IssuedByName { get; set; }
    public string? IssuedLocation { get; set; }
    public string? IssuedTerminal { get; set; }
    public string? ClientAddress { get; set; }
    /// <summary>照合番号 registered with the platform's authenticity registry, and the issued PDF's SHA-256.</summary>
    public required string VerificationCode { get; set; }
    public required string Sha256 { get; set; }
    /// <summary>再交付: the issue this one re-issues (標準4.1.3.0.3).</summary>
    public long? ReissueOfId { get; set; }
    /// <summary>What was printed (CertificateInput as JSON, 個人番号 encrypted), so a 再交付 prints the state first issued.</summary>
    public required string Snapshot { get; set; }
    /// <summary>The API client's Idempotency-Key and a hash of its request: a retry gets the same certificate, not a second one.</summary>
    public string? IdempotencyKey { get; set; }
    public string? RequestHash { get; set; }
    /// <summary>The address the printed QR code points to (part of the PDF, needed to draw it again byte for byte).</summary>
    public string? VerifyBaseUrl { get; set; }
    /// <summary>Notices the clerk acknowledged (抑止 alerts), and an officer's exception for a 公用 request under 支援措置.</summary>
    public string? AcknowledgedNotices { get; set; }
    public string? ExceptionReason { get; set; }
    public string? ExceptionBy { get; set; }
    /// <summary>処分情報 (標準1.3.8): a certificate issued in error and destroyed.</summary>
    public DateTime? DisposedAt { get; set; }
    public string? DisposedBy { get; set; }
    public string? DisposeReason { get; set; }
    public List<CertificateSubjectRow> Subjects { get; set; } = [];
}

/// <summary>交付対象者: each person printed on an issued certificate, so that 交付履歴照会 (標準2.2.2) works per person.</summary>
public sealed class CertificateSubjectRow : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public long IssueId { get; set; }
    public long ResidentId { get; set; }
    public required string AddresseeNumber { get; set; }
    public required string Name { get; set; }
}

/// <summary>
/// 加害者 named in a 支援措置 (標準3.4; 住基法事務処理要領 第5-10): a request made by this person concerning the protected
/// person is refused whatever its type. Matched on the normalised name and, when both are known, the birth date.
/// </summary>
public sealed class RestrictionOffenderRow : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public long RestrictionId { get; set; }
    public required string Name { get; set; }
    /// <summary>The name's search key (variants folded, spaces removed) used for the match.</summary>
    public required string NameKey { get; set; }
    public string? Kana { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? Address { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}
