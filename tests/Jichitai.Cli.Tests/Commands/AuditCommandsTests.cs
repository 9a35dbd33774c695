using Jichitai.Platform.Audit;
using Jichitai.Platform.Demo;
using Jichitai.Platform.Persistence;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Cli.Tests.Commands;

public class AuditCommandsTests
{
    private static async Task<CliTestHost> SeededAsync(DatabaseProvider provider)
    {
        var host = await CliTestHost.CreateAsync(provider);
        var seed = await host.RunAsync("demo", "seed");
        Assert.True(seed.ExitCode == 0, seed.ToString());
        return host;
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Verify_FreshSeededDatabase_Passes_AndIsRecordedOnTheOperatorChain(DatabaseProvider provider)
    {
        await using var host = await SeededAsync(provider);
        var result = await host.RunAsync("audit", "verify");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("運用者 (operator)", result.Stdout);
        Assert.Contains($"{DemoSeeder.TenantCode} {DemoSeeder.TenantName}", result.Stdout);
        Assert.DoesNotContain("NG", result.Stdout);
        Assert.True(await host.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.ChainId == 0 && e.Action == AuditActions.AuditVerify)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Verify_AfterDirectUpdate_Exits1_AndNamesTheEntry(DatabaseProvider provider)
    {
        await using var host = await SeededAsync(provider);
        var id = await host.QueryAsync(async db =>
        {
            var tenantId = await db.Tenants.Where(t => t.Code == DemoSeeder.TenantCode).Select(t => t.Id).SingleAsync();
            return await db.AuditEntries.Where(e => e.ChainId == tenantId).OrderBy(e => e.Seq).Select(e => e.Id).Skip(1).FirstAsync();
        });
        await host.ExecuteSqlAsync($"UPDATE platform_audit_entries SET detail='x' WHERE id={id}");

        var all = await host.RunAsync("audit", "verify");
        Assert.True(all.ExitCode == ExitCodes.Failed, all.ToString());
        Assert.Matches($@"id={id}\b", all.Stdout);
        Assert.Contains("改ざん", all.Stdout);

        var one = await host.RunAsync("audit", "verify", "--tenant", DemoSeeder.TenantCode);
        Assert.Equal(ExitCodes.Failed, one.ExitCode);
        Assert.Matches($@"id={id}\b", one.Stdout);
        Assert.True(await host.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.ChainId == 0 && e.Action == AuditActions.AuditVerify && e.Outcome == AuditOutcome.Failure)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Checkpoint_AnchorsEveryChain(DatabaseProvider provider)
    {
        await using var host = await SeededAsync(provider);
        var result = await host.RunAsync("audit", "checkpoint");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("2 チェーン", result.Stdout); // the operator's and the demo city's
        Assert.Equal(2, await host.QueryAsync(db => db.AuditCheckpoints.Select(c => c.ChainId).Distinct().CountAsync()));

        var verify = await host.RunAsync("audit", "verify", "--tenant", DemoSeeder.TenantCode);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Matches(@"anchored seq: [1-9]", verify.Stdout);
    }

    [Fact]
    public async Task Verify_UnknownTenant_IsRefused()
    {
        await using var host = await SeededAsync(DatabaseProvider.Sqlite);
        var result = await host.RunAsync("audit", "verify", "--tenant", "131016");
        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Contains("131016", result.Stderr);
    }
}
