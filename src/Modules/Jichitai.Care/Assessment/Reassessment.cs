using Jichitai.Care.Ordinance;
using Jichitai.Care.Persistence;
using Jichitai.Care.Premiums;
using Jichitai.Platform;
using Jichitai.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jichitai.Care.Assessment;

/// <summary>
/// 更正: after a year's 本算定, any change of a person's facts (異動, 資格の修正, 所得, 減免) recomputes that person's premium
/// in the caller's transaction; a difference becomes a new revision whose later installments carry it.
/// </summary>
public sealed class Reassessment(PlatformSettings settings, TimeProvider clock)
{
    /// <param name="wholeHouseholds">Also the insured members of the persons' households (a tax status change moves their stage too).</param>
    /// <returns>The number of new revisions.</returns>
    public async Task<int> ReviseAsync(CareDbContext db, int tenantId, IReadOnlyCollection<string> addressees, string cause, string actor, CancellationToken ct, bool wholeHouseholds = false)
    {
        if (addressees.Count == 0) return 0;
        var years = await db.Runs.Where(r => r.State == RunState.Completed).Select(r => r.FiscalYear).Distinct().ToListAsync(ct);
        if (years.Count == 0) return 0;
        var people = await db.People.AsNoTracking().Where(p => addressees.Contains(p.AddresseeNumber))
            .Select(p => new { p.AddresseeNumber, p.HouseholdNumber, p.HouseholdHistory }).ToListAsync(ct);
        var households = people.SelectMany(p => HouseholdsOf(p.HouseholdNumber, p.HouseholdHistory)).ToHashSet();
        var targets = addressees.ToHashSet();
        if (wholeHouseholds && households.Count > 0)
        {
            var members = await db.People.AsNoTracking().Where(p => p.HouseholdNumber != null && households.Contains(p.HouseholdNumber))
                .Select(p => p.AddresseeNumber).ToListAsync(ct);
            targets.UnionWith(members);
        }
        var connection = db.Database.GetDbConnection();
        var tx = db.Database.CurrentTransaction?.GetDbTransaction();
        var now = clock.GetUtcNow().UtcDateTime;
        var written = 0;
        foreach (var year in years.Order())
        {
            var ordinance = await OrdinanceService.InForceAsync(db, year, ct);
            var taxability = await HouseholdTaxability.LoadAsync(connection, tx, tenantId, year, households, ct);
            var reductions = await ApprovedReductionsAsync(db, year, ordinance.Parameters, targets, ct);
            var engine = new AssessmentEngine(tenantId, year, ordinance, taxability, reductions, FiscalMonth.Of(JapanTime.Today(clock)), now, actor);
            var inputs = await AssessmentInputs.ForAsync(connection, tx, tenantId, year, targets, ct);
            var rows = inputs.Select(x => engine.Assess(x, null, cause).Row).OfType<AssessmentRow>().ToList();
            if (rows.Count == 0) continue;
            if (tx is null) throw new InvalidOperationException("更正 runs inside the caller's transaction.");
            await AssessmentWriter.WriteAsync(connection, tx, settings.Database.Provider, rows, ct);
            written += rows.Count;
        }
        return written;
    }

    internal static async Task<Dictionary<string, List<AppliedReduction>>> ApprovedReductionsAsync(CareDbContext db, int fiscalYear, OrdinanceParameters p,
        IReadOnlyCollection<string>? addressees, CancellationToken ct)
    {
        var q = db.Reductions.AsNoTracking().Where(r => r.FiscalYear == fiscalYear && r.State == ReductionState.Approved);
        if (addressees is not null) q = q.Where(r => addressees.Contains(r.AddresseeNumber));
        var rows = await q.OrderBy(r => r.Id).ToListAsync(ct);
        var rules = p.ReductionRules.ToDictionary(r => r.Code);
        return rows.Where(r => rules.ContainsKey(r.RuleCode)).GroupBy(r => r.AddresseeNumber).ToDictionary(g => g.Key, g => g.Select(r =>
        {
            var rule = rules[r.RuleCode];
            return new AppliedReduction(rule.Code, rule.Reason, r.FromMonth, r.ToMonth, rule.Rate, rule.Amount);
        }).ToList());
    }

    private static IEnumerable<string> HouseholdsOf(string? current, string? history)
    {
        if (current is not null) yield return current;
        if (string.IsNullOrEmpty(history)) yield break;
        foreach (var entry in history.Split(';')) yield return entry[11..];
    }
}
