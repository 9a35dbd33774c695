using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Jichitai.Platform;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Jichitai.Bench;

/// <summary>
/// The tamper-evident audit log against the cost floor of a durable per-row insert (and of a plain read),
/// on a fresh migrated database per provider, all in one process run.
/// </summary>
internal sealed class AuditBenchmark(AuditBenchOptions options, TextWriter output)
{
    // Chain ids: subject (the real audit log, chain = tenant id) and baseline rows never share a chain.
    private const int SubjectSingleChain = 1, SubjectContendedChain = 2, SubjectSpreadFirstChain = 11;
    private const int BaselineSingleChain = 101, BaselineContendedChain = 102, BaselineSpreadFirstChain = 111;
    private const int VerifyChain = 900;
    /// <summary>Alternating baseline/subject rounds per scenario.</summary>
    private const int Rounds = 4;

    private readonly List<ScenarioResult> _results = [];
    private readonly List<string> _environment = [];
    private bool _postgresFsyncOff;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        // Writers block (row locks, SQLite's busy wait): give the pool enough threads up front so that
        // thread injection on a 2-core machine does not show up as latency.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, options.Writers * 4), Math.Max(io, options.Writers * 4));

        var started = DateTimeOffset.Now;
        output.WriteLine($"# Audit log benchmark — {started:yyyy-MM-dd HH:mm zzz}");
        output.WriteLine($"count={options.Count} per insert scenario, warm-up={options.Warmup}, writers={options.Writers}, " +
                         $"verify chain={options.VerifyEntries} entries × {options.VerifyPasses} passes");
        output.WriteLine($"{Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, " +
                         $"{(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC" +
#if DEBUG
                         ", DEBUG BUILD: numbers are not representative, use -c Release" +
#endif
                         "");
        var loadBefore = Machine.LoadAverage();
        output.WriteLine($"load average before the run: {loadBefore} (other work on the machine adds noise)");
        output.WriteLine();

        foreach (var provider in options.Providers) await RunProviderAsync(provider, ct);
        _environment.Insert(0, $"{Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; " +
                               $"count={options.Count} appends per scenario after {options.Warmup} warm-up, {options.Writers} writers, " +
                               $"verify chain {options.VerifyEntries:N0} entries × {options.VerifyPasses} passes; run {started:yyyy-MM-dd HH:mm zzz}, " +
                               $"load average before {loadBefore}, after {Machine.LoadAverage()}");

        List<string> notes =
        [
            "Ratios: throughput subject/baseline (below 1 = slower) and mean latency subject/baseline (above 1 = slower).",
        ];
        if (_postgresFsyncOff)
            notes.Add("NOTE: the throwaway PostgreSQL runs with fsync=off, synchronous_commit=off, full_page_writes=off: absolute " +
                      "write numbers are flattered (no WAL flush per commit); compare the ratio against the baseline of the same run.");
        var markdown = string.Join('\n', _environment.Select(l => $"- {l}")) + "\n\n" + MarkdownTable() + "\n\n" + string.Join("\n\n", notes) + "\n";
        output.WriteLine();
        output.WriteLine("## Results (Markdown)");
        output.WriteLine();
        output.Write(markdown);
        output.WriteLine();
        output.WriteLine($"Total run time: {(DateTimeOffset.Now - started).TotalSeconds:F0} s");
        if (options.MarkdownFile is { } file)
        {
            await File.WriteAllTextAsync(file.FullName, markdown, ct);
            output.WriteLine($"Markdown written to {file.FullName}");
        }
        return 0;
    }

    private async Task RunProviderAsync(DatabaseProvider provider, CancellationToken ct)
    {
        var name = provider == DatabaseProvider.PostgreSql ? "PostgreSQL" : "SQLite";
        output.WriteLine($"## {name}: creating a fresh migrated database …");
        await using var db = await TestDatabase.CreateAsync(provider);
        var environment = await DescribeAsync(db.Settings, ct);
        _environment.Add($"{name}: {environment}");
        output.WriteLine($"   {environment}");
        output.WriteLine($"   load average: {Machine.LoadAverage()}");

        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddDataProtection();
        services.AddJichitaiPlatform(db.Settings);
        await using var sp = services.BuildServiceProvider();
        var audit = sp.GetRequiredService<IAuditLog>();
        var verifier = sp.GetRequiredService<AuditVerifier>();
        await using var plain = PlainAuditTable.Create(db.Settings);

        // Precomputed dummy hashes for the baseline: it pays for no hashing at all.
        var total = options.Warmup + options.Count;
        var hashes = Enumerable.Range(0, total).Select(_ => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))).ToArray();
        var baselineSeq = new long[1000];
        Task Baseline(int chainId, int i, CancellationToken token)
        {
            var seq = Interlocked.Increment(ref baselineSeq[chainId]);
            return plain.InsertAsync(chainId, seq, i == 0 ? AuditHashing.Genesis : hashes[i - 1], hashes[i], i, token);
        }
        Task Subject(int tenantId, int i, CancellationToken token) =>
            audit.AppendAsync(tenantId, SampleAccess.Actor, SampleAccess.Record(i), token);

        var w = options.Writers;
        await CompareAsync(name, "append, 1 writer", 1, 1,
            (_, i, t) => Baseline(BaselineSingleChain, i, t),
            (_, i, t) => Subject(SubjectSingleChain, i, t), ct);
        await CompareAsync(name, $"append, {w} writers, 1 tenant chain", w, 1,
            (_, i, t) => Baseline(BaselineContendedChain, i, t),
            (_, i, t) => Subject(SubjectContendedChain, i, t), ct);
        await CompareAsync(name, $"append, {w} writers, {w} tenant chains", w, 1,
            (writer, i, t) => Baseline(BaselineSpreadFirstChain + writer, i, t),
            (writer, i, t) => Subject(SubjectSpreadFirstChain + writer, i, t), ct);

        // The concurrent appends must have produced intact chains, or the numbers mean nothing.
        int[] written = [SubjectSingleChain, SubjectContendedChain, .. Enumerable.Range(SubjectSpreadFirstChain, w)];
        long appended = 0;
        foreach (var chain in written)
        {
            var report = await verifier.VerifyChainAsync(chain, $"chain {chain}", ct);
            if (!report.Ok) throw new InvalidOperationException($"{name}: chain {chain} is broken after the run: {report.Problem}");
            appended += report.Entries;
        }
        var expected = 3L * total;
        if (appended != expected) throw new InvalidOperationException($"{name}: {appended} entries in the subject chains, expected {expected}");
        output.WriteLine($"   check: {written.Length} subject chains intact, {appended} entries");

        // Verification: one chain of N real entries, walked by the verifier and by a plain SELECT.
        var n = options.VerifyEntries;
        await BuildChainAsync(db.Settings, VerifyChain, n, ct);
        await CompareAsync(name, $"verify a chain of {n:N0} entries (entries/s; latency = one pass)", 1, n,
            async (_, _, t) =>
            {
                var rows = await plain.ReadChainAsync(VerifyChain, t);
                if (rows != n) throw new InvalidOperationException($"read {rows} rows, expected {n}");
            },
            async (_, _, t) =>
            {
                var report = await verifier.VerifyChainAsync(VerifyChain, "bench", t);
                if (!report.Ok || report.Entries != n) throw new InvalidOperationException($"verification failed: {report.Problem} ({report.Entries} entries)");
            }, ct, warmup: 1, count: options.VerifyPasses);
        output.WriteLine();
    }

    /// <summary>
    /// Warms both variants up, then measures them in alternating rounds (baseline, subject, baseline, subject, …)
    /// so that a slow drift of the machine (other load, a growing table) affects both alike.
    /// </summary>
    private async Task CompareAsync(string database, string scenario, int writers, double unitsPerOp,
        Func<int, int, CancellationToken, Task> baseline, Func<int, int, CancellationToken, Task> subject,
        CancellationToken ct, int? warmup = null, int? count = null)
    {
        var wu = warmup ?? options.Warmup;
        var n = count ?? options.Count;
        var rounds = Math.Clamp(n / writers, 1, Rounds);
        await Runner.WarmUpAsync(writers, 0, wu, baseline, ct);
        await Runner.WarmUpAsync(writers, 0, wu, subject, ct);
        List<Measurement> bs = [], ss = [];
        for (int r = 0, done = 0; r < rounds; r++)
        {
            var share = n / rounds + (r < n % rounds ? 1 : 0);
            bs.Add(await Runner.MeasureAsync("baseline", writers, wu + done, share, unitsPerOp, baseline, ct));
            ss.Add(await Runner.MeasureAsync("audit log", writers, wu + done, share, unitsPerOp, subject, ct));
            done += share;
        }
        var b = Measurement.Combine(bs);
        var s = Measurement.Combine(ss);
        Print(scenario, b);
        Print(scenario, s);
        var result = new ScenarioResult(database, scenario, b, s);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   {"",-48} subject/baseline: throughput {result.ThroughputRatio:F2}×, mean latency {result.LatencyRatio:F2}× ({rounds} alternating rounds)"));
        _results.Add(result);
    }

    private void Print(string scenario, Measurement m) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   {scenario,-48} {m.Label,-9} {m.PerSecond,10:N0} /s   mean {m.MeanMs,8:F2} ms   p95 {m.P95Ms,8:F2} ms   max {m.MaxMs,8:F1} ms   ({m.Operations} ops, {m.Elapsed.TotalSeconds:F1} s)"));

    /// <summary>A valid chain of <paramref name="n"/> entries written in bulk through EF (setup, not measured).</summary>
    private static async Task BuildChainAsync(PlatformSettings settings, int chainId, int n, CancellationToken ct)
    {
        await using var db = PlatformDatabase.Create(settings.Database, TenantScope.System);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var prev = AuditHashing.Genesis;
        var at = AuditHashing.Truncate(DateTime.UtcNow.AddDays(-1));
        for (var i = 1; i <= n; i++)
        {
            var record = SampleAccess.Record(i);
            var e = new AuditEntry
            {
                ChainId = chainId, Seq = i, At = at.AddTicks(i * 10L), TenantId = chainId,
                ActorId = SampleAccess.Actor.Id, ActorName = SampleAccess.Actor.Name, ClientAddress = SampleAccess.Actor.ClientAddress,
                Action = record.Action, Outcome = record.Outcome, TargetType = record.TargetType, TargetId = record.TargetId,
                SubjectId = record.SubjectId, Reason = record.Reason, Detail = record.Detail, PrevHash = prev, Hash = "",
            };
            e.Hash = AuditHashing.Compute(e);
            prev = e.Hash;
            db.AuditEntries.Add(e);
            if (i % 2000 == 0 || i == n)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        db.AuditChainHeads.Add(new AuditChainHead { ChainId = chainId, LastSeq = n, LastHash = prev });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private async Task<string> DescribeAsync(PlatformSettings settings, CancellationToken ct)
    {
        if (settings.Database.Provider == DatabaseProvider.PostgreSql)
        {
            await using var conn = new NpgsqlConnection(settings.Database.ConnectionString);
            await conn.OpenAsync(ct);
            async Task<string> Scalar(string sql)
            {
                await using var cmd = new NpgsqlCommand(sql, conn);
                return Convert.ToString(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) ?? "";
            }
            var version = (await Scalar("SELECT version()")).Split(" on ")[0];
            var fsync = await Scalar("SHOW fsync");
            _postgresFsyncOff |= fsync == "off";
            return $"{version} on 127.0.0.1 (throwaway server of Jichitai.Testing), fsync={fsync}, " +
                   $"synchronous_commit={await Scalar("SHOW synchronous_commit")}, full_page_writes={await Scalar("SHOW full_page_writes")}" +
                   (fsync == "off" ? " (no WAL flush per commit: absolute write numbers are flattered)" : "");
        }
        else
        {
            await using var conn = new SqliteConnection(settings.Database.ConnectionString);
            await conn.OpenAsync(ct);
            string Scalar(string sql)
            {
                using var cmd = new SqliteCommand(sql, conn);
                return Convert.ToString(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
            }
            var synchronous = Scalar("PRAGMA synchronous") switch { "0" => "OFF", "1" => "NORMAL", "2" => "FULL", "3" => "EXTRA", var s => s };
            return $"SQLite {Scalar("SELECT sqlite_version()")}, journal_mode={Scalar("PRAGMA journal_mode")}, synchronous={synchronous}, " +
                   $"file on {FileSystemOf(settings.Database.SqliteFile!)} (fsync per commit)";
        }
    }


    /// <summary>The file system type of the longest mount point containing <paramref name="path"/> (Linux), for the record.</summary>
    private static string FileSystemOf(string path)
    {
        try
        {
            var best = File.ReadAllLines("/proc/mounts").Select(l => l.Split(' ')).Where(p => p.Length > 2)
                .Where(p => path.StartsWith(p[1].TrimEnd('/') + "/", StringComparison.Ordinal) || p[1] == "/")
                .MaxBy(p => p[1].Length);
            return best is null ? "unknown file system" : $"{best[2]} ({best[0]})";
        }
        catch (IOException) { return "unknown file system"; }
        catch (UnauthorizedAccessException) { return "unknown file system"; }
    }

    private string MarkdownTable()
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine("| Database | Scenario | Baseline ops/s | Baseline mean / p95 / max ms | Audit log ops/s | Audit log mean / p95 / max ms | Throughput subject/baseline | Mean latency subject/baseline |");
        sb.Append("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in _results)
        {
            sb.AppendLine();
            sb.Append(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Database} | {r.Scenario} | {r.Baseline.PerSecond:N0} | {r.Baseline.MeanMs:F2} / {r.Baseline.P95Ms:F2} / {r.Baseline.MaxMs:F0} | " +
                $"{r.Subject.PerSecond:N0} | {r.Subject.MeanMs:F2} / {r.Subject.P95Ms:F2} / {r.Subject.MaxMs:F0} | {r.ThroughputRatio:F2}× | {r.LatencyRatio:F2}× |"));
        }
        return sb.ToString();
    }

    private sealed record ScenarioResult(string Database, string Scenario, Measurement Baseline, Measurement Subject)
    {
        public double ThroughputRatio => Subject.PerSecond / Baseline.PerSecond;
        public double LatencyRatio => Subject.MeanMs / Baseline.MeanMs;
    }
}
