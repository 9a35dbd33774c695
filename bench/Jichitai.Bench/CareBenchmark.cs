using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Jichitai.Care;
using Jichitai.Care.Assessment;
using Jichitai.Care.Ordinance;
using Jichitai.Care.Persistence;
using Jichitai.Care.Premiums;
using Jichitai.Care.Qualification;
using Jichitai.Platform;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Jichitai.Bench;

/// <summary>
/// 本算定 of a generated city. Baseline, in the same run and database: one raw SQL read of the same inputs (the same join
/// the product reads in chunks) and one raw write of as many result rows of the same size (COPY / prepared INSERT) into the
/// same table, in one transaction. Goal (issue 7): under 2× the baseline and under 60 s for 1,000,000 residents.
/// </summary>
internal sealed class CareBenchmark(int residents, int seed, IReadOnlyList<DatabaseProvider> providers, TextWriter output)
{
    private readonly List<string> _rows = [];

    public async Task<int> RunAsync(CancellationToken ct)
    {
        output.WriteLine($"# 介護保険 本算定 — {residents:N0} residents, seed {seed}, {Environment.ProcessorCount} CPUs, {DateTimeOffset.Now:yyyy-MM-dd HH:mm}");
        foreach (var provider in providers) await OneAsync(provider, ct);
        output.WriteLine();
        output.WriteLine("## Results (Markdown)");
        output.WriteLine();
        output.WriteLine("| Database | Residents | Insured | Results written | Baseline s (read + write) | 本算定 s | Persons/s | Ratio | Goal < 2× and < 60 s |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var row in _rows) output.WriteLine(row);
        output.WriteLine();
        output.WriteLine($"load average after: {Machine.LoadAverage()}");
        return 0;
    }

    private async Task OneAsync(DatabaseProvider provider, CancellationToken ct)
    {
        var name = provider == DatabaseProvider.PostgreSql ? "PostgreSQL" : "SQLite";
        output.WriteLine();
        output.WriteLine($"## {name}");
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
        services.AddDataProtection();
        services.AddJichitaiPlatform(database.Settings);
        services.AddCareModule();
        await using var sp = services.BuildServiceProvider();
        int tenantId;
        await using (var s = sp.CreateAsyncScope())
        {
            s.ServiceProvider.GetRequiredService<ITenantScopeAccessor>().Scope = TenantScope.System;
            tenantId = (await s.ServiceProvider.GetRequiredService<TenantService>().CreateAsync(new TenantDraft("131016", "架空市"), AuditActor.Cli())).Id;
        }
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var load = Stopwatch.StartNew();
        var counts = await CareBenchData.LoadAsync(database.Settings.Database, tenantId, residents, seed, now, ct);
        output.WriteLine($"generated and loaded in {load.Elapsed.TotalSeconds:F1} s: {counts.People:N0} people, {counts.Insured:N0} insured, {counts.Incomes:N0} incomes, {counts.Pensions:N0} pensions");

        var baseline = await BaselineAsync(database.Settings.Database, tenantId, counts.Insured, ct);
        output.WriteLine($"baseline: read {baseline.Read.TotalSeconds:F2} s + write {baseline.Write.TotalSeconds:F2} s = {baseline.Total.TotalSeconds:F2} s ({baseline.Rows:N0} rows)");

        GC.Collect();
        var run = Stopwatch.StartNew();
        AssessmentRunRow result;
        await using (var s = sp.CreateAsyncScope())
        {
            s.ServiceProvider.GetRequiredService<ITenantScopeAccessor>().Scope = TenantScope.ForTenant(tenantId);
            var runs = s.ServiceProvider.GetRequiredService<AssessmentRuns>();
            result = await runs.RunAsync(tenantId, 2026, new AuditActor(null, "bench-介護担当", "127.0.0.1"), null, ct);
            output.WriteLine("  time: " + string.Join(", ", runs.Timings.Select(t => $"{t.Key} {t.Value.TotalSeconds:F2} s")));
        }
        run.Stop();
        var totals = RunTotals.FromJson(result.Totals);
        output.WriteLine($"本算定: {run.Elapsed.TotalSeconds:F2} s, {result.Processed:N0} insured processed, {result.Changed:N0} assessments written, {totals.Persons:N0} persons / {totals.Premium:N0} 円 in the summary");
        foreach (var stage in totals.Stages.Values) output.WriteLine($"  第{stage.Stage}段階: {stage.Persons:N0} persons, {stage.Premium:N0} 円");
        var ratio = run.Elapsed / baseline.Total;
        var ok = ratio < 2 && run.Elapsed.TotalSeconds < 60 ? "met" : "missed";
        output.WriteLine($"ratio {ratio:F2}× the baseline; goal {ok}");
        _rows.Add($"| {name} | {counts.People:N0} | {counts.Insured:N0} | {result.Changed:N0} | {baseline.Total.TotalSeconds:F1} ({baseline.Read.TotalSeconds:F1} + {baseline.Write.TotalSeconds:F1}) | {run.Elapsed.TotalSeconds:F1} | {result.Processed / run.Elapsed.TotalSeconds:N0} | {ratio:F2}× | {ok} |");
    }

    private sealed record Baseline(TimeSpan Read, TimeSpan Write, int Rows)
    {
        public TimeSpan Total => Read + Write;
    }

    /// <summary>The same inputs read in one query, and as many rows of the product's size written, with nothing computed.</summary>
    private static async Task<Baseline> BaselineAsync(DatabaseLocation db, int tenantId, int insured, CancellationToken ct)
    {
        var sample = PremiumCalculator.Compute(NationalStandard.Fy2024To2026(), new PremiumInput(2026, [new QualificationPeriod(new DateOnly(2000, 1, 1), "65歳到達", null, null)],
            new IncomeFacts(0, 1_500_000, 0, false), true, null, []));
        var installments = CareJson.Write(sample.Installments);
        var detail = CareJson.Write(sample with { Installments = [] });
        await using var c = CareBenchData.Open(db);
        await c.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var read = Stopwatch.StartNew();
        var numbers = new List<string>(insured);
        await using (var cmd = c.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = """
                SELECT i.addressee_number, i.periods, p.household_number, p.household_history,
                       inc.total_income, inc.taxable_pension_income, inc.other_income, inc.resident_taxable, inc.public_assistance, inc.old_age_welfare_pension,
                       pen.annual_pension, prev.february_special, cur.id, cur.revision, cur.stage, cur.annual_premium, cur.installments
                FROM care_insured i
                JOIN care_people p ON p.tenant_id = i.tenant_id AND p.addressee_number = i.addressee_number
                LEFT JOIN care_incomes inc ON inc.tenant_id = i.tenant_id AND inc.fiscal_year = 2026 AND inc.addressee_number = i.addressee_number
                LEFT JOIN care_pensions pen ON pen.tenant_id = i.tenant_id AND pen.fiscal_year = 2026 AND pen.addressee_number = i.addressee_number
                LEFT JOIN care_assessments prev ON prev.tenant_id = i.tenant_id AND prev.fiscal_year = 2025 AND prev.addressee_number = i.addressee_number AND prev.is_current
                LEFT JOIN care_assessments cur ON cur.tenant_id = i.tenant_id AND cur.fiscal_year = 2026 AND cur.addressee_number = i.addressee_number AND cur.is_current
                WHERE i.tenant_id = @t ORDER BY i.addressee_number
                """;
            var p = cmd.CreateParameter(); p.ParameterName = "@t"; p.Value = tenantId; cmd.Parameters.Add(p);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            var values = new object[17];
            while (await r.ReadAsync(ct)) { r.GetValues(values); numbers.Add((string)values[0]); }
        }
        // The taxable persons with their households (the product reads these once per run).
        await using (var cmd = c.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT p.household_number, p.household_history FROM care_incomes i JOIN care_people p ON p.tenant_id = i.tenant_id AND p.addressee_number = i.addressee_number WHERE i.tenant_id = @t AND i.fiscal_year = 2026 AND i.resident_taxable";
            var p = cmd.CreateParameter(); p.ParameterName = "@t"; p.Value = tenantId; cmd.Parameters.Add(p);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) _ = r.IsDBNull(0) ? null : r.GetString(0);
        }
        read.Stop();
        var write = Stopwatch.StartNew();
        var at = DateTime.UtcNow;
        if (c is NpgsqlConnection npg)
        {
            await using var w = await npg.BeginBinaryImportAsync("COPY care_assessments (tenant_id, fiscal_year, addressee_number, revision, is_current, kind, ordinance_version, stage, months, annual_premium, reduction, collection, installments, detail, computed_at, computed_by) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var n in numbers)
            {
                await w.StartRowAsync(ct);
                await w.WriteAsync(tenantId, NpgsqlDbType.Integer, ct); await w.WriteAsync(2099, NpgsqlDbType.Integer, ct); await w.WriteAsync(n, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(1, NpgsqlDbType.Integer, ct); await w.WriteAsync(true, NpgsqlDbType.Boolean, ct); await w.WriteAsync("本算定", NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(0, NpgsqlDbType.Integer, ct); await w.WriteAsync(5, NpgsqlDbType.Integer, ct); await w.WriteAsync(12, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(74_400L, NpgsqlDbType.Bigint, ct); await w.WriteAsync(0L, NpgsqlDbType.Bigint, ct); await w.WriteAsync("普通徴収", NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(installments, NpgsqlDbType.Text, ct); await w.WriteAsync(detail, NpgsqlDbType.Text, ct);
                await w.WriteAsync(at, NpgsqlDbType.TimestampTz, ct); await w.WriteAsync("baseline", NpgsqlDbType.Varchar, ct);
            }
            await w.CompleteAsync(ct);
        }
        else
        {
            await using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO care_assessments (tenant_id, fiscal_year, addressee_number, revision, is_current, kind, ordinance_version, stage, months, annual_premium, reduction, collection, installments, detail, computed_at, computed_by) VALUES ($t, 2099, $n, 1, 1, '本算定', 0, 5, 12, 74400, 0, '普通徴収', $i, $d, $at, 'baseline')";
            var t = new SqliteParameter("$t", tenantId); var np = new SqliteParameter("$n", ""); var ip = new SqliteParameter("$i", installments); var dp = new SqliteParameter("$d", detail);
            var ap = new SqliteParameter("$at", at.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
            cmd.Parameters.AddRange(new[] { t, np, ip, dp, ap });
            foreach (var n in numbers) { np.Value = n; await cmd.ExecuteNonQueryAsync(ct); }
        }
        await tx.CommitAsync(ct);
        write.Stop();
        return new Baseline(read.Elapsed, write.Elapsed, numbers.Count);
    }
}
