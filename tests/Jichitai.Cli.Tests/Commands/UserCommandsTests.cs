using System.Text.RegularExpressions;
using Jichitai.Platform.Demo;
using Jichitai.Platform.Persistence;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;
using OtpNet;

namespace Jichitai.Cli.Tests.Commands;

public class UserCommandsTests
{
    private static async Task<CliTestHost> WithTenantAsync(DatabaseProvider provider)
    {
        var host = await CliTestHost.CreateAsync(provider);
        var r = await host.RunAsync("tenant", "create", "--code", "131016", "--name", "千代田区");
        Assert.True(r.ExitCode == 0, r.ToString());
        return host;
    }

    private static Task<CliResult> CreateUserAsync(CliTestHost host, string userName, string password, params string[] roles) =>
        host.RunWithInputAsync(password + "\n",
            ["user", "create", "--tenant", "131016", "--user", userName, "--name", "山田 花子", .. roles.SelectMany(r => new[] { "--role", r }), "--password-stdin"]);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_ThenList_ShowsTheAccount(DatabaseProvider provider)
    {
        await using var host = await WithTenantAsync(provider);
        var created = await CreateUserAsync(host, "yamada", CliTestHost.StrongPassword, "窓口", "監査");
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains("認証アプリ", created.Stdout); // enrolment at first sign-in

        var list = await host.RunAsync("user", "list", "--tenant", "131016");
        Assert.True(list.ExitCode == 0, list.ToString());
        var row = Assert.Single(list.Stdout.Split('\n'), l => l.Contains("yamada"));
        Assert.Contains("窓口・監査", row);
        Assert.Contains("未登録", row);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_WithWeakPassword_IsRefusedInJapanese_AndCreatesNothing(DatabaseProvider provider)
    {
        await using var host = await WithTenantAsync(provider);
        var result = await CreateUserAsync(host, "yamada", "password", "窓口");
        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Contains("パスワードは12文字以上", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.False(await host.QueryAsync(db => db.Users.AnyAsync(u => u.UserName == "yamada")));
    }

    [Fact]
    public async Task Create_OperatorAccount_DefaultsToOperatorRole()
    {
        await using var host = await CliTestHost.CreateAsync(DatabaseProvider.Sqlite);
        var created = await host.RunWithInputAsync(CliTestHost.StrongPassword + "\n", "user", "create", "--operator", "--user", "unyo", "--name", "運用 太郎", "--password-stdin");
        Assert.True(created.ExitCode == 0, created.ToString());
        var list = await host.RunAsync("user", "list", "--operator");
        Assert.Contains("運用者", Assert.Single(list.Stdout.Split('\n'), l => l.Contains("unyo")));
    }

    [Theory]
    [InlineData("--tenant", "131016", "--operator")]
    [InlineData()]
    public async Task Create_NeedsExactlyOneOfTenantOrOperator(params string[] owner)
    {
        var result = await Cli.RunAsync(["user", "create", .. owner, "--user", "yamada", "--name", "山田", "--role", "窓口", "--password-stdin"]);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--operator", result.Stderr);
    }

    [Fact]
    public async Task Create_WithoutTerminalOrStdin_AsksForPasswordStdin()
    {
        await using var host = await WithTenantAsync(DatabaseProvider.Sqlite);
        var result = await host.RunAsync("user", "create", "--tenant", "131016", "--user", "yamada", "--name", "山田", "--role", "窓口");
        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Contains("--password-stdin", result.Stderr);
    }

    [Fact]
    public void Password_IsNeverAnOption()
    {
        var create = CliApp.Build().Subcommands.Single(c => c.Name == "user").Subcommands.Single(c => c.Name == "create");
        Assert.DoesNotContain(create.Options, o => o.Name == "--password");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Totp_OnDemoAccount_PrintsTheCodeOfTheStoredKey(DatabaseProvider provider)
    {
        await using var host = await CliTestHost.CreateAsync(provider);
        Assert.Equal(0, (await host.RunAsync("demo", "seed")).ExitCode);
        var totp = new Totp(Base32Encoding.ToBytes(await host.AuthenticatorKeyAsync("demo-juki")));

        var before = totp.ComputeTotp();
        var result = await host.RunAsync("user", "totp", "--user", "demo-juki");
        var after = totp.ComputeTotp();

        Assert.True(result.ExitCode == 0, result.ToString());
        var code = result.Stdout.Trim();
        Assert.Matches(new Regex("^[0-9]{6}$"), code);
        Assert.Contains(code, new[] { before, after }); // a 30-second step may pass during the run
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Totp_OnRealAccount_IsRefused(DatabaseProvider provider)
    {
        await using var host = await WithTenantAsync(provider);
        Assert.Equal(0, (await CreateUserAsync(host, "yamada", CliTestHost.StrongPassword, "窓口")).ExitCode);
        var result = await host.RunAsync("user", "totp", "--user", "yamada");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("デモ用アカウントだけ", result.Stderr);
        Assert.DoesNotMatch(new Regex("[0-9]{6}"), result.Stdout);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ResetTwoFactor_IssuesANewKey_AndIsAudited(DatabaseProvider provider)
    {
        await using var host = await WithTenantAsync(provider);
        Assert.Equal(0, (await CreateUserAsync(host, "yamada", CliTestHost.StrongPassword, "窓口")).ExitCode);
        var before = await host.AuthenticatorKeyAsync("yamada");

        var result = await host.RunAsync("user", "reset-2fa", "--user", "yamada", "--reason", "端末紛失");
        Assert.True(result.ExitCode == 0, result.ToString());

        var after = await host.AuthenticatorKeyAsync("yamada");
        Assert.False(string.IsNullOrEmpty(after));
        Assert.NotEqual(before, after);
        Assert.True(await host.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "user.reset-2fa" && e.TargetId == "yamada" && e.Reason == "端末紛失")));
    }

    [Fact]
    public async Task ResetTwoFactor_UnknownUser_IsRefused()
    {
        await using var host = await CliTestHost.CreateAsync(DatabaseProvider.Sqlite);
        var result = await host.RunAsync("user", "reset-2fa", "--user", "nobody");
        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Contains("見つかりません", result.Stderr);
    }

    [Fact]
    public void DemoAccounts_AreKnown() => Assert.Contains(DemoSeeder.Accounts, a => a.UserName == "demo-juki");
}
