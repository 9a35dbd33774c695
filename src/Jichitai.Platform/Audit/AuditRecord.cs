namespace Jichitai.Platform.Audit;

/// <summary>Who did it: a staff member (or the CLI's operating-system user) and where from.</summary>
public sealed record AuditActor(Guid? Id, string Name, string? ClientAddress)
{
    public static AuditActor Cli() => new(null, $"cli:{Environment.UserName}", "local");
    public static AuditActor Anonymous(string? address) => new(null, "(未認証)", address);
}

/// <summary>What was done, to what, and why.</summary>
public sealed record AuditRecord(
    string Action,
    AuditOutcome Outcome = AuditOutcome.Success,
    string? TargetType = null,
    string? TargetId = null,
    string? SubjectId = null,
    string? Reason = null,
    string? Detail = null);
