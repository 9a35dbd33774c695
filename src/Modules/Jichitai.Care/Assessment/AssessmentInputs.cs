using System.Data.Common;
using Jichitai.Care.Premiums;
using Jichitai.Care.Qualification;

namespace Jichitai.Care.Assessment;

/// <summary>One insured person's inputs for a year, with the assessment currently in force (if any).</summary>
internal sealed record PersonInputs(
    string AddresseeNumber,
    IReadOnlyList<QualificationPeriod> Periods,
    string? Household,
    string? HouseholdHistory,
    IncomeFacts? Income,
    long? AnnualPension,
    long? PreviousFebruarySpecial,
    CurrentAssessment? Current);

internal sealed record CurrentAssessment(long Id, int Revision, int Stage, long Premium, string Installments);

/// <summary>Reads the inputs with one query per chunk (the batch) or per set of persons (更正).</summary>
internal static class AssessmentInputs
{
    /// <summary>
    /// The joins of the assessments of the year and the year before are left out when there are none: on PostgreSQL a
    /// table that only fills during the run is planned as tiny, and a per-row scan of it made the first run quadratic.
    /// </summary>
    private static string Select(bool previous, bool current) => $"""
        SELECT i.addressee_number, i.periods, p.household_number, p.household_history,
               inc.total_income, inc.taxable_pension_income, inc.other_income, inc.resident_taxable, inc.public_assistance, inc.old_age_welfare_pension,
               pen.annual_pension, {(previous ? "prev.february_special" : "NULL")}, {(current ? "cur.id, cur.revision, cur.stage, cur.annual_premium, cur.installments" : "NULL, NULL, NULL, NULL, NULL")}
        FROM care_insured i
        JOIN care_people p ON p.tenant_id = i.tenant_id AND p.addressee_number = i.addressee_number
        LEFT JOIN care_incomes inc ON inc.tenant_id = i.tenant_id AND inc.fiscal_year = @y AND inc.addressee_number = i.addressee_number
        LEFT JOIN care_pensions pen ON pen.tenant_id = i.tenant_id AND pen.fiscal_year = @y AND pen.addressee_number = i.addressee_number
        {(previous ? "LEFT JOIN care_assessments prev ON prev.tenant_id = i.tenant_id AND prev.fiscal_year = @y - 1 AND prev.addressee_number = i.addressee_number AND prev.is_current" : "")}
        {(current ? "LEFT JOIN care_assessments cur ON cur.tenant_id = i.tenant_id AND cur.fiscal_year = @y AND cur.addressee_number = i.addressee_number AND cur.is_current" : "")}
        WHERE i.tenant_id = @t
        """;

    /// <summary>Which of the two assessment joins a run needs (decided once, at its start).</summary>
    public static async Task<(bool Previous, bool Current)> ExistingAsync(Persistence.CareDbContext db, int fiscalYear, CancellationToken ct) =>
        (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Assessments, a => a.FiscalYear == fiscalYear - 1 && a.IsCurrent, ct),
         await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Assessments, a => a.FiscalYear == fiscalYear && a.IsCurrent, ct));

    public static async Task<List<PersonInputs>> ChunkAsync(DbConnection c, DbTransaction? tx, int tenantId, int fiscalYear, string? after, int take,
        (bool Previous, bool Current) joins, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = Select(joins.Previous, joins.Current) + (after is null ? "" : " AND i.addressee_number > @after") + " ORDER BY i.addressee_number LIMIT @take";
        Sql.Add(cmd, "@after", after);
        Sql.Add(cmd, "@take", take);
        return await ReadAsync(cmd, tenantId, fiscalYear, ct);
    }

    public static async Task<List<PersonInputs>> ForAsync(DbConnection c, DbTransaction? tx, int tenantId, int fiscalYear, IReadOnlyCollection<string> addressees, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        var names = addressees.Select((a, n) => { Sql.Add(cmd, $"@a{n}", a); return $"@a{n}"; }).ToList();
        if (names.Count == 0) return [];
        cmd.CommandText = Select(true, true) + $" AND i.addressee_number IN ({string.Join(",", names)}) ORDER BY i.addressee_number";
        return await ReadAsync(cmd, tenantId, fiscalYear, ct);
    }

    public static async Task<int> CountAsync(DbConnection c, DbTransaction? tx, int tenantId, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT COUNT(*) FROM care_insured WHERE tenant_id = @t";
        Sql.Add(cmd, "@t", tenantId);
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<PersonInputs>> ReadAsync(DbCommand cmd, int tenantId, int fiscalYear, CancellationToken ct)
    {
        Sql.Add(cmd, "@t", tenantId);
        Sql.Add(cmd, "@y", fiscalYear);
        var list = new List<PersonInputs>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var income = r.IsDBNull(4) ? null : new IncomeFacts(r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetBoolean(7), r.GetBoolean(8), r.GetBoolean(9));
            var current = r.IsDBNull(12) ? null : new CurrentAssessment(r.GetInt64(12), r.GetInt32(13), r.GetInt32(14), r.GetInt64(15), r.GetString(16));
            list.Add(new PersonInputs(r.GetString(0), CareJson.Read<List<QualificationPeriod>>(r.GetString(1)),
                r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), income,
                r.IsDBNull(10) ? null : r.GetInt64(10), r.IsDBNull(11) ? null : r.GetInt64(11), current));
        }
        return list;
    }
}
