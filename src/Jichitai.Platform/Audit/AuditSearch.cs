using Jichitai.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Platform.Audit;

public sealed record AuditQuery(string? Subject = null, string? Staff = null, DateOnly? From = null, DateOnly? To = null, string? Action = null, int Limit = 200);

/// <summary>The auditor's search over the access log of the current scope's chain. The search itself is logged.</summary>
public sealed class AuditSearch(PlatformDbContext db, IAuditLog audit)
{
    public const int MaxLimit = 1000;

    public async Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditQuery q, AuditActor actor, CancellationToken ct = default)
    {
        var rows = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Subject)) rows = rows.Where(e => e.SubjectId == q.Subject.Trim() || e.TargetId == q.Subject.Trim());
        if (!string.IsNullOrWhiteSpace(q.Staff)) rows = rows.Where(e => e.ActorName.Contains(q.Staff.Trim()));
        if (!string.IsNullOrWhiteSpace(q.Action)) rows = rows.Where(e => e.Action.StartsWith(q.Action.Trim()));
        // Dates are the staff's local (JST) calendar days.
        if (q.From is DateOnly from) rows = rows.Where(e => e.At >= JapanTime.StartOfDayUtc(from));
        if (q.To is DateOnly to) rows = rows.Where(e => e.At < JapanTime.StartOfDayUtc(to.AddDays(1)));
        var result = await rows.OrderByDescending(e => e.Seq).Take(Math.Clamp(q.Limit, 1, MaxLimit)).ToListAsync(ct);
        await audit.AppendAsync(db.Scope.TenantId, actor, new AuditRecord(AuditActions.AuditSearch, TargetType: "audit",
            Detail: $"subject={q.Subject} staff={q.Staff} from={q.From:yyyy-MM-dd} to={q.To:yyyy-MM-dd} action={q.Action} hits={result.Count}"), ct);
        return result;
    }
}
