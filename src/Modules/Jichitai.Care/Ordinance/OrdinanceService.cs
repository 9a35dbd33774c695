using Jichitai.Care.Persistence;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Care.Ordinance;

/// <summary>The parameters in force for a year, with their version (0 = the shipped national standard, never saved).</summary>
public sealed record OrdinanceInForce(int FiscalYear, int Version, OrdinanceParameters Parameters, string? Reason, DateTime? CreatedAt, string? CreatedBy);

/// <summary>
/// 条例パラメータ per tenant and fiscal year: every change is a new version (never overwritten), validated, and audited
/// with its reason. A year without a saved version uses the national standard.
/// </summary>
public sealed class OrdinanceService(PlatformSettings settings, IAuditLog audit, TimeProvider clock)
{
    public async Task<OrdinanceInForce> InForceAsync(int tenantId, int fiscalYear, CancellationToken ct)
    {
        await using var db = CareDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        return await InForceAsync(db, fiscalYear, ct);
    }

    /// <summary>The parameters in force, read on the caller's context (inside its transaction).</summary>
    public static async Task<OrdinanceInForce> InForceAsync(CareDbContext db, int fiscalYear, CancellationToken ct)
    {
        var row = await db.Ordinances.AsNoTracking().Where(o => o.FiscalYear == fiscalYear).OrderByDescending(o => o.Version).FirstOrDefaultAsync(ct);
        return row is null ? new OrdinanceInForce(fiscalYear, 0, NationalStandard.Fy2024To2026(), null, null, null) : Of(row);
    }

    public async Task<IReadOnlyList<OrdinanceInForce>> VersionsAsync(int tenantId, int fiscalYear, CancellationToken ct)
    {
        await using var db = CareDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var rows = await db.Ordinances.AsNoTracking().Where(o => o.FiscalYear == fiscalYear).OrderByDescending(o => o.Version).ToListAsync(ct);
        return rows.Select(Of).ToList();
    }

    public async Task<OrdinanceInForce> SaveAsync(int tenantId, int fiscalYear, OrdinanceParameters parameters, string? reason, AuditActor actor, CancellationToken ct)
    {
        if (fiscalYear is < 2000 or > 2100) throw new DomainException("care.ordinance.year", "年度を正しく入力してください。", "fiscalYear");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("care.ordinance.reason", "変更の理由(条例改正の内容など)を入力してください。", "reason");
        Validate(parameters);
        var before = await InForceAsync(tenantId, fiscalYear, ct);
        await using var db = CareDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var row = new OrdinanceVersionRow
        {
            TenantId = tenantId, FiscalYear = fiscalYear, Version = before.Version + 1, Parameters = CareJson.Write(parameters),
            Reason = reason.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.Name,
        };
        db.Ordinances.Add(row);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { throw new DomainException("care.ordinance.conflict", "同時に別の変更が保存されました。画面を開き直してください。", "version", 409); }
        await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.CareOrdinanceChange, TargetType: "care.ordinance", TargetId: $"{fiscalYear}/v{row.Version}",
            Reason: row.Reason, Detail: $"{fiscalYear}年度 第{row.Version}版: {Describe(before.Parameters, parameters)}"), ct);
        return Of(row);
    }

    public static void Validate(OrdinanceParameters parameters)
    {
        var result = new OrdinanceValidator().Validate(parameters);
        if (!result.IsValid)
            throw new DomainValidationException(result.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()));
    }

    /// <summary>What changed, for the access log (before → after of each differing parameter).</summary>
    public static string Describe(OrdinanceParameters before, OrdinanceParameters after)
    {
        var changes = new List<string>();
        if (before.BaseAnnualPremium != after.BaseAnnualPremium) changes.Add($"基準額 {before.BaseAnnualPremium:N0}→{after.BaseAnnualPremium:N0}");
        if (!before.Stages.SequenceEqual(after.Stages)) changes.Add($"段階 {before.Stages.Count}段階→{after.Stages.Count}段階 [{string.Join(" ", after.Stages.Select(s => $"{s.Number}:{s.Ratio}{(s.ReducedRatio is { } r ? "/" + r : "")}{(s.UpperBound is { } b ? "≤" + b : "")}"))}]");
        if (before.UndeclaredStage != after.UndeclaredStage) changes.Add($"未申告者の段階 {before.UndeclaredStage}→{after.UndeclaredStage}");
        if (before.Rounding != after.Rounding) changes.Add($"端数処理 {before.Rounding.Describe()}→{after.Rounding.Describe()}");
        if (!before.OrdinaryDueMonths.SequenceEqual(after.OrdinaryDueMonths)) changes.Add($"納期 {string.Join(",", after.OrdinaryDueMonths)}月");
        if (before.SpecialCollectionThreshold != after.SpecialCollectionThreshold) changes.Add($"特別徴収の対象年金額 {before.SpecialCollectionThreshold:N0}→{after.SpecialCollectionThreshold:N0}");
        if (before.InstallmentUnit != after.InstallmentUnit) changes.Add($"期別の単位 {before.InstallmentUnit}→{after.InstallmentUnit}");
        if (before.ProvisionalPreparationMonth != after.ProvisionalPreparationMonth) changes.Add($"仮徴収の準備開始月 {before.ProvisionalPreparationMonth}→{after.ProvisionalPreparationMonth}");
        if (!before.ReductionRules.SequenceEqual(after.ReductionRules)) changes.Add($"減免 [{string.Join(" ", after.ReductionRules.Select(r => r.Code))}]");
        return changes.Count == 0 ? "変更なし(同じ内容で版を作成)" : string.Join("; ", changes);
    }

    private static OrdinanceInForce Of(OrdinanceVersionRow row) =>
        new(row.FiscalYear, row.Version, CareJson.Read<OrdinanceParameters>(row.Parameters), row.Reason, row.CreatedAt, row.CreatedBy);
}
