using Jichitai.Care.Ordinance;
using Jichitai.Care.Persistence;
using Jichitai.Care.Premiums;
using Jichitai.Platform;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jichitai.Care.Assessment;

public sealed record RunProgress(long RunId, int Processed, int Total, int Changed);

/// <summary>
/// 本算定 (標準: 保険料本算定) for a whole tenant and year. Works in chunks ordered by 宛名番号; each chunk's results, the run's
/// progress and its totals commit together, so a run killed at any point resumes from its last chunk without counting
/// anyone twice, and a re-run with unchanged inputs writes nothing.
/// </summary>
public sealed class AssessmentRuns(PlatformSettings settings, OrdinanceService ordinances, Reassessment reassessment, IAuditLog audit, TimeProvider clock)
{
    public int ChunkSize { get; set; } = 5_000;
    /// <summary>Where the last run's time went (read, compute, write, commit), for the benchmark.</summary>
    internal Dictionary<string, TimeSpan> Timings { get; } = [];
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);
    private readonly string owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public async Task<AssessmentRunRow> RunAsync(int tenantId, int fiscalYear, AuditActor actor, IProgress<RunProgress>? progress, CancellationToken ct)
    {
        var today = JapanTime.Today(clock);
        if (today < FiscalMonths.AssessmentDate(fiscalYear))
            throw new DomainException("care.run.year", $"{fiscalYear}年度の本算定は賦課期日({fiscalYear}年4月1日)以後に行えます。", "fiscalYear");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using (var db = CareDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId)))
            await Qualification.QualificationService.ReachingSixtyFiveAsync(db, reassessment, tenantId, clock.GetUtcNow().UtcDateTime, ct);
        Timings["65歳到達"] = watch.Elapsed;
        watch.Restart();
        var run = await StartOrResumeAsync(tenantId, fiscalYear, actor, ct);
        Timings["start"] = watch.Elapsed;
        try
        {
            await ChunksAsync(run, progress, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await using var db = CareDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
            await db.Runs.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Error, e.Message.Length > 1900 ? e.Message[..1900] : e.Message)
                .SetProperty(r => r.LeaseUntil, (DateTime?)null), CancellationToken.None);
            throw;
        }
        await using (var db = CareDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId)))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await db.Runs.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.State, RunState.Completed).SetProperty(r => r.FinishedAt, now)
                .SetProperty(r => r.LeaseOwner, (string?)null).SetProperty(r => r.LeaseUntil, (DateTime?)null).SetProperty(r => r.Error, (string?)null), ct);
            run = await db.Runs.AsNoTracking().SingleAsync(r => r.Id == run.Id, ct);
        }
        await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.CareAssessment, TargetType: "care.run", TargetId: run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Detail: $"{fiscalYear}年度 本算定 完了: 対象{run.Total}人 処理{run.Processed}人 変更{run.Changed}人 条例第{run.OrdinanceVersion}版"), ct);
        return run;
    }

    public async Task<IReadOnlyList<AssessmentRunRow>> HistoryAsync(int tenantId, int? fiscalYear, CancellationToken ct)
    {
        await using var db = CareDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var q = db.Runs.AsNoTracking();
        if (fiscalYear is { } y) q = q.Where(r => r.FiscalYear == y);
        return await q.OrderByDescending(r => r.Id).Take(50).ToListAsync(ct);
    }

    /// <summary>A run and the completed run of the same year before it (for the comparison on the run page).</summary>
    public async Task<(AssessmentRunRow Run, AssessmentRunRow? Previous)> GetAsync(int tenantId, long id, CancellationToken ct)
    {
        await using var db = CareDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var run = await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new DomainException("care.run.not-found", "指定された本算定の実行記録はありません。", "id", 404);
        var previous = await db.Runs.AsNoTracking().Where(r => r.FiscalYear == run.FiscalYear && r.Id < id && r.State == RunState.Completed)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        return (run, previous);
    }

    // One running run per tenant and year; a run whose holder died (lease over) is taken over and resumed.
    private async Task<AssessmentRunRow> StartOrResumeAsync(int tenantId, int fiscalYear, AuditActor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = CareDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var running = await db.Runs.Where(r => r.FiscalYear == fiscalYear && r.State == RunState.Running).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (running is not null)
        {
            var until = now + Lease;
            var taken = await db.Runs.Where(r => r.Id == running.Id && r.State == RunState.Running && (r.LeaseUntil == null || r.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseOwner, owner).SetProperty(r => r.LeaseUntil, until), ct);
            if (taken == 0)
                throw new DomainException("care.run.running", $"{fiscalYear}年度の本算定は実行中です({running.Processed}/{running.Total}人)。終わるまでお待ちください。", "fiscalYear", 409);
            await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.CareAssessment, TargetType: "care.run", TargetId: running.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Detail: $"{fiscalYear}年度 本算定 再開: {running.Processed}人目から"), ct);
            return await db.Runs.AsNoTracking().SingleAsync(r => r.Id == running.Id, ct);
        }
        var ordinance = await ordinances.InForceAsync(tenantId, fiscalYear, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var total = await AssessmentInputs.CountAsync(db.Database.GetDbConnection(), db.Database.CurrentTransaction!.GetDbTransaction(), tenantId, ct);
        var run = new AssessmentRunRow
        {
            TenantId = tenantId, FiscalYear = fiscalYear, OrdinanceVersion = ordinance.Version, State = RunState.Running, StartedAt = now, StartedBy = actor.Name,
            Total = total, LeaseOwner = owner, LeaseUntil = now + Lease, Totals = new RunTotals().ToJson(),
        };
        db.Runs.Add(run);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.CareAssessment, TargetType: "care.run", TargetId: run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Detail: $"{fiscalYear}年度 本算定 開始: 対象{total}人 条例第{ordinance.Version}版"), ct);
        return run;
    }

    private async Task ChunksAsync(AssessmentRunRow run, IProgress<RunProgress>? progress, CancellationToken ct)
    {
        var tenantId = run.TenantId;
        var ordinance = await ordinances.InForceAsync(tenantId, run.FiscalYear, ct);
        if (ordinance.Version != run.OrdinanceVersion)
            ordinance = (await ordinances.VersionsAsync(tenantId, run.FiscalYear, ct)).SingleOrDefault(v => v.Version == run.OrdinanceVersion)
                ?? (run.OrdinanceVersion == 0 ? new OrdinanceInForce(run.FiscalYear, 0, NationalStandard.Fy2024To2026(), null, null, null) : ordinance);
        await using var db = CareDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        void Lap(string name) { Timings[name] = Timings.GetValueOrDefault(name) + watch.Elapsed; watch.Restart(); }
        var households = await HouseholdTaxability.LoadAsync(connection, null, tenantId, run.FiscalYear, null, ct);
        var joins = await AssessmentInputs.ExistingAsync(db, run.FiscalYear, ct);
        Lap("households");
        var reductions = await Reassessment.ApprovedReductionsAsync(db, run.FiscalYear, ordinance.Parameters, null, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var engine = new AssessmentEngine(tenantId, run.FiscalYear, ordinance, households, reductions, FiscalMonth.Of(JapanTime.Today(clock)), now, run.StartedBy);
        var cursor = run.Cursor;
        var totals = RunTotals.FromJson(run.Totals);
        var processed = run.Processed;
        var changed = run.Changed;
        // The next chunk is read on a second connection while this one is computed and written: the inputs of later people
        // do not depend on this chunk's results, and the cursor still moves only in the writing transaction.
        await using var reader = CareDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        await reader.Database.OpenConnectionAsync(ct);
        var readConnection = reader.Database.GetDbConnection();
        Task<List<PersonInputs>> Read(string? after) => AssessmentInputs.ChunkAsync(readConnection, null, tenantId, run.FiscalYear, after, ChunkSize, joins, ct);
        var next = Read(cursor);
        // The chunk before is written (its own transaction, with the cursor) while this one is computed.
        Task writing = Task.CompletedTask;
        try
        {
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                var chunk = await next;
                Lap("read (waited)");
                if (chunk.Count == 0) break;
                next = Read(chunk[^1].AddresseeNumber);
                // Both cores compute; results keep the chunk's order.
                var results = new (AssessmentRow? Row, PremiumResult? Result)[chunk.Count];
                Parallel.For(0, chunk.Count, new ParallelOptions { CancellationToken = ct }, i => results[i] = engine.Assess(chunk[i], run.Id, null));
                var rows = new List<AssessmentRow>(chunk.Count);
                foreach (var (row, result) in results)
                {
                    if (row is not null) rows.Add(row);
                    if (result is not null && result.Months.Count > 0) totals.Add(result.Stage, result.Premium);
                }
                Lap("compute");
                await writing;
                Lap("write (waited)");
                cursor = chunk[^1].AddresseeNumber;
                processed += chunk.Count;
                changed += rows.Count;
                writing = CommitChunkAsync(db, connection, run, rows, new RunProgress(run.Id, processed, Math.Max(run.Total, processed), changed), cursor, totals.ToJson(), progress, ct);
            }
            await writing;
            Lap("write (waited)");
        }
        finally
        {
            try { await next; } catch { /* the read in flight when the run stopped: its result is not needed */ }
            try { await writing; } catch { /* already thrown above, or the run was stopped */ }
        }
    }

    /// <summary>One chunk's results, the run's cursor, counts and totals: one transaction, fenced by the lease.</summary>
    private async Task CommitChunkAsync(CareDbContext db, System.Data.Common.DbConnection connection, AssessmentRunRow run, List<AssessmentRow> rows,
        RunProgress state, string cursor, string totals, IProgress<RunProgress>? progress, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AssessmentWriter.WriteAsync(connection, tx.GetDbTransaction(), settings.Database.Provider, rows, ct);
        var leaseUntil = clock.GetUtcNow().UtcDateTime + Lease;
        // Fenced by the lease owner: a run taken over by another process cannot be advanced by this one.
        var advanced = await db.Runs.Where(r => r.Id == run.Id && r.LeaseOwner == owner).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Cursor, cursor).SetProperty(r => r.Processed, state.Processed).SetProperty(r => r.Changed, state.Changed)
            .SetProperty(r => r.Totals, totals).SetProperty(r => r.LeaseUntil, leaseUntil), ct);
        if (advanced == 0) throw new DomainException("care.run.taken", "本算定の実行が別の処理に引き継がれました。", "run", 409);
        await tx.CommitAsync(ct);
        progress?.Report(state);
    }
}
