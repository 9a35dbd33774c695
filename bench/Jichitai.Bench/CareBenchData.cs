using System.Data.Common;
using System.Globalization;
using Jichitai.Care.Qualification;
using Jichitai.Platform.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Jichitai.Bench;

/// <summary>
/// A generated city for the 本算定 benchmark, written straight into the care tables (as the linkage events and the tax and
/// pension imports would leave them): people with households, the insured among them with their derived periods, the tax
/// data of everyone and the pensions of most insured.
/// </summary>
internal static class CareBenchData
{
    public sealed record Counts(int People, int Insured, int Incomes, int Pensions);

    public static async Task<Counts> LoadAsync(DatabaseLocation db, int tenantId, int residents, int seed, DateTime now, CancellationToken ct)
    {
        var random = new Random(seed);
        var horizon = QualificationService.Horizon(now);
        var people = new List<object?[]>(residents);
        var insured = new List<object?[]>();
        var incomes = new List<object?[]>(residents);
        var pensions = new List<object?[]>();
        var household = 0;
        var left = 0;
        for (var n = 1; n <= residents; n++)
        {
            if (left == 0) { household++; left = 1 + random.Next(4); }
            left--;
            // Ages 0–99 with about 29 % at 65 or over (Japan 2025).
            var age = random.NextDouble() < 0.29 ? 65 + (int)(random.NextDouble() * random.NextDouble() * 35) : random.Next(65);
            var birth = new DateOnly(2026 - age, 1 + random.Next(12), 1 + random.Next(28)).AddYears(0);
            if (birth > new DateOnly(2026, 11, 1)) birth = birth.AddYears(-1);
            var number = n.ToString("D10", CultureInfo.InvariantCulture);
            var householdNumber = "S" + household.ToString("D9", CultureInfo.InvariantCulture);
            var residentFrom = random.NextDouble() < 0.97 ? birth : new DateOnly(2026, 1 + random.Next(10), 1 + random.Next(28));
            people.Add([tenantId, number, householdNumber, null, "架空 太郎" + n, "カクウ タロウ", "男", birth, "100-0001", "架空市本町1番1号", "住民", residentFrom, null, null, null, 1L, now]);
            var periods = QualificationRules.Derive(new ResidenceFacts(birth, residentFrom, null, null, null, false), [], []).Where(p => p.AcquiredOn <= horizon).ToList();
            if (periods.Count > 0)
            {
                insured.Add([tenantId, number, InsuredNumbers.Format(insured.Count + 1), Jichitai.Care.CareJson.Write(periods), null, false, "[]", "[]", now, 1]);
                if (random.NextDouble() < 0.8) pensions.Add([tenantId, 2026, number, "001", (long)random.Next(100_000, 3_000_000), 1L]);
            }
            var taxable = age >= 18 && random.NextDouble() < 0.45;
            long total = taxable ? random.Next(400_000, 9_000_000) : random.Next(0, 1_300_000);
            incomes.Add([tenantId, 2026, number, total, age >= 65 ? (long)random.Next(0, 2_500_000) : 0L, Math.Max(0, total - 500_000), taxable, random.NextDouble() < 0.015, false, 1L]);
        }
        await WriteAsync(db, "care_people", PeopleColumns, people, ct);
        await WriteAsync(db, "care_insured", InsuredColumns, insured, ct);
        await WriteAsync(db, "care_incomes", IncomeColumns, incomes, ct);
        await WriteAsync(db, "care_pensions", PensionColumns, pensions, ct);
        await WriteAsync(db, "care_counters", ["tenant_id", "name", "value"], [[tenantId, "insured-number", (long)insured.Count]], ct);
        if (db.Provider == DatabaseProvider.PostgreSql)
            await using (var c = new NpgsqlConnection(db.ConnectionString)) { await c.OpenAsync(ct); await new NpgsqlCommand("VACUUM ANALYZE", c).ExecuteNonQueryAsync(ct); }
        return new Counts(people.Count, insured.Count, incomes.Count, pensions.Count);
    }

    private static readonly string[] PeopleColumns = ["tenant_id", "addressee_number", "household_number", "household_history", "name", "name_kana", "gender", "birth_date", "postal_code", "address", "status", "became_resident_on", "removed_on", "removal_reason", "became_resident_reason", "applied_sequence", "updated_at"];
    private static readonly string[] InsuredColumns = ["tenant_id", "addressee_number", "insured_number", "periods", "officer_periods", "cancelled", "address_exceptions", "exclusions", "updated_at", "version"];
    private static readonly string[] IncomeColumns = ["tenant_id", "fiscal_year", "addressee_number", "total_income", "taxable_pension_income", "other_income", "resident_taxable", "public_assistance", "old_age_welfare_pension", "import_id"];
    private static readonly string[] PensionColumns = ["tenant_id", "fiscal_year", "addressee_number", "insurer_code", "annual_pension", "import_id"];

    /// <summary>As the database owner (the loader is not the product): COPY on PostgreSQL, one prepared INSERT on SQLite.</summary>
    private static async Task WriteAsync(DatabaseLocation db, string table, string[] columns, List<object?[]> rows, CancellationToken ct)
    {
        if (db.Provider == DatabaseProvider.PostgreSql)
        {
            await using var c = new NpgsqlConnection(db.ConnectionString);
            await c.OpenAsync(ct);
            await using var w = await c.BeginBinaryImportAsync($"COPY {table} ({string.Join(",", columns)}) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var row in rows)
            {
                await w.StartRowAsync(ct);
                foreach (var v in row)
                {
                    switch (v)
                    {
                        case null: await w.WriteNullAsync(ct); break;
                        case int i: await w.WriteAsync(i, NpgsqlDbType.Integer, ct); break;
                        case long l: await w.WriteAsync(l, NpgsqlDbType.Bigint, ct); break;
                        case bool b: await w.WriteAsync(b, NpgsqlDbType.Boolean, ct); break;
                        case DateOnly d: await w.WriteAsync(d, NpgsqlDbType.Date, ct); break;
                        case DateTime t: await w.WriteAsync(t, NpgsqlDbType.TimestampTz, ct); break;
                        case string s: await w.WriteAsync(s, NpgsqlDbType.Text, ct); break;
                    }
                }
            }
            await w.CompleteAsync(ct);
            return;
        }
        await using var sc = new SqliteConnection(db.ConnectionString);
        await sc.OpenAsync(ct);
        await using var tx = (SqliteTransaction)await sc.BeginTransactionAsync(ct);
        await using var cmd = sc.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO {table} ({string.Join(",", columns)}) VALUES ({string.Join(",", columns.Select((_, i) => "$p" + i))})";
        var ps = columns.Select((_, i) => cmd.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
                ps[i].Value = row[i] switch
                {
                    null => DBNull.Value,
                    DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
                    var v => v,
                };
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    public static DbConnection Open(DatabaseLocation db) =>
        db.Provider == DatabaseProvider.PostgreSql ? new NpgsqlConnection(db.ConnectionString) : new SqliteConnection(db.ConnectionString);
}
