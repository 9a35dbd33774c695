using Jichitai.Registry.Features.Restrictions;

namespace Jichitai.Registry.Features.Certificates;

/// <summary>Who is asking at the counter, and the address certificates point to for verification.</summary>
public sealed record IssueContext(Platform.Audit.AuditActor Actor, bool IsOfficer, string VerifyBaseUrl);

public sealed record CertificateSubjectView(string AddresseeNumber, string Name, string Relationship);

/// <summary>The result of checking a request before printing (標準3.1: the clerk sees the 支援措置 check first).</summary>
public sealed record CertificateCheck(
    string Kind, string Layout, bool WholeHousehold, string RequesterType, IReadOnlyList<string> Items, IReadOnlyList<string> OfferedItems,
    IReadOnlyList<CertificateSubjectView> Subjects, int Fee, IReadOnlyList<RestrictionNotice> Notices, bool Allowed, string? Stop, string? StopMessage);

/// <summary>An issued certificate: its PDF and what the 交付履歴 recorded.</summary>
public sealed record IssuedCertificate(
    long IssueId, string IssueNumber, string VerificationCode, string Kind, int Pages, int Fee, string Sha256, bool Reissue,
    IReadOnlyList<RestrictionNotice> Notices, IReadOnlyList<string> Fallbacks, IReadOnlyList<string> Problems)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public byte[] Pdf { get; init; } = [];
    /// <summary>True when an Idempotency-Key retry returned the certificate issued before.</summary>
    public bool Replayed { get; init; }
}

/// <summary>One line of the 交付履歴 (標準1.3.8 items).</summary>
public sealed record CertificateIssueView(
    long Id, string IssueNumber, DateTime IssuedAt, string? IssuedLocation, string? IssuedTerminal, string IssuedBy, string Kind, string Layout,
    string Items, string RequesterType, string RequesterName, string? Purpose, string? Agency, IReadOnlyList<CertificateSubjectView> Subjects,
    int Pages, int Fee, string VerificationCode, long? ReissueOfId, string? ExceptionReason, DateTime? DisposedAt, string? DisposedBy, string? DisposeReason);

/// <summary>交付履歴照会 (標準2.2.2): by person, period, kind, 発行番号 or user — the items of 1.3.8.</summary>
public sealed record CertificateHistoryQuery
{
    public string? AddresseeNumber { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Kind { get; init; }
    public string? IssueNumber { get; init; }
    public string? IssuedBy { get; init; }
    public string? Terminal { get; init; }
    public string? Location { get; init; }
    /// <summary>Only the certificates recorded as 処分 (issued in error and destroyed).</summary>
    public bool DisposedOnly { get; init; }
    public string? Reason { get; init; }
    public int Limit { get; init; } = 200;
}

public sealed record DisposeRequest(string? Reason);

public sealed record ReissueRequest(string? Reason, string? RequesterName, string? IdentityDocument);

/// <summary>見本: the pages as PNG for the counter screen, before anything is issued.</summary>
public sealed record CertificatePreview(CertificateCheck Check, IReadOnlyList<byte[]> Pages, IReadOnlyList<string> Problems, IReadOnlyList<string> Fallbacks);
