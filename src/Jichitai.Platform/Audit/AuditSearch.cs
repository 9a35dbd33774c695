using Jichitai.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Platform.Audit;

public sealed record AuditQuery(
    string? Subject = null, string? Staff = null, DateOnly? From = null, DateOnly? To = null, string? Action = null,
    AuditOutcome? Outcome = null, bool OffHoursOnly = false, int Limit = 200);

public sealed record SignInCount(string Staff, int Succeeded, int Failed);

/// <summary>
/// The auditor's search over the access log of the current scope's chain (標準仕様書10.2 ログの分析: 深夜・休業日の
/// アクセス一覧, ログイン失敗一覧, ID別ログイン数一覧, 該当者の検索実行一覧). Every search is itself logged.
/// </summary>
public sealed class AuditSearch(PlatformDbContext db, IAuditLog audit)
{
    public const int MaxLimit = 5000;

    public async Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditQuery q, AuditActor actor, CancellationToken ct = default)
    {
        var limit = Math.Clamp(q.Limit, 1, MaxLimit);
        var rows = Filter(q).OrderByDescending(e => e.Seq).AsAsyncEnumerable();
        var result = new List<AuditEntry>();
        await foreach (var e in rows.WithCancellation(ct))
        {
            // Off-hours depends on the Japanese wall clock, which neither provider computes the same way: filtered here.
            if (q.OffHoursOnly && !IsOffHours(e.At)) continue;
            result.Add(e);
            if (result.Count >= limit) break;
        }
        await audit.AppendAsync(db.Scope.TenantId, actor, new AuditRecord(AuditActions.AuditSearch, TargetType: "audit",
            Detail: $"subject={q.Subject} staff={q.Staff} from={q.From:yyyy-MM-dd} to={q.To:yyyy-MM-dd} action={q.Action} outcome={q.Outcome} offHours={q.OffHoursOnly} hits={result.Count}"), ct);
        return result;
    }

    /// <summary>ID別ログイン数一覧: completed sign-ins and failed attempts per staff ID in a period.</summary>
    public async Task<IReadOnlyList<SignInCount>> SignInCountsAsync(DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        var q = Filter(new AuditQuery(From: from, To: to)).Where(e => e.Action == AuditActions.SignInPassword || e.Action == AuditActions.SignInTotp);
        var rows = await q.GroupBy(e => new { e.ActorName, e.Action, e.Outcome }).Select(g => new { g.Key.ActorName, g.Key.Action, g.Key.Outcome, Count = g.Count() }).ToListAsync(ct);
        return rows.GroupBy(r => r.ActorName).Select(g => new SignInCount(g.Key,
                g.Where(r => r.Action == AuditActions.SignInTotp && r.Outcome == AuditOutcome.Success).Sum(r => r.Count),
                g.Where(r => r.Outcome != AuditOutcome.Success).Sum(r => r.Count)))
            .OrderByDescending(c => c.Failed).ThenBy(c => c.Staff, StringComparer.Ordinal).ToList();
    }

    /// <summary>深夜・休業日: 22:00–6:00 JST, Saturdays and Sundays. (National holidays are not yet a tenant calendar.)</summary>
    public static bool IsOffHours(DateTime utc)
    {
        var jst = JapanTime.FromUtc(utc);
        return jst.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || jst.Hour >= 22 || jst.Hour < 6;
    }

    private IQueryable<AuditEntry> Filter(AuditQuery q)
    {
        var rows = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Subject)) rows = rows.Where(e => e.SubjectId == q.Subject.Trim() || e.TargetId == q.Subject.Trim());
        if (!string.IsNullOrWhiteSpace(q.Staff)) rows = rows.Where(e => e.ActorName.Contains(q.Staff.Trim()));
        if (!string.IsNullOrWhiteSpace(q.Action)) rows = rows.Where(e => e.Action.StartsWith(q.Action.Trim()));
        if (q.Outcome is AuditOutcome outcome) rows = rows.Where(e => e.Outcome == outcome);
        // Dates are the staff's local (JST) calendar days.
        if (q.From is DateOnly from) rows = rows.Where(e => e.At >= JapanTime.StartOfDayUtc(from));
        if (q.To is DateOnly to) rows = rows.Where(e => e.At < JapanTime.StartOfDayUtc(to.AddDays(1)));
        return rows;
    }
}
