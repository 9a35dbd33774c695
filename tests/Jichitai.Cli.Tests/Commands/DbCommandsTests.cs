using Jichitai.Platform.Persistence;
using Jichitai.Testing;

namespace Jichitai.Cli.Tests.Commands;

public class DbCommandsTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_AppliesOnce_ThenIsUpToDate(DatabaseProvider provider)
    {
        await using var host = await CliTestHost.CreateAsync(provider, migrate: false);
        var first = await host.RunAsync("db", "migrate");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("platform:", first.Stdout);

        var second = await host.RunAsync("db", "migrate");
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("最新です / up to date", second.Stdout);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Commands_OnAnUnmigratedDatabase_Exit3_AndSayMigrate(DatabaseProvider provider)
    {
        await using var host = await CliTestHost.CreateAsync(provider, migrate: false);
        var result = await host.RunAsync("tenant", "list");
        Assert.Equal(ExitCodes.DatabaseUnavailable, result.ExitCode);
        Assert.Contains("db migrate", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public async Task UnreachablePostgreSql_Exits3_WithAClearMessage()
    {
        var result = await Cli.RunAsync(["tenant", "list", "--database", "Host=127.0.0.1;Port=1;Username=postgres;Database=nowhere;Timeout=3", "--keys", Path.GetTempPath()]);
        Assert.Equal(ExitCodes.DatabaseUnavailable, result.ExitCode);
        Assert.Contains("データベースに接続できません", result.Stderr);
        Assert.Contains("cannot reach the database", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public async Task MissingSqliteFile_Exits3_AndCreatesNothing()
    {
        var dir = Path.Combine(Path.GetTempPath(), "jichitai-cli-" + Guid.NewGuid().ToString("N"));
        var result = await Cli.RunAsync(["tenant", "list", "--database", Path.Combine(dir, "none.db"), "--keys", Path.Combine(dir, "keys")]);
        Assert.Equal(ExitCodes.DatabaseUnavailable, result.ExitCode);
        Assert.Contains("database file not found", result.Stderr);
        Assert.False(Directory.Exists(dir));
    }
}
