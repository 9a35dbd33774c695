using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Jichitai.Platform;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Authenticity;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Protection;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry;
using Jichitai.Registry.Features.Certificates;
using Jichitai.Registry.Features.Certificates.Rendering;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Persistence;
using Jichitai.Registry.Residents;
using Jichitai.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Jichitai.Bench;

/// <summary>
/// End-to-end issuance of a single-page 住民票の写し as a clerk does it: 住民検索 (フリガナ + 生年月日, audited), then
/// CertificateService.IssueAsync (requester rules, 支援措置 check, settings, 発行番号, PDF, authenticity registration,
/// 交付履歴 and access-log lines in one transaction) over N generated residents. Baseline in the same run: the same
/// resident fetched by plain SQL and the same certificate rendered, with no checks, history, registration or log.
/// Issue goal: p95 under 150 ms with 50 clerks each issuing one every 2 seconds (arrivals at a fixed rate).
/// </summary>
internal sealed class CertificateIssuanceBenchmark(CertificateIssuanceOptions options, TextWriter output)
{
    private const int Tenant = 1;
    private const double GoalMs = 150;
    private readonly List<string> _rows = [];

    public async Task<int> RunAsync(CancellationToken ct)
    {
        ThreadPool.GetMinThreads(out var w, out var io);
        ThreadPool.SetMinThreads(Math.Max(w, options.Clerks + 8), Math.Max(io, options.Clerks + 8));
        var started = DateTimeOffset.Now;
        output.WriteLine($"# Certificate issuance benchmark — {started:yyyy-MM-dd HH:mm zzz}");
        output.WriteLine($"residents={options.Residents:N0}; fixed rate: {options.Clerks} clerks × one certificate every {options.IntervalMs} ms " +
                         $"= {options.Clerks * 1000.0 / options.IntervalMs:F1}/s for {options.Seconds} s; peak: closed loop with {string.Join("/", options.PeakWorkers)} workers × {options.PeakSeconds} s");
        output.WriteLine($"{Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}" +
#if DEBUG
                         ", DEBUG BUILD: numbers are not representative, use -c Release" +
#endif
                         $"; load average before: {Machine.LoadAverage()}");

        var wall = Stopwatch.StartNew();
        var data = RegistrySearchData.Generate([(Tenant, options.Residents)], new PersonalDataProtector(RandomNumberGenerator.GetBytes(32)), options.Seed);
        var restricted = data.Restrictions.Select(r => r.ResidentId).OfType<long>().ToHashSet();
        var restrictedHouseholds = data.Restrictions.Select(r => r.HouseholdId).OfType<long>().ToHashSet();
        var random = new Random(options.Seed);
        var candidates = data.Residents.Where(r => r.Status == ResidentStatus.Resident && !restricted.Contains(r.Id) && (r.HouseholdId is null || !restrictedHouseholds.Contains(r.HouseholdId.Value)))
            .OrderBy(_ => random.Next()).Take(50_000).ToArray();
        output.WriteLine($"generated {data.Residents.Length:N0} residents in {data.Households.Length:N0} households in {wall.Elapsed.TotalSeconds:F1} s; {candidates.Length:N0} request subjects drawn (not under 抑止)");

        foreach (var provider in options.Providers) await RunProviderAsync(provider, data, candidates, ct);
        output.WriteLine();
        output.WriteLine("## Results (Markdown)");
        output.WriteLine();
        output.WriteLine("| Database | Phase | Certificates | Rate /s | p50 ms | p95 ms | p99 ms | max ms | Errors | Note |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var row in _rows) output.WriteLine(row);
        output.WriteLine();
        output.WriteLine($"Total run time {(DateTimeOffset.Now - started).TotalSeconds:F0} s; load average after: {Machine.LoadAverage()}");
        return 0;
    }

    private async Task RunProviderAsync(DatabaseProvider provider, RegistrySearchData data, ResidentRow[] candidates, CancellationToken ct)
    {
        var name = provider == DatabaseProvider.PostgreSql ? "PostgreSQL" : "SQLite";
        output.WriteLine();
        output.WriteLine($"## {name}");
        await using var db = await TestDatabase.CreateAsync(provider);
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddDataProtection();
        services.AddJichitaiPlatform(db.Settings);
        services.AddRegistryModule();
        await using var sp = services.BuildServiceProvider();
        await using (var s = sp.CreateAsyncScope())
        {
            s.ServiceProvider.GetRequiredService<ITenantScopeAccessor>().Scope = TenantScope.System;
            var tenant = await s.ServiceProvider.GetRequiredService<TenantService>().CreateAsync(new TenantDraft("131016", "架空市"), AuditActor.Cli());
            if (tenant.Id != Tenant) throw new InvalidOperationException($"expected the first tenant to get id {Tenant}, got {tenant.Id}");
        }

        var load = Stopwatch.StartNew();
        var loader = RegistrySearchLoader.Create(db.Settings.Database);
        await loader.LoadResidentsAsync("registry_residents", data.Residents, ct);
        await loader.LoadHouseholdsAsync(data.Households, ct);
        foreach (var r in data.Restrictions) r.Id = 0;
        await loader.LoadRestrictionsAsync(data.Restrictions, ct);
        await loader.FinishAsync(data.NextNumbers, ct);
        await loader.AnalyzeAsync(ct);
        output.WriteLine($"loaded and analysed in {load.Elapsed.TotalSeconds:F0} s");

        var next = 0;
        ResidentRow Pick() => candidates[(Interlocked.Increment(ref next) & int.MaxValue) % candidates.Length];
        var product = new Func<int, CancellationToken, Task>((clerk, t) => IssueAsync(sp, clerk, Pick(), t));
        await using var plain = await PlainConnection.OpenAsync(db.Settings.Database, ct);
        var baseline = new Func<int, CancellationToken, Task>((_, t) => BaselineAsync(plain, Pick(), t));

        output.WriteLine("warm-up …");
        for (var i = 0; i < 100; i++) { await product(i % 4, ct); await baseline(0, ct); }

        var render = Sequential(200, () => { Render(MovementSession.Deserialize(Pick().Record)); return Task.CompletedTask; });
        Add(name, "render only (CertificateRenderer, one page)", render, "per page, no database");
        var baseSeq = Sequential(300, () => baseline(0, ct));
        Add(name, "baseline: plain SQL + render, 1 clerk", baseSeq, "");
        var prodSeq = Sequential(300, () => product(0, ct));
        Add(name, "product: search + issue, 1 clerk", prodSeq, $"p95 {prodSeq.P95 / baseSeq.P95:F1}× the baseline");

        output.WriteLine($"fixed rate: {options.Clerks} clerks × every {options.IntervalMs} ms for {options.Seconds} s …");
        var fixedRate = await FixedRateAsync(product, ct);
        Add(name, $"product at a fixed rate, {options.Clerks} clerks × 1/{options.IntervalMs / 1000.0:0.#} s", fixedRate,
            $"latency from the scheduled start; goal p95 < {GoalMs} ms: {(fixedRate.P95 < GoalMs ? "met" : "missed")}; {fixedRate.Late} started late");
        var baseRate = await FixedRateAsync(baseline, ct);
        Add(name, $"baseline at the same fixed rate", baseRate, $"product p95 {fixedRate.P95 / Math.Max(0.01, baseRate.P95):F1}× the baseline");

        foreach (var workers in options.PeakWorkers)
        {
            output.WriteLine($"peak: {workers} workers back to back for {options.PeakSeconds} s …");
            Add(name, $"peak throughput, {workers} workers back to back", await ClosedLoopAsync(product, workers, ct), "certificates per second the machine sustains");
        }
        await using var count = RegistryDatabase.Create(db.Settings.Database, TenantScope.ForTenant(Tenant));
        output.WriteLine($"交付履歴 rows written: {count.CertificateIssues.Count():N0}; load average: {Machine.LoadAverage()}");
    }

    private static async Task IssueAsync(IServiceProvider sp, int clerk, ResidentRow row, CancellationToken ct)
    {
        await using var scope = sp.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantScopeAccessor>().Scope = TenantScope.ForTenant(Tenant);
        var actor = new AuditActor(null, $"窓口{clerk:00}", $"10.0.0.{clerk % 250 + 1}");
        var record = MovementSession.Deserialize(row.Record);
        var found = await scope.ServiceProvider.GetRequiredService<ResidentQueries>().SearchAsync(new ResidentSearchRequest
        {
            Kana = record.FullNameKana, BirthDate = record.BirthDate.ToString("yyyy/M/d", CultureInfo.InvariantCulture), KanaMatch = KanaMatch.Exact,
        }, actor, false, ct);
        var subject = found.FirstOrDefault(f => f.AddresseeNumber == row.AddresseeNumber)
            ?? throw new InvalidOperationException($"search did not find {row.AddresseeNumber}");
        var issued = await scope.ServiceProvider.GetRequiredService<CertificateService>().IssueAsync(new CertificateRequest
        {
            Kind = "住民票の写し", AddresseeNumbers = [subject.AddresseeNumber], RequesterType = "本人等", RequesterName = subject.Name,
            RequesterRelation = "本人", IdentityDocument = "マイナンバーカード", AcknowledgeAlerts = true,
        }, new IssueContext(actor, false, "https://jichitai.example"), ct);
        if (issued.Pages != 1) throw new InvalidOperationException($"expected one page, got {issued.Pages}");
    }

    private static async Task BaselineAsync(PlainConnection plain, ResidentRow row, CancellationToken ct)
    {
        var json = await plain.RecordAsync(row.KanaKey, row.BirthDate, row.AddresseeNumber, ct);
        Render(MovementSession.Deserialize(json));
    }

    private static void Render(ResidentRecord record) => CertificateRenderer.Render(new CertificateInput
    {
        Kind = CertificateKind.ResidentRecordCopy, Subjects = [new CertificateSubject { Record = record }],
        Issuer = new CertificateIssuer { PrefectureName = "架空県", MunicipalityName = "架空市", MayorTitle = "市長", MayorName = "架空 太郎" },
        IssuedAt = DateTimeOffset.Now, IssueNumber = "20261127 架空市 001", VerificationCode = VerificationCode.NewCode(), VerifyUrl = "https://jichitai.example/verify",
    });

    private sealed record Result(int Count, double Seconds, double[] Sorted, int Errors, int Late)
    {
        public double P50 => At(0.50);
        public double P95 => At(0.95);
        public double P99 => At(0.99);
        public double Max => Sorted.Length == 0 ? double.NaN : Sorted[^1];
        private double At(double p) => Sorted.Length == 0 ? double.NaN : Sorted[Math.Clamp((int)Math.Ceiling(p * Sorted.Length) - 1, 0, Sorted.Length - 1)];
        public static Result Of(IEnumerable<double> latencies, double seconds, int errors, int late = 0)
        {
            var sorted = latencies.Order().ToArray();
            return new Result(sorted.Length, seconds, sorted, errors, late);
        }
    }

    private static Result Sequential(int count, Func<Task> op)
    {
        var latencies = new double[count];
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var t = Stopwatch.GetTimestamp();
            op().GetAwaiter().GetResult();
            latencies[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }
        return Result.Of(latencies, wall.Elapsed.TotalSeconds, 0);
    }

    /// <summary>
    /// Each clerk starts at a random offset and then every interval, whatever the previous one took (open arrivals); a
    /// late start is measured from when it should have started, so queueing shows in the latency (no coordinated omission).
    /// </summary>
    private async Task<Result> FixedRateAsync(Func<int, CancellationToken, Task> op, CancellationToken ct)
    {
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var errors = 0;
        var late = 0;
        var random = new Random(options.Seed);
        var offsets = Enumerable.Range(0, options.Clerks).Select(_ => random.NextDouble() * options.IntervalMs).ToArray();
        var clock = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(options.Seconds);
        var tasks = Enumerable.Range(0, options.Clerks).Select(clerk => Task.Run(async () =>
        {
            for (var k = 0; ; k++)
            {
                var due = TimeSpan.FromMilliseconds(offsets[clerk] + k * (double)options.IntervalMs);
                if (due >= end) break;
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
                else if (wait < TimeSpan.FromMilliseconds(-5)) Interlocked.Increment(ref late);
                try { await op(clerk, ct); latencies.Add((clock.Elapsed - due).TotalMilliseconds); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    if (Interlocked.Increment(ref errors) <= 3) output.WriteLine($"   error: {e.GetType().Name}: {e.Message}");
                }
            }
        }, ct)).ToArray();
        await Task.WhenAll(tasks);
        return Result.Of(latencies, clock.Elapsed.TotalSeconds, errors, late);
    }

    private async Task<Result> ClosedLoopAsync(Func<int, CancellationToken, Task> op, int workers, CancellationToken ct)
    {
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(options.PeakSeconds);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            while (clock.Elapsed < end)
            {
                var t = Stopwatch.GetTimestamp();
                try { await op(worker, ct); latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    if (Interlocked.Increment(ref errors) <= 3) output.WriteLine($"   error: {e.GetType().Name}: {e.Message}");
                }
            }
        }, ct)));
        return Result.Of(latencies, clock.Elapsed.TotalSeconds, errors);
    }

    private void Add(string database, string phase, Result r, string note)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"| {database} | {phase} | {r.Count:N0} | {r.Count / r.Seconds:F1} | {r.P50:F1} | {r.P95:F1} | {r.P99:F1} | {r.Max:F1} | {r.Errors} | {note} |");
        _rows.Add(line);
        output.WriteLine(line);
    }


    /// <summary>The baseline's database access: one prepared statement on one open connection, as the owner (no RLS, no EF).</summary>
    private sealed class PlainConnection(DbConnection connection) : IAsyncDisposable
    {
        private readonly SemaphoreSlim _gate = new(1, 1);

        public static async Task<PlainConnection> OpenAsync(DatabaseLocation location, CancellationToken ct)
        {
            DbConnection c = location.Provider == DatabaseProvider.PostgreSql
                ? new NpgsqlConnection(location.ConnectionString)
                : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = location.SqliteFile, Mode = SqliteOpenMode.ReadOnly }.ToString());
            await c.OpenAsync(ct);
            return new PlainConnection(c);
        }

        public async Task<string> RecordAsync(string kanaKey, DateOnly birthDate, string addresseeNumber, CancellationToken ct)
        {
            await _gate.WaitAsync(ct);
            try
            {
                await using var cmd = connection.CreateCommand();
                cmd.CommandText = "SELECT record FROM registry_residents WHERE tenant_id = 1 AND birth_date = @b AND kana_key = @k AND addressee_number = @a";
                Add(cmd, "b", connection is NpgsqlConnection ? birthDate : birthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                Add(cmd, "k", kanaKey);
                Add(cmd, "a", addresseeNumber);
                return (string)(await cmd.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException("baseline: resident not found"));
            }
            finally { _gate.Release(); }
        }

        private static void Add(DbCommand cmd, string name, object value)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }

        public async ValueTask DisposeAsync() => await connection.DisposeAsync();
    }
}
