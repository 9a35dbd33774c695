namespace Jichitai.Platform.Audit;

/// <summary>
/// One line of the access log (アクセスログ). Append-only; entries of one chain (a tenant, or 0 for the
/// operator) are linked by SHA-256 so that alteration, removal and reordering are detectable.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public int ChainId { get; set; }
    public long Seq { get; set; }
    /// <summary>UTC, truncated to microseconds so that every provider stores it exactly.</summary>
    public DateTime At { get; set; }
    public int? TenantId { get; set; }
    public Guid? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public required string Action { get; set; }
    public AuditOutcome Outcome { get; set; } = AuditOutcome.Success;
    public string? TargetType { get; set; }
    public string? TargetId { get; set; }
    /// <summary>Resident whose personal data was read or written (宛名番号 or internal id), for the auditor's person search.</summary>
    public string? SubjectId { get; set; }
    public string? Reason { get; set; }
    public string? ClientAddress { get; set; }
    /// <summary>Free detail; never personal data (names, numbers, addresses).</summary>
    public string? Detail { get; set; }
    public required string PrevHash { get; set; }
    public required string Hash { get; set; }
}

public enum AuditOutcome { Success = 1, Failure = 2, Denied = 3 }

/// <summary>The latest link of a chain: serialises appends and lets verification notice a missing tail.</summary>
public sealed class AuditChainHead
{
    public int ChainId { get; set; }
    public long LastSeq { get; set; }
    public string LastHash { get; set; } = AuditHashing.Genesis;
}

/// <summary>A signed anchor of a chain head, signed with a key kept outside the database.</summary>
public sealed class AuditCheckpoint
{
    public long Id { get; set; }
    public int ChainId { get; set; }
    public long Seq { get; set; }
    public required string Hash { get; set; }
    public DateTime At { get; set; }
    public required string Signature { get; set; }
}
