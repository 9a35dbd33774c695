using Jichitai.Care.Assessment;
using Jichitai.Care.Persistence;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Care.Qualification;

/// <summary>What the counter page shows of one person.</summary>
public sealed record InsuredView(CarePersonRow Person, InsuredRow? Insured, IReadOnlyList<QualificationPeriod> Periods,
    IReadOnlyList<QualificationPeriod> Derived, IReadOnlyList<StatusPeriod> AddressExceptions, IReadOnlyList<StatusPeriod> Exclusions,
    IReadOnlyList<QualificationChangeRow> History);

public enum StatusKind { AddressException = 1, Exclusion = 2 }

/// <summary>
/// 資格管理 (標準 0230265 異動に基づく資格異動, 0230267 資格照会, 0230268 修正・回復・取消): derives each person's periods from the
/// registry facts and the recorded statuses, lets an officer correct them with a reason, and keeps every change.
/// </summary>
public sealed class QualificationService(PlatformSettings settings, IAuditLog audit, TimeProvider clock, Reassessment reassessment)
{
    public const string Automatic = "自動";

    /// <summary>
    /// Brings a person's qualification in line with the facts. Called in the caller's transaction after the facts changed;
    /// returns true when the periods in force changed (the caller then runs 更正).
    /// </summary>
    public static async Task<bool> RecomputeAsync(CareDbContext db, CarePersonRow person, string kind, string? reason, string actor, DateTime now, CancellationToken ct)
    {
        var row = await db.Insured.SingleOrDefaultAsync(i => i.AddresseeNumber == person.AddresseeNumber, ct);
        var exceptions = row is null ? [] : CareJson.Read<List<StatusPeriod>>(row.AddressExceptions);
        var exclusions = row is null ? [] : CareJson.Read<List<StatusPeriod>>(row.Exclusions);
        var horizon = Horizon(now);
        var derived = QualificationRules.Derive(RegistryItems.Facts(person), exceptions, exclusions).Where(p => p.AcquiredOn <= horizon).ToList();
        var inForce = row is null ? derived
            : row.Cancelled ? []
            : row.OfficerPeriods is { } officer ? CareJson.Read<List<QualificationPeriod>>(officer) : derived;
        if (row is null)
        {
            if (derived.Count == 0) return false;
            row = new InsuredRow { TenantId = person.TenantId, AddresseeNumber = person.AddresseeNumber, InsuredNumber = await InsuredNumbers.NextAsync(db, person.TenantId, ct) };
            db.Insured.Add(row);
        }
        var before = row.Periods;
        var after = CareJson.Write(inForce);
        if (before == after) return false;
        row.Periods = after;
        row.UpdatedAt = now;
        row.Version++;
        db.QualificationChanges.Add(new QualificationChangeRow
        {
            TenantId = person.TenantId, AddresseeNumber = person.AddresseeNumber, At = now, Kind = kind, Before = before, After = after, Reason = reason, Actor = actor,
        });
        return true;
    }

    /// <summary>
    /// Periods are recorded once they start before the end of next month (65歳到達予定者: cards and notices are prepared in
    /// advance); later ones are picked up by <see cref="ReachingSixtyFiveAsync"/>, which the 本算定 and the daily job run.
    /// </summary>
    public static DateOnly Horizon(DateTime utcNow)
    {
        var today = DateOnly.FromDateTime(Jichitai.Platform.JapanTime.FromUtc(utcNow));
        return new DateOnly(today.Year, today.Month, 1).AddMonths(2).AddDays(-1);
    }

    /// <summary>
    /// 65歳到達 (標準 0230270): residents who reach 65 by the horizon and are not insured yet acquire the qualification.
    /// Returns how many became insured.
    /// </summary>
    public static async Task<int> ReachingSixtyFiveAsync(CareDbContext db, Reassessment reassessment, int tenantId, DateTime now, CancellationToken ct)
    {
        var cutoff = Horizon(now).AddYears(-InsuredAge.FirstClassAge).AddDays(1);
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var people = await db.People.Where(p => p.Status == "住民" && p.BirthDate <= cutoff && !db.Insured.Any(i => i.AddresseeNumber == p.AddresseeNumber)).ToListAsync(ct);
        var changed = new List<string>();
        foreach (var person in people)
            if (await RecomputeAsync(db, person, Automatic, "65歳到達", "65歳到達処理", now, ct)) changed.Add(person.AddresseeNumber);
        await db.SaveChangesAsync(ct);
        await reassessment.ReviseAsync(db, tenantId, changed, "65歳到達", "65歳到達処理", ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return changed.Count;
    }

    public async Task<InsuredView> GetAsync(int tenantId, string addresseeNumber, AuditActor actor, CancellationToken ct)
    {
        await using var db = CareDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var view = await ViewAsync(db, addresseeNumber, ct);
        await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.CareQualification, TargetType: "care.insured", TargetId: addresseeNumber,
            SubjectId: addresseeNumber, Detail: "資格照会"), ct);
        return view;
    }

    /// <summary>修正: the officer sets the periods (they win over the derived ones until 回復).</summary>
    public Task CorrectAsync(int tenantId, string addresseeNumber, IReadOnlyList<QualificationPeriod> periods, string? reason, AuditActor actor, CancellationToken ct) =>
        ChangeAsync(tenantId, addresseeNumber, "修正", reason, actor, row =>
        {
            CheckPeriods(periods);
            row.OfficerPeriods = CareJson.Write(periods.OrderBy(p => p.AcquiredOn).ToList());
            row.Cancelled = false;
        }, ct);

    /// <summary>取消: the qualification is void (recorded in error).</summary>
    public Task CancelAsync(int tenantId, string addresseeNumber, string? reason, AuditActor actor, CancellationToken ct) =>
        ChangeAsync(tenantId, addresseeNumber, "取消", reason, actor, row => row.Cancelled = true, ct);

    /// <summary>回復: undoes a 取消 or a 修正; the qualification follows the registry again.</summary>
    public Task RestoreAsync(int tenantId, string addresseeNumber, string? reason, AuditActor actor, CancellationToken ct) =>
        ChangeAsync(tenantId, addresseeNumber, "回復", reason, actor, row =>
        {
            row.Cancelled = false;
            row.OfficerPeriods = null;
        }, ct);

    /// <summary>Records the 住所地特例 (13条) or 適用除外 periods of a person (the whole list, as the page edits it).</summary>
    public Task SetStatusesAsync(int tenantId, string addresseeNumber, StatusKind kind, IReadOnlyList<StatusPeriod> periods, string? reason, AuditActor actor, CancellationToken ct) =>
        ChangeAsync(tenantId, addresseeNumber, kind == StatusKind.AddressException ? "住所地特例" : "適用除外", reason, actor, row =>
        {
            foreach (var p in periods)
                if (p.To is { } to && to < p.From) throw new DomainException("care.status.period", "終了日は開始日以後の日付にしてください。", "to");
            var json = CareJson.Write(periods.OrderBy(p => p.From).ToList());
            if (kind == StatusKind.AddressException) row.AddressExceptions = json; else row.Exclusions = json;
        }, ct);

    private async Task ChangeAsync(int tenantId, string addresseeNumber, string kind, string? reason, AuditActor actor, Action<InsuredRow> change, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("care.qualification.reason", $"{kind}の理由を入力してください。", "reason");
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = CareDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var person = await db.People.SingleOrDefaultAsync(p => p.AddresseeNumber == addresseeNumber, ct)
            ?? throw new DomainException("care.person.not-found", "この宛名番号の方は住民記録から連携されていません。", "addresseeNumber", 404);
        var row = await db.Insured.SingleOrDefaultAsync(i => i.AddresseeNumber == addresseeNumber, ct);
        if (row is null)
        {
            row = new InsuredRow { TenantId = tenantId, AddresseeNumber = addresseeNumber, InsuredNumber = await InsuredNumbers.NextAsync(db, tenantId, ct) };
            db.Insured.Add(row);
        }
        var before = $"{row.Periods} 取消={row.Cancelled} 住所地特例={row.AddressExceptions} 適用除外={row.Exclusions}";
        change(row);
        await db.SaveChangesAsync(ct);
        var changed = await RecomputeAsync(db, person, kind, reason.Trim(), actor.Name, now, ct);
        if (!changed) db.QualificationChanges.Add(new QualificationChangeRow
        {
            TenantId = tenantId, AddresseeNumber = addresseeNumber, At = now, Kind = kind, Before = before, After = before, Reason = reason.Trim(), Actor = actor.Name,
        });
        await db.SaveChangesAsync(ct);
        if (changed) await reassessment.ReviseAsync(db, tenantId, [addresseeNumber], $"資格の{kind}", actor.Name, ct);
        await tx.CommitAsync(ct);
        await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.CareQualification, TargetType: "care.insured", TargetId: addresseeNumber,
            SubjectId: addresseeNumber, Reason: reason.Trim(), Detail: $"{kind}: {before} → {row.Periods} 取消={row.Cancelled}"), ct);
    }

    private static void CheckPeriods(IReadOnlyList<QualificationPeriod> periods)
    {
        var sorted = periods.OrderBy(p => p.AcquiredOn).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            var p = sorted[i];
            if (string.IsNullOrWhiteSpace(p.AcquisitionReason)) throw new DomainException("care.period.reason", "資格取得の事由を入力してください。", "acquisitionReason");
            if (p.LostOn is { } lost && lost <= p.AcquiredOn) throw new DomainException("care.period.order", "資格喪失日は資格取得日より後の日付にしてください。", "lostOn");
            if (p.LostOn is not null && string.IsNullOrWhiteSpace(p.LossReason)) throw new DomainException("care.period.loss-reason", "資格喪失の事由を入力してください。", "lossReason");
            if (i > 0 && (sorted[i - 1].LostOn is not { } prevLost || prevLost > p.AcquiredOn))
                throw new DomainException("care.period.overlap", "資格の期間が重なっています。", "acquiredOn");
        }
    }

    internal static async Task<InsuredView> ViewAsync(CareDbContext db, string addresseeNumber, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.AddresseeNumber == addresseeNumber, ct)
            ?? throw new DomainException("care.person.not-found", "この宛名番号の方は住民記録から連携されていません。", "addresseeNumber", 404);
        var row = await db.Insured.AsNoTracking().SingleOrDefaultAsync(i => i.AddresseeNumber == addresseeNumber, ct);
        var exceptions = row is null ? [] : CareJson.Read<List<StatusPeriod>>(row.AddressExceptions);
        var exclusions = row is null ? [] : CareJson.Read<List<StatusPeriod>>(row.Exclusions);
        var history = await db.QualificationChanges.AsNoTracking().Where(h => h.AddresseeNumber == addresseeNumber).OrderByDescending(h => h.At).ThenByDescending(h => h.Id).ToListAsync(ct);
        return new InsuredView(person, row, row is null ? [] : CareJson.Read<List<QualificationPeriod>>(row.Periods),
            QualificationRules.Derive(RegistryItems.Facts(person), exceptions, exclusions), exceptions, exclusions, history);
    }
}
