using Jichitai.Care.Persistence;
using Jichitai.Care.Premiums;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Care.Assessment;

/// <summary>One revision of a person's premium with its installments and the explanation in plain words.</summary>
public sealed record AssessmentView(AssessmentRow Row, PremiumResult Result, IReadOnlyList<Installment> Installments, IReadOnlyList<string> Explanation,
    IReadOnlyList<InstallmentDifference> Differences);

/// <summary>更正: an installment before and after (変更通知書 shows these).</summary>
public sealed record InstallmentDifference(int Year, int Month, string Label, long Before, long After)
{
    public long Difference => After - Before;
}

/// <summary>保険料の照会 (標準: 賦課照会): every revision of a person's premium, and the explanation of each.</summary>
public sealed class AssessmentQueries(PlatformSettings settings, IAuditLog audit)
{
    /// <summary>All revisions for a year, newest first (audited as a view of personal data).</summary>
    public async Task<IReadOnlyList<AssessmentView>> ForPersonAsync(int tenantId, string addresseeNumber, int fiscalYear, AuditActor actor, CancellationToken ct)
    {
        await using var db = CareDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var rows = await db.Assessments.AsNoTracking().Where(a => a.AddresseeNumber == addresseeNumber && a.FiscalYear == fiscalYear)
            .OrderByDescending(a => a.Revision).ToListAsync(ct);
        await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.CareAssessment, TargetType: "care.assessment", TargetId: $"{fiscalYear}/{addresseeNumber}",
            SubjectId: addresseeNumber, Detail: "保険料照会"), ct);
        return rows.Select((r, i) => View(r, i + 1 < rows.Count ? rows[i + 1] : null)).ToList();
    }

    /// <summary>The fiscal years a person has assessments for.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(int tenantId, string addresseeNumber, CancellationToken ct)
    {
        await using var db = CareDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        return await db.Assessments.AsNoTracking().Where(a => a.AddresseeNumber == addresseeNumber).Select(a => a.FiscalYear).Distinct().OrderByDescending(y => y).ToListAsync(ct);
    }

    /// <summary>One revision (for a notice), with the one before it for the differences.</summary>
    public async Task<AssessmentView> RevisionAsync(int tenantId, string addresseeNumber, int fiscalYear, int? revision, CancellationToken ct)
    {
        await using var db = CareDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var q = db.Assessments.AsNoTracking().Where(a => a.AddresseeNumber == addresseeNumber && a.FiscalYear == fiscalYear);
        var row = await (revision is { } r ? q.Where(a => a.Revision == r) : q.Where(a => a.IsCurrent)).SingleOrDefaultAsync(ct)
            ?? throw new DomainException("care.assessment.not-found", "この年度の保険料はまだ算定されていません。", "fiscalYear", 404);
        var before = row.Revision > 1 ? await q.SingleOrDefaultAsync(a => a.Revision == row.Revision - 1, ct) : null;
        return View(row, before);
    }

    public static AssessmentView View(AssessmentRow row, AssessmentRow? before)
    {
        var installments = CareJson.Read<List<Installment>>(row.Installments);
        var result = CareJson.Read<PremiumResult>(row.Detail) with { Installments = installments };
        var differences = new List<InstallmentDifference>();
        if (before is not null)
        {
            var old = CareJson.Read<List<Installment>>(before.Installments);
            foreach (var month in old.Select(i => i.When).Union(installments.Select(i => i.When)).Distinct().Order())
            {
                var b = old.Where(i => i.When == month).Sum(i => i.Amount);
                var a = installments.Where(i => i.When == month).Sum(i => i.Amount);
                var label = installments.FirstOrDefault(i => i.When == month)?.Label ?? old.First(i => i.When == month).Label;
                differences.Add(new InstallmentDifference(month.Year, month.Month, label, b, a));
            }
        }
        return new AssessmentView(row, result, installments, PremiumCalculator.Explain(result), differences);
    }
}
