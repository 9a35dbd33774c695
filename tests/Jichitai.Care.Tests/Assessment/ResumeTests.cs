using Jichitai.Care.Assessment;
using Jichitai.Care.Persistence;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Care.Tests.Assessment;

/// <summary>A 本算定 stopped between chunks is resumed by the next start once its lease ran out, and nobody is counted twice.</summary>
public sealed class ResumeTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task StoppedRun_ResumesFromItsLastChunk(DatabaseProvider provider)
    {
        await using var host = await CareTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        await host.SeedInsuredAsync(tenant, 1_200);
        using var stop = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.AsTenant<AssessmentRuns, AssessmentRunRow>(tenant, r =>
        {
            r.ChunkSize = 500;
            return r.RunAsync(tenant.Id, 2026, CareTestHost.Officer, new SyncProgress(p => { if (p.Processed >= 500) stop.Cancel(); }), stop.Token);
        }));
        await using (var db = host.Db(tenant))
        {
            var run = await db.Runs.AsNoTracking().SingleAsync();
            Assert.Equal((RunState.Running, 500, 1_200), (run.State, run.Processed, run.Total));
            Assert.Equal(500, await db.Assessments.CountAsync());
        }

        // While the lease holds, nobody else may take the run.
        var busy = await Assert.ThrowsAsync<DomainException>(() => host.AsTenant<AssessmentRuns, AssessmentRunRow>(tenant, r => r.RunAsync(tenant.Id, 2026, CareTestHost.Officer, null, default)));
        Assert.Contains("実行中", busy.Message);

        host.Clock.Advance(TimeSpan.FromMinutes(2));
        var done = await host.AsTenant<AssessmentRuns, AssessmentRunRow>(tenant, r => { r.ChunkSize = 500; return r.RunAsync(tenant.Id, 2026, CareTestHost.Officer, null, default); });
        Assert.Equal((RunState.Completed, 1_200, 1_200), (done.State, done.Processed, done.Changed));
        await using (var db = host.Db(tenant))
        {
            Assert.Equal(1, await db.Runs.CountAsync());
            Assert.Equal(1_200, await db.Assessments.CountAsync());
            Assert.Equal(1_200, await db.Assessments.Select(a => a.AddresseeNumber).Distinct().CountAsync());
            var totals = RunTotals.FromJson(done.Totals);
            Assert.Equal(1_200, totals.Persons);
            Assert.Equal(await db.Assessments.SumAsync(a => a.AnnualPremium), totals.Premium);
        }
    }

    private sealed class SyncProgress(Action<RunProgress> report) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => report(value);
    }
}
