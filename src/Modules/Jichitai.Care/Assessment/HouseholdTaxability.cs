using System.Data.Common;
using Jichitai.Care.Qualification;

namespace Jichitai.Care.Assessment;

/// <summary>
/// Whether someone in a household is 住民税課税 on a given day (施行令38条: 世帯 as of the 基準日). Built from the taxable
/// persons of the year only; people who never changed household are looked up in a set, the others by their history.
/// </summary>
internal sealed class HouseholdTaxability
{
    private readonly HashSet<string> steady = [];
    private readonly List<(string? Current, string History)> moved = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, DateOnly), bool> cache = new(); // the run computes in parallel

    public void AddTaxablePerson(string? household, string? history)
    {
        if (string.IsNullOrEmpty(history)) { if (household is not null) steady.Add(household); }
        else moved.Add((household, history));
    }

    public bool IsTaxable(string? household, DateOnly day)
    {
        if (household is null) return false;
        if (steady.Contains(household)) return true;
        if (moved.Count == 0) return false;
        if (cache.TryGetValue((household, day), out var known)) return known;
        var taxable = moved.Any(m => Households.On(m.Current, m.History, day) == household);
        cache[(household, day)] = taxable;
        return taxable;
    }

    /// <summary>Loads the taxable persons of the year, optionally only those who are or were in the given households.</summary>
    public static async Task<HouseholdTaxability> LoadAsync(DbConnection connection, DbTransaction? tx, int tenantId, int fiscalYear, IReadOnlyCollection<string>? households, CancellationToken ct)
    {
        var result = new HouseholdTaxability();
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            SELECT p.household_number, p.household_history FROM care_incomes i
            JOIN care_people p ON p.tenant_id = i.tenant_id AND p.addressee_number = i.addressee_number
            WHERE i.tenant_id = @t AND i.fiscal_year = @y AND i.resident_taxable
            """;
        if (households is not null)
        {
            var terms = new List<string>();
            var n = 0;
            foreach (var h in households)
            {
                terms.Add($"p.household_number = @h{n} OR p.household_history LIKE @l{n}");
                Sql.Add(cmd, $"@h{n}", h);
                Sql.Add(cmd, $"@l{n}", "%:" + h + "%");
                n++;
            }
            if (n == 0) return result;
            cmd.CommandText += " AND (" + string.Join(" OR ", terms) + ")";
        }
        Sql.Add(cmd, "@t", tenantId);
        Sql.Add(cmd, "@y", fiscalYear);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            result.AddTaxablePerson(reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
        return result;
    }
}

internal static class Sql
{
    public static void Add(DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
    }
}
