using Jichitai.Platform.Tenancy;

namespace Jichitai.Platform.Authenticity;

/// <summary>
/// One issued document (証明書・通知書) as the authenticity check knows it: its code, kind, time and the SHA-256 of
/// the PDF bytes handed out. No personal data: whoever holds the code may learn exactly this.
/// </summary>
public sealed class IssuedDocument : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    /// <summary>照合番号, canonical form (<see cref="VerificationCode"/>).</summary>
    public required string Code { get; set; }
    /// <summary>Identifier of the kind, e.g. "registry.residence-certificate".</summary>
    public required string Kind { get; set; }
    /// <summary>The document's title as printed, e.g. 住民票の写し.</summary>
    public required string Title { get; set; }
    public DateTime IssuedAt { get; set; }
    /// <summary>Lower-case hex SHA-256 of the issued PDF.</summary>
    public required string Sha256 { get; set; }
}
