using System.Data.Common;
using Jichitai.Platform.Persistence;

namespace Jichitai.Care.Income;

/// <summary>
/// Upserts imported rows of one fiscal year inside the caller's transaction: a person in the file replaces that person's
/// row, nobody else's row is touched. PostgreSQL: one INSERT … SELECT FROM unnest(arrays) … ON CONFLICT per batch;
/// SQLite: one prepared INSERT … ON CONFLICT reused for every row (cheap inside one transaction).
/// </summary>
internal static class ImportWriter
{
    private const int Batch = 10_000;

    public static Task WriteIncomesAsync(DbConnection c, DbTransaction tx, DatabaseProvider provider, int tenantId, int year, long importId,
        IReadOnlyList<IncomeLine> rows, CancellationToken ct) =>
        WriteAsync(c, tx, provider, tenantId, year, importId, rows, new Table<IncomeLine>("care_incomes",
        [
            new("addressee_number", "text", r => r.Addressee),
            new("total_income", "bigint", r => r.TotalIncome),
            new("taxable_pension_income", "bigint", r => r.TaxablePensionIncome),
            new("other_income", "bigint", r => r.OtherIncome),
            new("resident_taxable", "boolean", r => r.ResidentTaxable),
            new("public_assistance", "boolean", r => r.PublicAssistance),
            new("old_age_welfare_pension", "boolean", r => r.OldAgeWelfarePension),
        ]), ct);

    public static Task WritePensionsAsync(DbConnection c, DbTransaction tx, DatabaseProvider provider, int tenantId, int year, long importId,
        IReadOnlyList<PensionLine> rows, CancellationToken ct) =>
        WriteAsync(c, tx, provider, tenantId, year, importId, rows, new Table<PensionLine>("care_pensions",
        [
            new("addressee_number", "text", r => r.Addressee),
            new("insurer_code", "text", r => r.InsurerCode),
            new("annual_pension", "bigint", r => r.AnnualPension),
        ]), ct);

    private sealed record Column<T>(string Name, string PgType, Func<T, object> Value);
    private sealed record Table<T>(string Name, IReadOnlyList<Column<T>> Columns);

    private static async Task WriteAsync<T>(DbConnection c, DbTransaction tx, DatabaseProvider provider, int tenantId, int year, long importId,
        IReadOnlyList<T> rows, Table<T> table, CancellationToken ct)
    {
        var names = table.Columns.Select(x => x.Name).ToList();
        var insert = $"INSERT INTO {table.Name} (tenant_id, fiscal_year, import_id, {string.Join(", ", names)}) ";
        var conflict = $" ON CONFLICT (tenant_id, fiscal_year, addressee_number) DO UPDATE SET import_id = excluded.import_id, " +
                       string.Join(", ", names.Skip(1).Select(n => $"{n} = excluded.{n}"));
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        Add(cmd, "@t", tenantId);
        Add(cmd, "@y", year);
        Add(cmd, "@i", importId);
        if (provider == DatabaseProvider.PostgreSql)
        {
            cmd.CommandText = insert + $"SELECT @t, @y, @i, {string.Join(", ", names.Select(n => "u." + n))} FROM unnest(" +
                string.Join(", ", table.Columns.Select(x => $"@{x.Name}::{x.PgType}[]")) + $") AS u({string.Join(", ", names)})" + conflict;
            var arrays = table.Columns.Select(x => Add(cmd, "@" + x.Name, null)).ToList();
            foreach (var part in rows.Chunk(Batch))
            {
                for (var i = 0; i < arrays.Count; i++) arrays[i].Value = ArrayOf(part, table.Columns[i]);
                await cmd.ExecuteNonQueryAsync(ct);
            }
            return;
        }
        cmd.CommandText = insert + $"VALUES (@t, @y, @i, {string.Join(", ", names.Select(n => "@" + n))})" + conflict;
        var ps = table.Columns.Select(x => Add(cmd, "@" + x.Name, null)).ToList();
        foreach (var row in rows)
        {
            for (var i = 0; i < ps.Count; i++) ps[i].Value = table.Columns[i].Value(row);
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    private static Array ArrayOf<T>(T[] part, Column<T> column) => column.PgType switch
    {
        "bigint" => part.Select(r => (long)column.Value(r)).ToArray(),
        "boolean" => part.Select(r => (bool)column.Value(r)).ToArray(),
        _ => part.Select(r => (string)column.Value(r)).ToArray(),
    };

    private static DbParameter Add(DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
        return p;
    }
}
