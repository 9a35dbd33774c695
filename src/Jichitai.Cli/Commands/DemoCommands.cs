using System.CommandLine;
using Jichitai.Platform.Demo;
using Jichitai.Platform.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Jichitai.Cli.Output;

namespace Jichitai.Cli.Commands;

/// <summary><c>demo seed</c>: the fictional デモ市 with one account per role.</summary>
internal static class DemoCommands
{
    public static Command Build(CliEnvironment env)
    {
        var seed = new Command("seed", "データベースを最新化し、デモ用の団体とアカウントを登録する(再実行可) / Migrate, then create the demo tenant and demo accounts (idempotent)");
        seed.SetCliAction(env, async (s, _, ct) =>
        {
            foreach (var m in await DbCommands.MigrateAsync(s, ct)) s.Line($"適用しました / applied: {E(m)}");
            await using var scope = s.SystemScope();
            var tenant = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(scope.ServiceProvider.GetServices<Jichitai.Platform.Demo.IDemoDataSeeder>(), ct);
            s.Line($"デモ用の団体 / demo tenant: {E(tenant.Code)} {E(tenant.Name)}");
            var table = Output.Table("ユーザーID / User ID", "氏名 / Name", "権限 / Role");
            foreach (var (userName, displayName, role) in DemoSeeder.Accounts) table.Row(userName, displayName, StaffRoles.Label(role));
            s.Console.Write(table);
            s.Line($"パスワード(全アカウント共通) / password (all accounts): {E(DemoSeeder.Password)}");
            s.Line($"確認コード(TOTP)の表示 / current TOTP code: jichitai user totp --user {E(DemoSeeder.Accounts[0].UserName)}");
            return ExitCodes.Ok;
        }, DatabaseUse.Creates);
        return new Command("demo", "デモ環境 / Demo environment") { seed };
    }
}
