using Jichitai.Care.Assessment;
using Jichitai.Care.Ordinance;
using Jichitai.Care.Persistence;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Care.Reductions;

public sealed record ReductionApplication(string AddresseeNumber, int FiscalYear, string RuleCode, int FromMonth, int ToMonth, string? Details);

/// <summary>
/// 減免 (介護保険法142条, 条例の減免規定): an officer enters the application under one of the tenant's rules; another officer
/// approves or rejects it (二者確認); approval is applied as a 更正 in the same transaction.
/// </summary>
public sealed class ReductionService(PlatformSettings settings, OrdinanceService ordinances, Reassessment reassessment, IAuditLog audit, TimeProvider clock)
{
    public async Task<ReductionRow> ApplyAsync(int tenantId, ReductionApplication a, AuditActor actor, CancellationToken ct)
    {
        var ordinance = await ordinances.InForceAsync(tenantId, a.FiscalYear, ct);
        var rule = ordinance.Parameters.ReductionRules.SingleOrDefault(r => r.Code == a.RuleCode)
            ?? throw new DomainException("care.reduction.rule", "減免の事由を、条例で定めた区分から選んでください。", "ruleCode");
        if (a.FromMonth is < 1 or > 12 || a.ToMonth is < 1 or > 12)
            throw new DomainException("care.reduction.months", "減免の期間は月(1〜12)で入力してください。", "fromMonth");
        var from = Premiums.FiscalMonths.Place(a.FiscalYear, a.FromMonth);
        var to = Premiums.FiscalMonths.Place(a.FiscalYear, a.ToMonth);
        if (to < from) throw new DomainException("care.reduction.months", "減免の終了月は開始月以後(年度内:4月〜翌3月)にしてください。", "toMonth");
        var months = Premiums.FiscalMonths.All(a.FiscalYear).Count(m => m >= from && m <= to);
        if (months > rule.MaxMonths)
            throw new DomainException("care.reduction.months", $"「{rule.Reason}」の減免は{rule.MaxMonths}か月までです(申請は{months}か月)。", "toMonth");
        if (string.IsNullOrWhiteSpace(a.Details)) throw new DomainException("care.reduction.details", "減免の理由(被害の状況、収入の減少の内容など)を入力してください。", "details");
        await using var db = CareDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        if (!await db.Insured.AnyAsync(i => i.AddresseeNumber == a.AddresseeNumber, ct))
            throw new DomainException("care.reduction.person", "この宛名番号の方は介護保険の被保険者ではありません。", "addresseeNumber", 404);
        var row = new ReductionRow
        {
            TenantId = tenantId, FiscalYear = a.FiscalYear, AddresseeNumber = a.AddresseeNumber, RuleCode = rule.Code, FromMonth = a.FromMonth, ToMonth = a.ToMonth,
            Details = a.Details.Trim(), State = ReductionState.Pending, EnteredAt = clock.GetUtcNow().UtcDateTime, EnteredBy = actor.Name, EnteredById = actor.Id,
        };
        db.Reductions.Add(row);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.CareReduction, TargetType: "care.reduction", TargetId: Id(row), SubjectId: a.AddresseeNumber,
            Detail: $"減免申請 {a.FiscalYear}年度 {rule.Reason} {a.FromMonth}月〜{a.ToMonth}月"), ct);
        return row;
    }

    /// <summary>Approves or rejects; the deciding officer must not be the one who entered it.</summary>
    public async Task<ReductionRow> DecideAsync(int tenantId, long id, bool approve, string? note, AuditActor actor, CancellationToken ct)
    {
        await using var db = CareDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var row = await db.Reductions.SingleOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new DomainException("care.reduction.not-found", "指定された減免申請はありません。", "id", 404);
        if (row.State != ReductionState.Pending) throw new DomainException("care.reduction.decided", "この減免申請はすでに決定済みです。", "id", 409);
        if ((row.EnteredById is { } by && by == actor.Id) || row.EnteredBy == actor.Name)
            throw new DomainException("care.reduction.same-officer", "減免の決定は、申請を入力した職員とは別の職員が行ってください。", "id", 403);
        if (!approve && string.IsNullOrWhiteSpace(note)) throw new DomainException("care.reduction.note", "却下の理由を入力してください。", "note");
        row.State = approve ? ReductionState.Approved : ReductionState.Rejected;
        row.DecidedAt = clock.GetUtcNow().UtcDateTime;
        row.DecidedBy = actor.Name;
        row.DecisionNote = note?.Trim();
        await db.SaveChangesAsync(ct);
        var revised = approve ? await reassessment.ReviseAsync(db, tenantId, [row.AddresseeNumber], "減免の決定", actor.Name, ct) : 0;
        await tx.CommitAsync(ct);
        await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.CareReduction, TargetType: "care.reduction", TargetId: Id(row), SubjectId: row.AddresseeNumber,
            Reason: row.DecisionNote, Detail: $"減免{(approve ? "承認" : "却下")} {row.FiscalYear}年度 更正{revised}件"), ct);
        return row;
    }

    public async Task<IReadOnlyList<ReductionRow>> ListAsync(int tenantId, string? addresseeNumber, bool pendingOnly, CancellationToken ct)
    {
        await using var db = CareDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var q = db.Reductions.AsNoTracking();
        if (addresseeNumber is not null) q = q.Where(r => r.AddresseeNumber == addresseeNumber);
        if (pendingOnly) q = q.Where(r => r.State == ReductionState.Pending);
        return await q.OrderByDescending(r => r.Id).Take(200).ToListAsync(ct);
    }

    private static string Id(ReductionRow r) => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
