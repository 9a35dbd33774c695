using System.Data.Common;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Jichitai.Linkage.Consumers;
using Jichitai.Linkage.Delivery;
using Jichitai.Linkage.Persistence;
using Jichitai.Platform.Linkage;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Protection;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Residents;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Jichitai.Bench;

internal sealed record LinkageBenchOptions(int Events, double Rate, int Seconds, int Workers, int Residents, DatabaseProvider[] Providers, string Only, int? BatchSize);

/// <summary>
/// 連携 (issue 6). Drain: N 住民異動 events in the outbox, one LinkageDispatcher delivers them to a webhook receiver on
/// loopback that verifies every signature; baseline in the same run: the same events read by a plain SELECT in batches of
/// the same size and posted raw with a plain HttpClient (no filter, signature, lease, cursor or access log).
/// Steady load: real 転居 committed at a fixed rate by concurrent writers, the dispatcher running in the same process;
/// latency per event = receive time − the event's committedAt. Goal: p95 &lt; 1 s at 500 異動/s.
/// </summary>
internal sealed class LinkageBenchmark(LinkageBenchOptions options, TextWriter output)
{
    /// <summary>What a typical consumer (e.g. 税務) is granted: ten items, no 個人番号, no 支援措置.</summary>
    private static readonly string[] GrantedItems =
        ["status", "name", "nameKana", "birthDate", "gender", "relationship", "postalCode", "addressCode", "address", "addressSetOn"];
    private const int WriteBatch = 1000;
    private readonly List<string> _drainRows = [];
    private readonly List<string> _steadyRows = [];
    private LinkageReceiver _receiver = null!;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        ThreadPool.GetMinThreads(out var w, out var io);
        ThreadPool.SetMinThreads(Math.Max(w, options.Workers + 8), Math.Max(io, options.Workers + 8));
        var started = DateTimeOffset.Now;
        var defaults = new LinkageOptions();
        if (options.BatchSize is int b) output.WriteLine($"BatchSize overridden: {b} (product default {defaults.BatchSize})");
        output.WriteLine($"# Linkage benchmark — {started:yyyy-MM-dd HH:mm zzz}");
        output.WriteLine($"drain: {options.Events:N0} events; steady: {options.Rate:N0} 異動/s for {options.Seconds} s with {options.Workers} writers over {options.Residents:N0} generated residents");
        output.WriteLine($"LinkageOptions defaults: BatchSize {defaults.BatchSize}, BatchesPerTurn {defaults.BatchesPerTurn}, PollInterval {defaults.PollInterval.TotalMilliseconds} ms, Parallelism {defaults.Parallelism}");
        output.WriteLine($"{Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}" +
#if DEBUG
                         ", DEBUG BUILD: numbers are not representative, use -c Release" +
#endif
                         $"; load average before: {Machine.LoadAverage()}");
        await using var receiver = await LinkageReceiver.StartAsync();
        _receiver = receiver;
        foreach (var provider in options.Providers)
        {
            if (options.Only is "drain" or "both") await DrainAsync(provider, ct);
            if (options.Only is "steady" or "both") await SteadyAsync(provider, ct);
        }

        output.WriteLine();
        output.WriteLine("## Results (Markdown)");
        if (_drainRows.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("| Database | Drain of the outbox | Events | Wall s | Events/s | Bytes/batch | Ratio (time) |");
            output.WriteLine("|---|---|---:|---:|---:|---:|---:|");
            foreach (var row in _drainRows) output.WriteLine(row);
        }
        if (_steadyRows.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("| Database | Target 異動/s | Seconds | 異動 committed | Achieved 異動/s | Events | Events/s | Rate held | Latency from committedAt p50 / p95 / p99 / max ms | From commit return p50 / p95 ms | Errors |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|");
            foreach (var row in _steadyRows) output.WriteLine(row);
        }
        output.WriteLine();
        output.WriteLine($"Total run time {(DateTimeOffset.Now - started).TotalSeconds:F0} s; load average after: {Machine.LoadAverage()}");
        return 0;
    }

    private static string Name(DatabaseProvider p) => p == DatabaseProvider.PostgreSql ? "PostgreSQL" : "SQLite";

    // ---------------------------------------------------------------- drain

    private async Task DrainAsync(DatabaseProvider provider, CancellationToken ct)
    {
        output.WriteLine();
        output.WriteLine($"## Drain — {Name(provider)}");
        await using var host = await LinkageBenchHost.CreateAsync(provider, options.BatchSize);
        var settings = host.Database.Settings;

        // Real events first: 転入 of three families and the 転居 of each household (one event per person).
        var families = new[] { ("山田", "ヤマダ"), ("佐藤", "サトウ"), ("髙橋", "タカハシ") };
        var households = new List<string>();
        for (var i = 0; i < families.Length; i++)
            households.Add((await host.MoveInFamilyAsync(families[i].Item1, families[i].Item2, $"{i + 1}番{i + 1}号")).HouseholdNumbers[0]);
        for (var i = 0; i < households.Count; i++) await host.RelocateAsync(households[i], $"{i + 10}番1号");
        List<IntegrationEvent> templates;
        await using (var platform = PlatformDatabase.Create(settings.Database, TenantScope.ForTenant(host.TenantId)))
            templates = await platform.IntegrationEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(ct);
        output.WriteLine($"{templates.Count} real events from 3 転入 and 3 転居 (payload {templates.Min(t => Encoding.UTF8.GetByteCount(t.Payload)):N0}–{templates.Max(t => Encoding.UTF8.GetByteCount(t.Payload)):N0} bytes); " +
                         $"{options.Events - templates.Count:N0} more are copies of them with another 宛名番号, appended by IntegrationEventOutbox.AppendWithinAsync, {WriteBatch} per transaction");

        var write = Stopwatch.StartNew();
        for (var first = templates.Count; first < options.Events; first += WriteBatch)
        {
            var drafts = Enumerable.Range(first, Math.Min(WriteBatch, options.Events - first)).Select(i =>
            {
                var t = templates[i % templates.Count];
                var number = (900_000_000_000 + i).ToString("D" + t.SubjectKey.Length, System.Globalization.CultureInfo.InvariantCulture)[^t.SubjectKey.Length..];
                return new IntegrationEventDraft(t.Type, t.SchemaVersion, number, t.Payload.Replace($"\"{t.SubjectKey}\"", $"\"{number}\"", StringComparison.Ordinal));
            }).ToList();
            await using var platform = PlatformDatabase.Create(settings.Database, TenantScope.ForTenant(host.TenantId));
            await using var tx = await platform.Database.BeginTransactionAsync(ct);
            await IntegrationEventOutbox.AppendWithinAsync(platform, host.TenantId, drafts, ct);
            await tx.CommitAsync(ct);
        }
        output.WriteLine($"outbox written in {write.Elapsed.TotalSeconds:F1} s ({options.Events / write.Elapsed.TotalSeconds:N0} events/s)");
        if (provider == DatabaseProvider.PostgreSql) await using (var c = new NpgsqlConnection(settings.Database.ConnectionString)) { await c.OpenAsync(ct); await new NpgsqlCommand("VACUUM ANALYZE platform_integration_events", c).ExecuteNonQueryAsync(ct); }

        var dispatcher = host.Services.GetRequiredService<LinkageDispatcher>();
        var batchSize = host.Services.GetRequiredService<LinkageOptions>().BatchSize;
        // Warm-up (not timed): JIT, pools and EF caches on both paths, over the last 2,000 events.
        var warm = Math.Min(2_000, options.Events);
        var warmConsumer = await host.AddWebhookConsumerAsync("ウォームアップ", _receiver.HookUrl, GrantedItems, options.Events - warm);
        _receiver.Reset();
        _receiver.Secret = warmConsumer.WebhookSecret;
        await DispatchUntilAsync(host, dispatcher, warmConsumer.Consumer.Id, options.Events, warm, ct);
        await BaselineAsync(settings.Database, host.TenantId, options.Events - warm, batchSize, ct);

        _receiver.Reset();
        var baseline = await BaselineAsync(settings.Database, host.TenantId, 0, batchSize, ct);
        var baseBytes = _receiver.Bytes / (double)Math.Max(1, _receiver.Batches);
        if (_receiver.Events != options.Events) throw new InvalidOperationException($"baseline delivered {_receiver.Events}, expected {options.Events}");
        output.WriteLine($"baseline: {baseline.TotalSeconds:F2} s, {_receiver.Batches:N0} batches, {baseBytes:N0} bytes per batch");

        _receiver.Reset();
        var consumer = await host.AddWebhookConsumerAsync("税務システム", _receiver.HookUrl, GrantedItems, 0);
        _receiver.Secret = consumer.WebhookSecret;
        GC.Collect();
        var elapsed = await DispatchUntilAsync(host, dispatcher, consumer.Consumer.Id, options.Events, options.Events, ct);
        var bytes = _receiver.Bytes / (double)Math.Max(1, _receiver.Batches);
        output.WriteLine($"dispatcher: {elapsed.TotalSeconds:F2} s, {_receiver.Batches:N0} batches, {bytes:N0} bytes per batch; bad signatures {_receiver.BadSignatures}; received {_receiver.Events:N0}");
        if (_receiver.BadSignatures != 0 || _receiver.Events != options.Events)
            throw new InvalidOperationException($"expected {options.Events} correctly signed events, got {_receiver.Events} and {_receiver.BadSignatures} bad signatures");

        await BreakdownAsync(host, consumer.Consumer.Id, Math.Min(options.Events, 20_000), batchSize, ct);

        var n = Name(provider);
        _drainRows.Add($"| {n} | LinkageDispatcher (filter to {GrantedItems.Length} items, sign, lease, cursor, access log) | {options.Events:N0} | {elapsed.TotalSeconds:F1} | {options.Events / elapsed.TotalSeconds:N0} | {bytes:N0} | **{elapsed / baseline:F2}×** |");
        _drainRows.Add($"| {n} | baseline: plain SELECT of the raw payloads + plain POST, batches of {batchSize} | {options.Events:N0} | {baseline.TotalSeconds:F1} | {options.Events / baseline.TotalSeconds:N0} | {baseBytes:N0} | 1.00× |");
    }

    /// <summary>
    /// Where the dispatcher's time goes: the product's own steps of one batch, each timed alone and in sequence over the
    /// first <paramref name="events"/> events (read through EF under the system scope, shape, serialise and sign, the
    /// access-log append, the fenced cursor update). The POST itself is what the baseline also pays.
    /// </summary>
    private async Task BreakdownAsync(LinkageBenchHost host, long consumerId, int events, int batchSize, CancellationToken ct)
    {
        var settings = host.Database.Settings;
        var filter = host.Services.GetRequiredService<PayloadFilter>();
        var audit = host.Services.GetRequiredService<Jichitai.Platform.Audit.IAuditLog>();
        ConsumerRow consumer;
        await using (var db = LinkageDatabase.Create(settings.Database, TenantScope.System))
            consumer = await db.Consumers.AsNoTracking().SingleAsync(c => c.Id == consumerId, ct);
        var batches = new List<List<IntegrationEvent>>();
        var read = Stopwatch.StartNew();
        for (long after = 0; after < events;)
        {
            await using var platform = PlatformDatabase.Create(settings.Database, TenantScope.System);
            var batch = await IntegrationEventOutbox.ReadAsync(platform, host.TenantId, after, batchSize, ct);
            if (batch.Count == 0) break;
            batches.Add(batch);
            after = batch[^1].Sequence;
        }
        read.Stop();
        var shape = TimeSpan.Zero;
        var sign = TimeSpan.Zero;
        var json = new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        foreach (var batch in batches)
        {
            var t0 = Stopwatch.GetTimestamp();
            var grant = filter.GrantOf(consumer);
            var shaped = batch.Select(e => filter.Shape(e, "131016", grant)).ToList();
            var t1 = Stopwatch.GetTimestamp();
            var body = new System.Text.Json.Nodes.JsonObject { ["tenant"] = "131016", ["consumer"] = consumer.Name, ["events"] = new System.Text.Json.Nodes.JsonArray(shaped.Cast<System.Text.Json.Nodes.JsonNode?>().ToArray()) };
            var bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(body, json);
            WebhookSignature.Sign("secret-of-the-consumer", DateTimeOffset.UtcNow.ToUnixTimeSeconds(), bytes);
            shape += Stopwatch.GetElapsedTime(t0, t1);
            sign += Stopwatch.GetElapsedTime(t1);
        }
        var log = Stopwatch.StartNew();
        foreach (var batch in batches)
            await audit.AppendAsync(host.TenantId, new Jichitai.Platform.Audit.AuditActor(null, "linkage:dispatcher", "bench"), new Jichitai.Platform.Audit.AuditRecord(
                Jichitai.Platform.Audit.AuditActions.LinkageDelivery, TargetType: "linkage.consumer", TargetId: consumerId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Detail: $"{consumer.Name}: 連番 {batch[0].Sequence}–{batch[^1].Sequence} ({batch.Count}件) 内訳の計測"), ct);
        log.Stop();
        var cursor = Stopwatch.StartNew();
        foreach (var batch in batches)
        {
            await using var db = LinkageDatabase.Create(settings.Database, TenantScope.System);
            var now = DateTime.UtcNow;
            await db.Consumers.Where(c => c.Id == consumerId && c.Cursor == consumer.Cursor)
                .ExecuteUpdateAsync(x => x.SetProperty(c => c.LastDeliveredAt, now).SetProperty(c => c.FailedAttempts, 0), ct);
        }
        cursor.Stop();
        var total = read.Elapsed + shape + sign + log.Elapsed + cursor.Elapsed;
        string Part(string label, TimeSpan t) => $"{label} {t.TotalSeconds * 1000 / batches.Count:F1} ms ({t / total:P0})";
        output.WriteLine($"breakdown per batch of {batchSize} ({batches.Count} batches, steps run alone): {Part("EF read", read.Elapsed)}, {Part("shape (parse + grant filter)", shape)}, " +
                         $"{Part("serialise + sign", sign)}, {Part("access-log append", log.Elapsed)}, {Part("cursor update", cursor.Elapsed)}; sum {total.TotalSeconds * 1000 / batches.Count:F1} ms");
    }

    /// <summary>Runs the dispatcher until the consumer's cursor reaches <paramref name="target"/>; returns the wall time.</summary>
    private async Task<TimeSpan> DispatchUntilAsync(LinkageBenchHost host, LinkageDispatcher dispatcher, long consumerId, long target, long received, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var watch = Stopwatch.StartNew();
        var run = dispatcher.RunAsync(cts.Token);
        try
        {
            while (true)
            {
                // The receiver's count first (no database load while it runs), then the cursor, which moves after the 200.
                while (Interlocked.Read(ref _receiver.Events) < received && watch.Elapsed < TimeSpan.FromMinutes(15)) await Task.Delay(5, ct);
                await using var db = LinkageDatabase.Create(host.Database.Settings.Database, TenantScope.System);
                var c = await db.Consumers.AsNoTracking().SingleAsync(x => x.Id == consumerId, ct);
                if (c.Cursor >= target) return watch.Elapsed;
                if (c.LastError is not null) throw new InvalidOperationException($"delivery failed: {c.LastError}");
                if (watch.Elapsed > TimeSpan.FromMinutes(15)) throw new TimeoutException("the dispatcher did not finish in 15 minutes");
                await Task.Delay(5, ct);
            }
        }
        finally
        {
            await cts.CancelAsync();
            await run;
        }
    }

    /// <summary>
    /// Baseline: the events after <paramref name="after"/> read with a plain keyset SELECT (the login role: no EF, no row-level
    /// security) in batches of the dispatcher's size, each batch posted as {"events":[raw payload,…]} with a plain HttpClient.
    /// </summary>
    private async Task<TimeSpan> BaselineAsync(DatabaseLocation location, int tenantId, long after, int batchSize, CancellationToken ct)
    {
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        var watch = Stopwatch.StartNew();
        await using DbConnection conn = location.Provider == DatabaseProvider.PostgreSql ? new NpgsqlConnection(location.ConnectionString) : new SqliteConnection(location.ConnectionString);
        await conn.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT sequence, payload FROM platform_integration_events WHERE tenant_id = @t AND sequence > @a ORDER BY sequence LIMIT @n";
        var t = cmd.CreateParameter(); t.ParameterName = "@t"; t.Value = tenantId; cmd.Parameters.Add(t);
        var a = cmd.CreateParameter(); a.ParameterName = "@a"; a.Value = after; cmd.Parameters.Add(a);
        var n = cmd.CreateParameter(); n.ParameterName = "@n"; n.Value = batchSize; cmd.Parameters.Add(n);
        var body = new StringBuilder();
        while (true)
        {
            a.Value = after;
            body.Clear().Append("{\"events\":[");
            var count = 0;
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct))
                {
                    if (count++ > 0) body.Append(',');
                    after = reader.GetInt64(0);
                    body.Append(reader.GetString(1));
                }
            if (count == 0) break;
            body.Append("]}");
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToString()));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var response = await http.PostAsync(_receiver.PlainUrl, content, ct);
            response.EnsureSuccessStatusCode();
            if (count < batchSize) break;
        }
        return watch.Elapsed;
    }

    // ---------------------------------------------------------------- steady load

    private async Task SteadyAsync(DatabaseProvider provider, CancellationToken ct)
    {
        output.WriteLine();
        output.WriteLine($"## Steady load — {Name(provider)}");
        await using var host = await LinkageBenchHost.CreateAsync(provider, options.BatchSize);
        if (host.TenantId != 1) throw new InvalidOperationException($"expected tenant id 1, got {host.TenantId}");
        var setup = Stopwatch.StartNew();
        var data = RegistrySearchData.Generate([(host.TenantId, options.Residents)], new PersonalDataProtector(RandomNumberGenerator.GetBytes(32)), 1);
        var loader = RegistrySearchLoader.Create(host.Database.Settings.Database);
        await loader.LoadResidentsAsync("registry_residents", data.Residents, ct);
        await loader.LoadHouseholdsAsync(data.Households, ct);
        foreach (var r in data.Restrictions) r.Id = 0;
        await loader.LoadRestrictionsAsync(data.Restrictions, ct);
        await loader.FinishAsync(data.NextNumbers, ct);
        await loader.AnalyzeAsync(ct);
        // Households whose members are all current residents and none under 支援措置 (a 転居 of those needs no extra step).
        var restricted = data.Restrictions.Select(r => r.ResidentId).OfType<long>().ToHashSet();
        var restrictedHouseholds = data.Restrictions.Select(r => r.HouseholdId).OfType<long>().ToHashSet();
        var numbers = data.Households.ToDictionary(h => h.Id, h => h.HouseholdNumber);
        var random = new Random(1);
        var households = data.Residents.Where(r => r.HouseholdId is long).GroupBy(r => r.HouseholdId!.Value)
            .Where(g => g.All(r => r.Status == ResidentStatus.Resident && !restricted.Contains(r.Id)) && !restrictedHouseholds.Contains(g.Key))
            .Select(g => numbers[g.Key]).OrderBy(_ => random.Next()).ToArray();
        output.WriteLine($"generated and loaded {data.Residents.Length:N0} residents in {data.Households.Length:N0} households in {setup.Elapsed.TotalSeconds:F0} s; {households.Length:N0} households eligible to move");

        var consumer = await host.AddWebhookConsumerAsync("税務システム", _receiver.HookUrl, GrantedItems, null);
        _receiver.Reset();
        _receiver.Secret = consumer.WebhookSecret;
        var dispatcher = host.Services.GetRequiredService<LinkageDispatcher>();
        var next = 0;
        int Next() => Interlocked.Increment(ref next) - 1;
        await using (await RunDispatcherAsync(dispatcher, ct))
        {
            // Warm-up (not recorded): JIT, pools, EF's caches on the write and the delivery paths.
            var warmUp = await LoadAsync(host, households, Next, 50, 5, false, ct);
            await WaitDeliveredAsync(warmUp.Events, ct);
            output.WriteLine($"warm-up: {warmUp.Committed} 転居 at {warmUp.Achieved:F0}/s; errors {warmUp.Errors} {warmUp.FirstError}");
        }

        // Reference for the write side: the same target rate with no dispatcher running (what delivery costs the 異動 writers).
        var seconds = Math.Max(10, options.Seconds / 2);
        output.WriteLine($"reference: {options.Rate:F0} 異動/s for {seconds} s with the dispatcher stopped …");
        var alone = await LoadAsync(host, households, Next, options.Rate, seconds, false, ct);
        output.WriteLine($"  committed {alone.Committed:N0} 転居 in {alone.Seconds:F1} s = {alone.Achieved:F0}/s (writers at most {alone.MaxBehindMs:F0} ms behind schedule); errors {alone.Errors} {alone.FirstError}");
        _steadyRows.Add($"| {Name(provider)} | {options.Rate:N0} | {seconds} | {alone.Committed:N0} | {alone.Achieved:N0} | {alone.Events:N0} | {alone.Events / alone.Seconds:N0} | {(alone.Achieved >= 0.95 * options.Rate ? "yes" : "**no**")} | " +
                        $"reference: dispatcher stopped, nothing delivered | — | {alone.Errors} |");
        // The consumer skips what the reference run wrote (the IT staff's 再送 from the next sequence number).
        long last;
        await using (var platform = PlatformDatabase.Create(host.Database.Settings.Database, TenantScope.ForTenant(host.TenantId)))
            last = await IntegrationEventOutbox.LastSequenceAsync(platform, host.TenantId, ct);
        await host.AsTenant(async (ConsumerService c) => { await c.ReplayAsync(host.TenantId, consumer.Consumer.Id, last + 1, LinkageBenchHost.Staff, ct); return 0; });

        await using (await RunDispatcherAsync(dispatcher, ct)) // as the web host runs it (LinkageOptions.DispatcherEnabled)
        {
            var result = await MeasureAsync(host, households, Next, options.Rate, options.Seconds, provider, ct);
            if (result.Achieved < 0.95 * options.Rate && result.Achieved > 1)
            {
                // The target rate could not be held: measure latency again at a rate below what was reached.
                var lower = Math.Max(1, Math.Floor(result.Achieved * 0.8 / 5) * 5);
                output.WriteLine($"target not held ({result.Achieved:F0}/s of {options.Rate:F0}/s); again at {lower:F0}/s");
                await MeasureAsync(host, households, Next, lower, Math.Max(10, options.Seconds / 2), provider, ct);
            }
        }
    }

    private static async Task<IAsyncDisposable> RunDispatcherAsync(LinkageDispatcher dispatcher, CancellationToken ct)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var run = dispatcher.RunAsync(stop.Token);
        await Task.Yield();
        return new Stopper(async () => { await stop.CancelAsync(); await run; stop.Dispose(); });
    }

    private sealed class Stopper(Func<Task> stop) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await stop();
    }

    private sealed record LoadResult(int Committed, int Events, double Seconds, int Errors, string? FirstError, double MaxBehindMs)
    {
        public double Achieved => Committed / Seconds;
    }

    private async Task<LoadResult> MeasureAsync(LinkageBenchHost host, string[] households, Func<int> nextIndex, double rate, int seconds, DatabaseProvider provider, CancellationToken ct)
    {
        _receiver.Reset();
        GC.Collect();
        output.WriteLine($"{rate:F0} 異動/s for {seconds} s with {options.Workers} writers … (load average {Machine.LoadAverage()})");
        _receiver.Recording = true;
        var result = await LoadAsync(host, households, nextIndex, rate, seconds, true, ct);
        var drained = await WaitDeliveredAsync(result.Events, ct);
        _receiver.Recording = false;
        _receiver.MatchLate();
        var fromCommit = _receiver.FromCommittedAtMs.Order().ToArray();
        var fromReturn = _receiver.FromReturnMs.Order().ToArray();
        var held = result.Achieved >= 0.95 * rate;
        output.WriteLine($"  committed {result.Committed:N0} 転居 in {result.Seconds:F1} s = {result.Achieved:F0}/s ({(held ? "held" : "NOT held")}; writers at most {result.MaxBehindMs:F0} ms behind schedule); " +
                         $"{result.Events:N0} events = {result.Events / result.Seconds:F0}/s; all delivered {drained.TotalSeconds:F1} s after the last commit; errors {result.Errors} {result.FirstError}");
        output.WriteLine($"  latency receive − committedAt: p50 {P(fromCommit, 0.5):F0} / p95 {P(fromCommit, 0.95):F0} / p99 {P(fromCommit, 0.99):F0} / max {P(fromCommit, 1):F0} ms " +
                         $"({fromCommit.Length:N0} events); receive − return of ExecuteAsync: p50 {P(fromReturn, 0.5):F0} / p95 {P(fromReturn, 0.95):F0} ms; bad signatures {_receiver.BadSignatures}; " +
                         $"{_receiver.Batches:N0} batches ({_receiver.Events / (double)Math.Max(1, _receiver.Batches):F1} events per batch); load average {Machine.LoadAverage()}");
        _steadyRows.Add($"| {Name(provider)} | {rate:N0} | {seconds} | {result.Committed:N0} | {result.Achieved:N0} | {result.Events:N0} | {result.Events / result.Seconds:N0} | {(held ? "yes" : "**no**")} | " +
                        $"{P(fromCommit, 0.5):N0} / **{P(fromCommit, 0.95):N0}** / {P(fromCommit, 0.99):N0} / {P(fromCommit, 1):N0} | {P(fromReturn, 0.5):N0} / {P(fromReturn, 0.95):N0} | {result.Errors} |");
        return result;
    }

    private static double P(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>
    /// Open arrivals: 異動 k is due at start + k/rate whatever the previous ones took; each writer takes the next due one.
    /// A writer that falls behind starts the next at once, so the achieved rate shows what the machine sustains; no 異動
    /// starts after S seconds (the achieved rate is committed / wall time including the ones still in flight then).
    /// </summary>
    private async Task<LoadResult> LoadAsync(LinkageBenchHost host, string[] households, Func<int> nextIndex, double rate, int seconds, bool record, CancellationToken ct)
    {
        var total = (int)Math.Round(rate * seconds);
        var length = TimeSpan.FromSeconds(seconds);
        var taken = -1;
        int committed = 0, events = 0, errors = 0;
        string? firstError = null;
        long maxBehindTicks = 0;
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.Workers).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var k = Interlocked.Increment(ref taken);
                if (k >= total || watch.Elapsed >= length) return; // the run lasts S seconds even when the rate is not reached
                var due = TimeSpan.FromSeconds(k / rate);
                var wait = due - watch.Elapsed;
                if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
                else InterlockedMax(ref maxBehindTicks, -wait.Ticks);
                var index = nextIndex();
                try
                {
                    var result = await host.RelocateAsync(households[index % households.Length], $"{index / 100 + 1}番{index % 100 + 1}号");
                    if (record) _receiver.Returned[result.MovementId] = DateTime.UtcNow;
                    Interlocked.Increment(ref committed);
                    Interlocked.Add(ref events, result.AddresseeNumbers.Count);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, $"{e.GetType().Name}: {e.Message}", null);
                }
            }
        }, ct)).ToArray();
        await Task.WhenAll(workers);
        return new LoadResult(committed, events, watch.Elapsed.TotalSeconds, errors, firstError, TimeSpan.FromTicks(maxBehindTicks).TotalMilliseconds);
    }

    private static void InterlockedMax(ref long target, long value)
    {
        for (var current = Interlocked.Read(ref target); value > current; current = Interlocked.Read(ref target))
            if (Interlocked.CompareExchange(ref target, value, current) == current) return;
    }

    private async Task<TimeSpan> WaitDeliveredAsync(int events, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        while (Interlocked.Read(ref _receiver.Events) < events)
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(5)) throw new TimeoutException($"only {_receiver.Events} of {events} events arrived within 5 minutes");
            await Task.Delay(5, ct);
        }
        return watch.Elapsed;
    }
}
