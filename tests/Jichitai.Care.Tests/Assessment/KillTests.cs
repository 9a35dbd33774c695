using System.Diagnostics;
using Jichitai.Care.Assessment;
using Jichitai.Care.Persistence;
using Jichitai.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Jichitai.Care.Tests.Assessment;

/// <summary>The real <c>jichitai care assess</c> killed with SIGKILL mid-run; the next start resumes without counting anyone twice.</summary>
public sealed class KillTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task KilledRun_ResumesAndCountsEveryoneOnce(DatabaseProvider provider)
    {
        await using var host = await CareTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        const int people = 6_000;
        await host.SeedInsuredAsync(tenant, people);

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { CliAssembly(), "care", "assess", "--tenant", tenant.Code, "--year", "2026", "--chunk", "200",
                     "--database", host.Database.Settings.Database.SqliteFile ?? host.Database.Settings.Database.ConnectionString, "--keys", host.Database.Settings.KeyDirectory })
            start.ArgumentList.Add(a);
        int processedAtKill;
        using (var child = Process.Start(start)!)
        {
            var deadline = DateTime.UtcNow.AddSeconds(120);
            processedAtKill = 0;
            while (processedAtKill < 1_000 && DateTime.UtcNow < deadline && !child.HasExited)
            {
                await Task.Delay(20);
                await using var db = host.Db(tenant);
                processedAtKill = await db.Runs.Select(r => r.Processed).FirstOrDefaultAsync();
            }
            if (child.HasExited) Assert.Fail("the assess process ended by itself (exit " + child.ExitCode + ")");
            Assert.True(processedAtKill >= 1_000, $"only {processedAtKill} processed within two minutes");
            child.Kill(entireProcessTree: true); // SIGKILL: the chunk in flight rolls back, the lease stays until it runs out
            await child.WaitForExitAsync();
        }
        await using (var db = host.Db(tenant))
        {
            var run = await db.Runs.AsNoTracking().SingleAsync();
            output.WriteLine($"killed at {run.Processed} processed; {await db.Assessments.CountAsync()} assessments committed");
            Assert.Equal(RunState.Running, run.State);
            Assert.Equal(run.Processed, await db.Assessments.CountAsync()); // the committed chunks and nothing of the one in flight
            Assert.True(run.Processed < people);
        }

        host.Clock.SetUtcNow(DateTimeOffset.UtcNow.AddMinutes(5)); // the dead process's lease has run out
        var done = await host.AsTenant<AssessmentRuns, AssessmentRunRow>(tenant, r => r.RunAsync(tenant.Id, 2026, CareTestHost.Officer, null, default));
        Assert.Equal((RunState.Completed, people, people), (done.State, done.Processed, done.Changed));
        await using (var db = host.Db(tenant))
        {
            Assert.Equal(1, await db.Runs.CountAsync());
            Assert.Equal(people, await db.Assessments.CountAsync());
            Assert.Equal(people, await db.Assessments.Select(a => a.AddresseeNumber).Distinct().CountAsync());
            var totals = RunTotals.FromJson(done.Totals);
            Assert.Equal(people, totals.Persons);
            Assert.Equal(await db.Assessments.SumAsync(a => a.AnnualPremium), totals.Premium);
        }
    }

    /// <summary>The CLI from its own build output (bin/&lt;configuration&gt;/net10.0), with its own dependency manifest.</summary>
    private static string CliAssembly()
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = bin.Parent!.Name;
        var root = bin;
        while (!File.Exists(Path.Combine(root.FullName, "JichitaiCloud.slnx"))) root = root.Parent!;
        return Path.Combine(root.FullName, "src", "Jichitai.Cli", "bin", configuration, bin.Name, "jichitai.dll");
    }
}
