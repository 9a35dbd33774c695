using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Jichitai.Platform;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Protection;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Persistence;
using Jichitai.Registry.Residents;
using Jichitai.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Jichitai.Bench;

/// <summary>
/// Resident search (ResidentQueries.SearchAsync) over a generated registry of N residents in one tenant plus smaller
/// tenants in the same tables, against a hand-written SQL baseline of the same predicate, on a fresh migrated database.
/// Issue goal: search p95 under 20 ms.
/// </summary>
internal sealed class RegistrySearchBenchmark(RegistrySearchOptions options, TextWriter output)
{
    public const int MeasuredTenant = 1;
    /// <summary>Rounds per measurement; the order of the three variants rotates each round so none is always first.</summary>
    private const int Rounds = 3;
    private const double GoalMs = 20;

    private readonly List<LoadResult> _loads = [];
    private readonly List<QueryResult> _results = [];
    private readonly List<string> _environment = [];
    private readonly List<string> _plans = [];
    private readonly List<string> _candidates = [];

    /// <summary>
    /// The index change this benchmark recommends (docs/performance.md): フリガナ 前方一致 + 生年月日 is ordered by kana_key, and
    /// with only (tenant_id, kana_key, id) and (tenant_id, birth_date) PostgreSQL walks every resident of the kana prefix
    /// (up to ~24,000 for two kana) to find the one or two born that day. (tenant_id, birth_date, kana_key, id) gives the
    /// date as an equality, the prefix as a range and the order together; it also serves a birth-date search alone.
    /// </summary>
    public static readonly IReadOnlyList<string> RecommendedIndexes =
    [
        "CREATE INDEX ix_registry_residents_tenant_id_birth_date_kana_key_id ON registry_residents (tenant_id, birth_date, kana_key, id)",
        "DROP INDEX ix_registry_residents_tenant_id_birth_date",
    ];

    private List<string> CandidateSql() =>
        [.. options.RecommendedIndexes ? RecommendedIndexes : [], .. options.CandidateSql];

    public async Task<int> RunAsync(CancellationToken ct)
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, options.Clients * 4), Math.Max(io, options.Clients * 4));

        var started = DateTimeOffset.Now;
        var tenants = Tenants();
        output.WriteLine($"# Resident search benchmark — {started:yyyy-MM-dd HH:mm zzz}");
        output.WriteLine($"residents={options.Residents:N0} in the measured tenant, {tenants.Count - 1} other tenants of {options.Residents / 10:N0}; " +
                         $"queries={options.Queries:N0} per kind and variant after {options.Warmup:N0} warm-up; clients 1 and {options.Clients}; kinds: {string.Join(", ", options.Kinds.Select(k => k.Option()))}");
        output.WriteLine($"{Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, " +
                         $"{(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC" +
#if DEBUG
                         ", DEBUG BUILD: numbers are not representative, use -c Release" +
#endif
                         "");
        var loadBefore = Machine.LoadAverage();
        output.WriteLine($"load average before the run: {loadBefore} (other work on the machine adds noise)");
        output.WriteLine();

        output.WriteLine($"## Generating {tenants.Sum(t => t.Residents):N0} residents …");
        var wall = Stopwatch.StartNew();
        // A key of the run's own: search never decrypts, but the records carry real ciphertext and blind indexes.
        var protector = new PersonalDataProtector(RandomNumberGenerator.GetBytes(32));
        var data = RegistrySearchData.Generate(tenants, protector, options.Seed);
        var generated = wall.Elapsed;
        var measured = data.Residents.Where(r => r.TenantId == MeasuredTenant).ToList();
        var current = measured.Where(r => r.Status == ResidentStatus.Resident).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   {data.Residents.Length:N0} residents in {data.Households.Length:N0} households ({(double)data.Residents.Length / data.Households.Length:F2} per household) " +
            $"in {generated.TotalSeconds:F1} s ({data.Residents.Length / generated.TotalSeconds:N0} rows/s on {Environment.ProcessorCount} cores: JSON, AES-GCM, HMAC, keys); " +
            $"measured tenant: {measured.Count:N0} rows, {current.Count:N0} current (住民), {measured.Count - current.Count:N0} 除票; " +
            $"{measured.Select(r => r.KanaKey).Distinct().Count():N0} distinct kana keys; record JSON avg {data.Residents.Take(10_000).Average(r => r.Record.Length):N0} chars; " +
            $"{data.Restrictions.Length:N0} restrictions (支援措置・抑止)"));
        output.WriteLine();

        var random = new Random(options.Seed);
        var cases = options.Kinds.ToDictionary(k => k, k => SearchCase.Generate(k, current, options.Warmup + options.Queries, random));
        var primaryKeys = Enumerable.Range(0, options.Warmup + options.Queries).Select(_ => current[random.Next(current.Count)].Id).ToArray();

        foreach (var provider in options.Providers) await RunProviderAsync(provider, data, cases, primaryKeys, ct);

        _environment.Insert(0, string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, server GC; " +
            $"{data.Residents.Length:N0} rows ({measured.Count:N0} in the measured tenant, of which {current.Count:N0} current and {measured.Count - current.Count:N0} 除票; " +
            $"{tenants.Count - 1} other tenants of {options.Residents / 10:N0}), {data.Households.Length:N0} households; {options.Queries:N0} measured queries per kind, " +
            $"variant and client count after {options.Warmup:N0} warm-up, {Rounds} rotating rounds; run {started:yyyy-MM-dd HH:mm zzz}, load average before {loadBefore}, after {Machine.LoadAverage()}"));

        var markdown = string.Join('\n', _environment.Select(l => $"- {l}")) + "\n\n" + LoadTable() + "\n\n" + QueryTable() + "\n\n" + Notes() + "\n";
        output.WriteLine();
        output.WriteLine("## Results (Markdown)");
        output.WriteLine();
        output.Write(markdown);
        output.WriteLine();
        output.WriteLine($"Total run time: {(DateTimeOffset.Now - started).TotalSeconds:F0} s");
        if (options.MarkdownFile is { } file)
        {
            await File.WriteAllTextAsync(file.FullName, markdown + "\n" + string.Join('\n', _plans) + "\n", ct);
            output.WriteLine($"Markdown (with the query plans) written to {file.FullName}");
        }
        return 0;
    }

    private List<(int TenantId, int Residents)> Tenants() =>
        [(MeasuredTenant, options.Residents), .. Enumerable.Range(MeasuredTenant + 1, options.Tenants - 1).Select(t => (t, Math.Max(1, options.Residents / 10)))];

    private async Task RunProviderAsync(DatabaseProvider provider, RegistrySearchData data, Dictionary<SearchKind, List<SearchCase>> cases, long[] primaryKeys, CancellationToken ct)
    {
        var name = provider == DatabaseProvider.PostgreSql ? "PostgreSQL" : "SQLite";
        output.WriteLine($"## {name}: creating a fresh migrated database …");
        await using var db = await TestDatabase.CreateAsync(provider);
        var location = db.Settings.Database;
        var environment = await DescribeAsync(location, ct);
        _environment.Add($"{name}: {environment}");
        output.WriteLine($"   {environment}");

        // Load: the unindexed copy first (baseline), then the product's table.
        var loader = RegistrySearchLoader.Create(location);
        output.WriteLine($"   loading {data.Residents.Length:N0} rows into an unindexed copy of registry_residents (baseline) …");
        await loader.CreatePlainTableAsync(ct);
        var plainLoad = await loader.LoadResidentsAsync(RegistrySearchLoader.PlainTable, data.Residents, ct);
        await loader.DropPlainTableAsync(ct);
        output.WriteLine($"   loading into registry_residents (primary key and the migrated indexes{(provider == DatabaseProvider.PostgreSql ? ", row-level security enabled" : "")}) …");
        var realLoad = await loader.LoadResidentsAsync("registry_residents", data.Residents, ct);
        var householdLoad = await loader.LoadHouseholdsAsync(data.Households, ct);
        foreach (var r in data.Restrictions) r.Id = 0; // numbered by each database
        await loader.LoadRestrictionsAsync(data.Restrictions, ct);
        await loader.FinishAsync(data.NextNumbers, ct);
        var analyze = await loader.AnalyzeAsync(ct);
        var method = provider == DatabaseProvider.PostgreSql ? "binary COPY" : "one transaction, prepared INSERT";
        var load = new LoadResult(name, method, data.Residents.Length, plainLoad, realLoad, data.Households.Length, householdLoad, analyze, await loader.DescribeSizesAsync(ct));
        _loads.Add(load);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   load ({method}): unindexed copy {load.Rows / plainLoad.TotalSeconds:N0} rows/s ({plainLoad.TotalSeconds:F1} s), registry_residents {load.Rows / realLoad.TotalSeconds:N0} rows/s " +
            $"({realLoad.TotalSeconds:F1} s): {load.Ratio:F2}× the baseline's throughput; households {load.Households / householdLoad.TotalSeconds:N0} rows/s; " +
            $"{(provider == DatabaseProvider.PostgreSql ? "VACUUM (ANALYZE) + CHECKPOINT" : "ANALYZE")} {analyze.TotalSeconds:F1} s"));
        output.WriteLine($"   {load.Sizes}");
        output.WriteLine($"   load average: {Machine.LoadAverage()}");

        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddDataProtection();
        services.AddJichitaiPlatform(db.Settings);
        await using var sp = services.BuildServiceProvider();
        var clock = sp.GetRequiredService<TimeProvider>();
        var product = new ResidentQueries(db.Settings, new TenantScopeAccessor { Scope = TenantScope.ForTenant(MeasuredTenant) },
            sp.GetRequiredService<PersonalDataProtector>(), sp.GetRequiredService<IAuditLog>(), clock);
        await using var plain = PlainResidentReader.Create(location, MeasuredTenant, clock);
        var baseline = new Subject("Baseline (plain SQL)", plain.SearchAsync);
        var query = new Subject("Query (EF+RLS)", (q, t) => RegistrySearchSubjects.QueryOnlyAsync(db.Settings, clock, MeasuredTenant, q, t),
            Ef: (q, t) => RegistrySearchSubjects.QueryOnlyAsync(db.Settings, clock, MeasuredTenant, q, t));
        var full = new Subject("SearchAsync (+audit)", (q, t) => product.SearchAsync(q, SampleAccess.Actor, mayUsePersonalNumber: false, t));
        var migrated = new Phase(name, "as migrated", db.Settings, [baseline, query, full]);

        await CheckSameSqlAsync(migrated, cases, product, clock, ct);
        await CheckAsync(migrated, cases, ct);
        await MeasureAllAsync(migrated, cases, primaryKeys, plain, ct);

        var candidateSql = CandidateSql();
        if (candidateSql.Count > 0)
        {
            output.WriteLine($"   applying {candidateSql.Count} candidate statement(s) as the owner, then {(provider == DatabaseProvider.PostgreSql ? "VACUUM (ANALYZE)" : "ANALYZE")} …");
            foreach (var sql in candidateSql)
            {
                output.WriteLine($"     {sql}");
                await ExecuteAsOwnerAsync(location, sql, ct);
            }
            await loader.AnalyzeAsync(ct);
            output.WriteLine($"   {await loader.DescribeSizesAsync(ct)}");
            _candidates.Add($"{name}: " + string.Join(" ", candidateSql.Select(x => $"`{x}`")));
            var candidate = migrated with { Label = "with candidate indexes" };
            await CheckAsync(candidate, cases, ct);
            await MeasureAllAsync(candidate, cases, primaryKeys: null, plain, ct);
        }
        output.WriteLine();
    }

    /// <summary>One search implementation; <paramref name="Ef"/> is set when it is an EF query whose SQL can be captured and explained.</summary>
    private sealed record Subject(string Label, Func<ResidentSearchRequest, CancellationToken, Task<IReadOnlyList<ResidentSummary>>> Run,
        Func<ResidentSearchRequest, CancellationToken, Task<IReadOnlyList<ResidentSummary>>>? Ef = null);

    /// <summary>A state of the database (as migrated, or with the candidate SQL) and the three subjects measured in it: the baseline first.</summary>
    private sealed record Phase(string Database, string Label, PlatformSettings Settings, Subject[] Subjects)
    {
        public DatabaseLocation Location => Settings.Database;
        public bool Postgres => Location.Provider == DatabaseProvider.PostgreSql;
    }

    /// <summary>Before measuring: the copy of the query sends exactly the SQL (and parameters) that SearchAsync sends, captured from EF's diagnostic events.</summary>
    private async Task CheckSameSqlAsync(Phase p, Dictionary<SearchKind, List<SearchCase>> cases, ResidentQueries product, TimeProvider clock, CancellationToken ct)
    {
        using var capture = new EfSqlCapture();
        foreach (var (kind, list) in cases)
        {
            for (var i = 0; i < list.Count; i += Math.Max(1, list.Count / 10))
            {
                capture.Take();
                await RegistrySearchSubjects.QueryOnlyAsync(p.Settings, clock, MeasuredTenant, list[i].Request, ct);
                var querySql = capture.Take();
                await product.SearchAsync(list[i].Request, SampleAccess.Actor, mayUsePersonalNumber: false, ct);
                var fullSql = capture.Take();
                if (querySql.Count == 0 || !querySql.Select(c => (c.Sql, c.ParameterText)).SequenceEqual(fullSql.Select(c => (c.Sql, c.ParameterText))))
                    throw new InvalidOperationException($"{p.Database}: the copied query does not send SearchAsync's SQL for {list[i]}:\n{string.Join("\n", querySql.Select(c => c.Sql))}\n--- SearchAsync:\n{string.Join("\n", fullSql.Select(c => c.Sql))}");
                if (i == 0)
                {
                    output.WriteLine($"   SQL of SearchAsync, {kind.Label()} ({list[i]}), {fullSql.Count} statements:");
                    foreach (var statement in fullSql)
                    {
                        foreach (var line in statement.Sql.Split('\n')) output.WriteLine($"      {line.TrimEnd()}");
                        output.WriteLine($"      -- {statement.ParameterText}");
                    }
                }
            }
        }
        output.WriteLine("   check: the copied query sends SearchAsync's SQL statements and parameters");
    }

    /// <summary>Before measuring: the three subjects return the same residents in the same order.</summary>
    private async Task CheckAsync(Phase p, Dictionary<SearchKind, List<SearchCase>> cases, CancellationToken ct)
    {
        var checkedCases = 0;
        foreach (var (_, list) in cases)
        {
            for (var i = 0; i < list.Count; i += Math.Max(1, list.Count / 25))
            {
                var results = new List<string>();
                foreach (var subject in p.Subjects)
                    results.Add(string.Join(",", (await subject.Run(list[i].Request, ct)).Select(x => $"{x.AddresseeNumber}{(x.Restriction is null ? "" : ":" + x.Restriction)}")));
                if (results.Distinct().Count() != 1)
                    throw new InvalidOperationException($"{p.Database}, {p.Label}: results differ for {list[i]}:\n" +
                                                        string.Join("\n", p.Subjects.Select((s, k) => $"{s.Label}: [{results[k]}]")));
                checkedCases++;
            }
        }
        output.WriteLine($"   check ({p.Label}): {string.Join(", ", p.Subjects.Select(s => s.Label))} return the same residents in the same order, with the same restriction marks ({checkedCases} searches)");
    }

    private async Task MeasureAllAsync(Phase p, Dictionary<SearchKind, List<SearchCase>> cases, long[]? primaryKeys, PlainResidentReader plain, CancellationToken ct)
    {
        foreach (var clients in new[] { 1, options.Clients }.Distinct())
        {
            output.WriteLine($"   — {p.Label}, {clients} client{(clients == 1 ? "" : "s")} —");
            foreach (var (kind, list) in cases)
            {
                var result = await MeasureKindAsync(p, kind, list, clients, ct);
                _results.Add(result);
                if (clients == 1)
                    for (var s = 0; s < p.Subjects.Length; s++)
                        if (p.Subjects[s].Ef is not null) await ExplainAsync(p, p.Subjects[s], kind, list, result, s, ct);
            }
            if (primaryKeys is not null)
            {
                Func<int, int, CancellationToken, Task> byId = (_, i, t) => plain.ByIdAsync(primaryKeys[i], t);
                await Runner.WarmUpAsync(clients, 0, options.Warmup, byId, ct);
                var m = await Runner.MeasureAsync("by id", clients, options.Warmup, options.Queries, 1, byId, ct);
                Print("primary key lookup (floor)", m);
                _results.Add(new QueryResult(p, clients, null, [m], 1, 0, []));
            }
        }
    }

    private async Task<QueryResult> MeasureKindAsync(Phase p, SearchKind kind, List<SearchCase> list, int clients, CancellationToken ct)
    {
        var rows = new int[list.Count];
        var latency = p.Subjects.Select(_ => new double[list.Count]).ToArray();
        var ops = p.Subjects.Select((subject, s) => (Func<int, int, CancellationToken, Task>)(async (_, i, t) =>
        {
            var t0 = Stopwatch.GetTimestamp();
            var found = await subject.Run(list[i].Request, t);
            latency[s][i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            rows[i] = found.Count;
        })).ToArray();
        var load = Machine.LoadAverage();
        foreach (var op in ops) await Runner.WarmUpAsync(clients, 0, options.Warmup, op, ct);
        var parts = ops.Select(_ => new List<Measurement>()).ToArray();
        var n = options.Queries;
        for (int r = 0, done = 0; r < Rounds; r++)
        {
            var share = n / Rounds + (r < n % Rounds ? 1 : 0);
            for (var k = 0; k < ops.Length; k++)
            {
                var s = (k + r) % ops.Length;
                parts[s].Add(await Runner.MeasureAsync(p.Subjects[s].Label, clients, options.Warmup + done, share, 1, ops[s], ct));
            }
            done += share;
        }
        var measurements = parts.Select(Measurement.Combine).ToArray();
        var measuredRows = rows.Skip(options.Warmup).ToArray();
        var worst = p.Subjects.Select((_, s) => Enumerable.Range(options.Warmup, n).MaxBy(i => latency[s][i])).ToArray();
        var result = new QueryResult(p, clients, kind, measurements, measuredRows.Average(), measuredRows.Count(x => x >= 100) / (double)n, worst);
        output.WriteLine($"   {kind.Label()}: {result.RowsAverage:F1} rows on average, {result.FullShare:P0} of the searches hit the limit of 100 (load average {load})");
        for (var s = 0; s < measurements.Length; s++) Print("  " + p.Subjects[s].Label, measurements[s]);
        var b = measurements[0];
        output.WriteLine("     subject/baseline: " + string.Join("; ", Enumerable.Range(1, measurements.Length - 1).Select(s => string.Create(CultureInfo.InvariantCulture,
            $"{p.Subjects[s].Label} mean {measurements[s].MeanMs / b.MeanMs:F2}× p95 {measurements[s].P95Ms / b.P95Ms:F2}× (p95 goal {GoalMs} ms {(measurements[s].P95Ms < GoalMs ? "met" : "MISSED")})"))));
        return result;
    }

    /// <summary>The plan of a subject's slowest measured query of a kind (single client): its SQL under the tenant role, and the baseline's SQL.</summary>
    private async Task ExplainAsync(Phase p, Subject subject, SearchKind kind, List<SearchCase> list, QueryResult result, int s, CancellationToken ct)
    {
        var worst = result.Worst[s];
        var q = list[worst].Request;
        IReadOnlyList<CapturedCommand> captured;
        using (var capture = new EfSqlCapture())
        {
            await subject.Ef!(q, ct);
            captured = capture.Take();
        }
        var ef = captured.First(c => c.Sql.Contains("registry_residents", StringComparison.Ordinal));
        var (sql, parameters) = RegistrySearchSubjects.PlainSql(q, MeasuredTenant, sqlite: !p.Postgres);
        IReadOnlyList<string> efPlan, basePlan;
        if (p.Postgres)
        {
            efPlan = await RegistrySearchExplain.PostgresAsync(p.Location.ConnectionString, ef.Sql, ef.Parameters, MeasuredTenant, ct);
            basePlan = await RegistrySearchExplain.PostgresAsync(p.Location.ConnectionString, sql, parameters.Select(x => (DbParameter)new NpgsqlParameter(x.Name, x.Value)), null, ct);
        }
        else
        {
            efPlan = RegistrySearchExplain.Sqlite(p.Location.ConnectionString, ef.Sql, ef.Parameters);
            basePlan = RegistrySearchExplain.Sqlite(p.Location.ConnectionString, sql, parameters.Select(x => (DbParameter)new SqliteParameter("@" + x.Name, x.Value)));
        }
        result.Plans[subject.Label] = Summarise(efPlan);
        var header = string.Create(CultureInfo.InvariantCulture,
            $"{p.Database}, {p.Label}, {kind.Label()}: slowest {subject.Label} of the single-client run ({list[worst]}, {result.Measurements[s].MaxMs:F1} ms)");
        _plans.Add($"#### {header}\n\n{subject.Label} (tenant role, RLS):\n\n```\n{ef.Sql}\n-- {ef.ParameterText}\n{string.Join('\n', efPlan)}\n```\n\n" +
                   $"Baseline (hand-written SQL, login role):\n\n```\n{sql}\n{string.Join('\n', basePlan)}\n```\n");
        output.WriteLine($"     plan of the slowest {subject.Label} ({list[worst]}), under RLS:");
        foreach (var line in efPlan) output.WriteLine($"       {line}");
        output.WriteLine("     baseline plan:");
        foreach (var line in basePlan) output.WriteLine($"       {line}");
    }

    /// <summary>The plan's access path in one line: its scan and sort nodes, outermost first.</summary>
    private static string Summarise(IReadOnlyList<string> plan) => string.Join(" → ", plan
        .Select(l => l.Trim().TrimStart('-', '>', ' '))
        .Where(l => l.Contains("Scan", StringComparison.Ordinal) || l.Contains("Sort", StringComparison.Ordinal) || l.StartsWith("SEARCH", StringComparison.Ordinal)
                    || l.StartsWith("SCAN", StringComparison.Ordinal) || l.StartsWith("USE TEMP", StringComparison.Ordinal) || l.StartsWith("Limit", StringComparison.Ordinal))
        .Where(l => !l.StartsWith("Sort Method", StringComparison.Ordinal) && !l.StartsWith("Sort Key", StringComparison.Ordinal) && !l.StartsWith("Presorted Key", StringComparison.Ordinal)
                    && !l.StartsWith("Full-sort", StringComparison.Ordinal))
        .Select(l => l.Split("  (", 2)[0].Split(" (cost", 2)[0].Split(" (actual", 2)[0]));

    private void Print(string label, Measurement m) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"     {label,-24} {m.PerSecond,8:N0} q/s   mean {m.MeanMs,7:F2}   p50 {m.P50(),7:F2}   p95 {m.P95Ms,7:F2}   p99 {m.P99(),7:F2}   max {m.MaxMs,7:F1} ms   ({m.Operations} queries, {m.Elapsed.TotalSeconds:F1} s)"));

    private static async Task ExecuteAsOwnerAsync(DatabaseLocation location, string sql, CancellationToken ct)
    {
        if (location.Provider == DatabaseProvider.PostgreSql)
        {
            await using var conn = new NpgsqlConnection(location.ConnectionString);
            await conn.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
            await cmd.ExecuteNonQueryAsync(ct);
        }
        else
        {
            await using var conn = new SqliteConnection(location.ConnectionString);
            await conn.OpenAsync(ct);
            await using var cmd = new SqliteCommand(sql, conn) { CommandTimeout = 0 };
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task<string> DescribeAsync(DatabaseLocation location, CancellationToken ct)
    {
        if (location.Provider == DatabaseProvider.PostgreSql)
        {
            await using var conn = new NpgsqlConnection(location.ConnectionString);
            await conn.OpenAsync(ct);
            async Task<string> Scalar(string sql)
            {
                await using var cmd = new NpgsqlCommand(sql, conn);
                return Convert.ToString(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) ?? "";
            }
            var version = (await Scalar("SELECT version()")).Split(" on ")[0];
            var leakproof = await Scalar("""
                SELECT string_agg(o.oprname || ' ' || format_type(o.oprleft, NULL) || ': ' || CASE WHEN p.proleakproof THEN 'yes' ELSE 'no' END, ', ' ORDER BY o.oprleft, o.oprname)
                FROM pg_operator o JOIN pg_proc p ON p.oid = o.oprcode
                WHERE (o.oprleft, o.oprright) IN (('text'::regtype, 'text'::regtype), ('date'::regtype, 'date'::regtype), ('int4'::regtype, 'int4'::regtype))
                  AND o.oprname IN ('=', '>=', '<')
                """);
            return $"{version} on 127.0.0.1 (throwaway server of Jichitai.Testing): shared_buffers={await Scalar("SHOW shared_buffers")}, " +
                   $"work_mem={await Scalar("SHOW work_mem")}, effective_cache_size={await Scalar("SHOW effective_cache_size")}, " +
                   $"random_page_cost={await Scalar("SHOW random_page_cost")}, jit={await Scalar("SHOW jit")}, fsync={await Scalar("SHOW fsync")}; " +
                   $"operators leakproof (usable in index conditions under RLS): {leakproof}";
        }
        await using var sqlite = new SqliteConnection(location.ConnectionString);
        await sqlite.OpenAsync(ct);
        string Pragma(string sql)
        {
            using var cmd = new SqliteCommand(sql, sqlite);
            return Convert.ToString(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
        }
        return $"SQLite {Pragma("SELECT sqlite_version()")}, journal_mode={Pragma("PRAGMA journal_mode")}, cache_size={Pragma("PRAGMA cache_size")} (per connection)";
    }


    private string LoadTable()
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine("| Database | Load | Rows | Baseline: unindexed copy rows/s (s) | registry_residents rows/s (s) | Throughput subject/baseline | Households rows/s | Statistics s |");
        sb.Append("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var l in _loads)
        {
            sb.AppendLine();
            sb.Append(string.Create(CultureInfo.InvariantCulture,
                $"| {l.Database} | {l.Method} | {l.Rows:N0} | {l.Rows / l.Plain.TotalSeconds:N0} ({l.Plain.TotalSeconds:F1}) | {l.Rows / l.Real.TotalSeconds:N0} ({l.Real.TotalSeconds:F1}) | " +
                $"{l.Ratio:F2}× | {l.Households / l.HouseholdTime.TotalSeconds:N0} | {l.Analyze.TotalSeconds:F1} |"));
        }
        return sb.ToString();
    }

    /// <summary>One table per phase: the phases measure different subjects.</summary>
    private string QueryTable()
    {
        var sb = new System.Text.StringBuilder();
        foreach (var phase in _results.GroupBy(r => (r.Phase.Database, r.Phase.Label)))
        {
            var subjects = phase.First(r => r.Kind is not null).Phase.Subjects;
            if (sb.Length > 0) sb.AppendLine().AppendLine();
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{phase.Key.Database}, {phase.Key.Label}:"));
            sb.AppendLine();
            sb.Append("| Clients | Query kind | Rows (avg; % at limit) |");
            foreach (var s in subjects) sb.Append($" {s.Label} q/s; mean / p50 / p95 / p99 / max ms |");
            foreach (var s in subjects.Skip(1)) sb.Append($" {s.Label}/baseline mean; p95 |");
            sb.AppendLine(" p95 < 20 ms |");
            sb.Append("|---:|---|---:|").Append(string.Concat(Enumerable.Repeat("---:|", subjects.Length * 2 - 1))).Append("---|");
            foreach (var r in phase)
            {
                sb.AppendLine();
                string Stats(Measurement? m) => m is null ? "—" : string.Create(CultureInfo.InvariantCulture,
                    $"{m.PerSecond:N0}; {m.MeanMs:F2} / {m.P50():F2} / {m.P95Ms:F2} / {m.P99():F2} / {m.MaxMs:F1}");
                var kind = r.Kind?.Label() ?? "primary key lookup, 1 row (floor)";
                var rows = r.Kind is null ? "1" : string.Create(CultureInfo.InvariantCulture, $"{r.RowsAverage:F1}; {r.FullShare:P0}");
                sb.Append(CultureInfo.InvariantCulture, $"| {r.Clients} | {kind} | {rows} |");
                for (var s = 0; s < subjects.Length; s++) sb.Append($" {Stats(s < r.Measurements.Length ? r.Measurements[s] : null)} |");
                for (var s = 1; s < subjects.Length; s++)
                    sb.Append(s < r.Measurements.Length
                        ? string.Create(CultureInfo.InvariantCulture, $" {r.Measurements[s].MeanMs / r.Measurements[0].MeanMs:F2}×; {r.Measurements[s].P95Ms / r.Measurements[0].P95Ms:F2}× |")
                        : " — |");
                sb.Append(r.Kind is null ? " — |" : " " + string.Join("; ", Enumerable.Range(1, subjects.Length - 1).Select(s => r.Measurements[s].P95Ms < GoalMs ? "yes" : "**no**")) + " |");
            }
        }
        return sb.ToString();
    }

    private string Notes()
    {
        List<string> notes =
        [
            "Variants: **baseline** = the same predicate as hand-written SQL through plain Npgsql/Microsoft.Data.Sqlite in the login role " +
            "(explicit `tenant_id = @tenant`, no RLS, no EF); **query** = the EF query exactly as `ResidentQueries.SearchAsync` builds it " +
            "(same context factory, tenant scope → `SET ROLE jichitai_app` + `app.tenant_id` + RLS on PostgreSQL; checked to send the identical SQL), " +
            "without the audit append; **SearchAsync** = the product method itself, including its access-log append. " +
            "Results are ordered as SearchAsync orders them: by the searched key (フリガナ, else 氏名 …, else the kana key), then id. " +
            "Each search is two statements in all three (the ≤ 100 residents, then their active 支援措置・抑止), and all three normalise the input, " +
            "parse the date and deserialise the records into summaries.",
            "Ratios are subject/baseline (above 1 = slower). Latencies are per search, client side, connection open included.",
        ];
        if (_candidates.Count > 0)
            notes.Add("\"With candidate indexes\": after the first measurement these statements were run as the owner, then statistics were refreshed, " +
                      "and every kind was measured again with the same three subjects: " + string.Join("; ", _candidates) + ".");
        var plans = _results.SelectMany(r => r.Plans.Select(kv => $"{r.Phase.Database}, {r.Phase.Label}, {r.Kind!.Value.Label()}, {kv.Key}: {kv.Value}")).ToList();
        if (plans.Count > 0) notes.Add("Plans (EF's SQL under RLS, the slowest single-client query of each kind):\n" + string.Join("\n", plans.Select(p => $"  - {p}")));
        return string.Join("\n\n", notes);
    }

    private sealed record LoadResult(string Database, string Method, int Rows, TimeSpan Plain, TimeSpan Real, int Households, TimeSpan HouseholdTime, TimeSpan Analyze, string Sizes)
    {
        public double Ratio => Plain.TotalSeconds / Real.TotalSeconds;
    }

    private sealed record QueryResult(Phase Phase, int Clients, SearchKind? Kind, Measurement[] Measurements, double RowsAverage, double FullShare, int[] Worst)
    {
        /// <summary>Per EF subject: its plan in one line.</summary>
        public Dictionary<string, string> Plans { get; } = [];
    }
}

internal static class MeasurementPercentiles
{
    public static double P50(this Measurement m) => m.Percentile(0.50);
    public static double P99(this Measurement m) => m.Percentile(0.99);

    /// <summary>Nearest rank, as <see cref="Measurement.P95Ms"/>.</summary>
    public static double Percentile(this Measurement m, double p)
    {
        var sorted = m.LatenciesMs.Order().ToArray();
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
