using Jichitai.Platform.Tenancy;

namespace Jichitai.Registry.Persistence;

/// <summary>
/// One committed 移行 import, written in the same transaction as the data: a rerun of the same files (after a crash between
/// commit and exit) finds it and reports the import as done instead of loading twice.
/// </summary>
public sealed class MigrationRunRow : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    /// <summary>SHA-256 over the files' names and bytes.</summary>
    public required string FilesHash { get; set; }
    public required string Encoding { get; set; }
    public bool Replaced { get; set; }
    public required string Actor { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime FinishedAt { get; set; }
    public int Households { get; set; }
    public int Residents { get; set; }
    public int Movements { get; set; }
    public int Restrictions { get; set; }
    public int CertificateIssues { get; set; }
}
