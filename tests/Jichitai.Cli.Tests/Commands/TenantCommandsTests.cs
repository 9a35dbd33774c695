using Jichitai.Platform.Persistence;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Cli.Tests.Commands;

public class TenantCommandsTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_ThenList_ShowsTheTenant(DatabaseProvider provider)
    {
        await using var host = await CliTestHost.CreateAsync(provider);
        var created = await host.RunAsync("tenant", "create", "--code", "131016", "--name", "千代田区", "--kana", "チヨダク", "--prefecture", "東京都", "--class", "特別区");
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains("131016", created.Stdout);

        var list = await host.RunAsync("tenant", "list");
        Assert.True(list.ExitCode == 0, list.ToString());
        var row = Assert.Single(list.Stdout.Split('\n'), l => l.Contains("131016"));
        Assert.Contains("千代田区", row);
        Assert.Contains("東京都", row);
        Assert.Contains("特別区", row);
        Assert.Contains("稼働中", row);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_WithWrongCheckDigit_FailsAndCreatesNothing(DatabaseProvider provider)
    {
        await using var host = await CliTestHost.CreateAsync(provider);
        var result = await host.RunAsync("tenant", "create", "--code", "131017", "--name", "千代田区");
        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Contains("検査数字", result.Stderr);
        Assert.Contains("エラー:", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr); // no stack trace
        Assert.Equal(0, await host.QueryAsync(db => db.Tenants.CountAsync()));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_Duplicate_IsRefused(DatabaseProvider provider)
    {
        await using var host = await CliTestHost.CreateAsync(provider);
        Assert.Equal(0, (await host.RunAsync("tenant", "create", "--code", "131016", "--name", "千代田区")).ExitCode);
        var again = await host.RunAsync("tenant", "create", "--code", "131016", "--name", "千代田区");
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("すでに登録", again.Stderr);
        Assert.Equal(1, await host.QueryAsync(db => db.Tenants.CountAsync()));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Show_PrintsDetailsAndStaffCount(DatabaseProvider provider)
    {
        await using var host = await CliTestHost.CreateAsync(provider);
        Assert.Equal(0, (await host.RunAsync("tenant", "create", "--code", "131016", "--name", "千代田区", "--kana", "チヨダク")).ExitCode);
        Assert.Equal(0, (await host.RunWithInputAsync(CliTestHost.StrongPassword + "\n",
            "user", "create", "--tenant", "131016", "--user", "yamada", "--name", "山田 花子", "--role", "窓口", "--password-stdin")).ExitCode);

        var show = await host.RunAsync("tenant", "show", "--code", "131016");
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Contains("チヨダク", show.Stdout);
        Assert.Matches(@"職員アカウント数 / Staff accounts\s*│\s*1\s", show.Stdout);
    }

    [Fact]
    public async Task Show_UnknownCode_IsRefused()
    {
        await using var host = await CliTestHost.CreateAsync(DatabaseProvider.Sqlite);
        var show = await host.RunAsync("tenant", "show", "--code", "131016");
        Assert.Equal(ExitCodes.Refused, show.ExitCode);
        Assert.Contains("登録されていません", show.Stderr);
    }

    [Fact]
    public async Task Create_WithoutRequiredName_IsAParseError()
    {
        await using var host = await CliTestHost.CreateAsync(DatabaseProvider.Sqlite);
        var result = await host.RunAsync("tenant", "create", "--code", "131016");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--name", result.Stderr);
    }
}
