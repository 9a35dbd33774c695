using Jichitai.Platform.Demo;
using Jichitai.Platform.Persistence;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Cli.Tests.Commands;

public class DemoCommandsTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seed_PrintsTheAccounts_AndIsIdempotent(DatabaseProvider provider)
    {
        await using var host = await CliTestHost.CreateAsync(provider, migrate: false);
        var first = await host.RunAsync("demo", "seed");
        Assert.True(first.ExitCode == 0, first.ToString());
        foreach (var (userName, _, _) in DemoSeeder.Accounts) Assert.Contains(userName, first.Stdout);
        Assert.Contains(DemoSeeder.Password, first.Stdout);
        Assert.Contains("user totp", first.Stdout);

        var second = await host.RunAsync("demo", "seed");
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(DemoSeeder.Accounts.Count, await host.QueryAsync(db => db.Users.CountAsync()));
        Assert.Equal(1, await host.QueryAsync(db => db.Tenants.CountAsync()));
    }

    [Fact]
    public async Task Generate_WritesTheFiveFiles_AndCounts_WithoutTouchingTheDatabase()
    {
        var directory = Path.Combine(Path.GetTempPath(), "jichitai-generate-" + Guid.NewGuid().ToString("N"));
        var database = Path.Combine(directory, "never-created.db");
        try
        {
            var result = await Cli.RunAsync(["demo", "generate", "--residents", "800", "--out", Path.Combine(directory, "out"), "--seed", "3", "--database", database]);
            Assert.True(result.ExitCode == 0, result.ToString());
            foreach (var file in new[] { "households.csv", "residents.csv", "movements.csv", "restrictions.csv", "certificate_issues.csv" })
            {
                var rows = File.ReadLines(Path.Combine(directory, "out", file)).Count() - 1;
                Assert.Matches($@"{file}\s.*\s{rows:N0}\s", result.Stdout);
            }
            Assert.Contains("住民 / residents 800", result.Stdout);
            Assert.False(File.Exists(database));
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Generate_InCp932_ReportsTheRowsItLeftOut_AndFails()
    {
        var directory = Path.Combine(Path.GetTempPath(), "jichitai-generate-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = await Cli.RunAsync(["demo", "generate", "--residents", "3000", "--out", directory, "--encoding", "cp932"]);
            Assert.True(result.ExitCode == ExitCodes.Failed, result.ToString());
            Assert.Contains("cp932 で表せない文字", result.Stdout);
            Assert.Contains("U+2", result.Stdout); // 𠮷 U+20BB7 or 𡈽 U+2123D
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Generate_RefusesAnUnknownEncoding_AndNoResidents()
    {
        Assert.NotEqual(0, (await Cli.RunAsync(["demo", "generate", "--residents", "10", "--out", "x", "--encoding", "euc-jp"])).ExitCode);
        Assert.NotEqual(0, (await Cli.RunAsync(["demo", "generate", "--residents", "0", "--out", "x"])).ExitCode);
    }
}
