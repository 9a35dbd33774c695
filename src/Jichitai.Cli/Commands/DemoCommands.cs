using Jichitai.Platform.Text;
using System.CommandLine;
using System.Diagnostics;
using Jichitai.Platform;
using Jichitai.Platform.Demo;
using Jichitai.Platform.Identity;
using Jichitai.Registry.Features.Migration.Files;
using Jichitai.Registry.Features.Migration.Synthetic;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using static Jichitai.Cli.Output;

namespace Jichitai.Cli.Commands;

/// <summary><c>demo seed</c>: the fictional デモ市 with one account per role; <c>demo generate</c>: a synthetic デモ市 in the migration layout.</summary>
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
        return new Command("demo", "デモ環境 / Demo environment") { seed, Generate(env) };
    }

    private static Command Generate(CliEnvironment env)
    {
        var residents = new Option<int>("--residents") { Description = "住民の数(住民状態=住民) / number of residents", Required = true };
        var output = new Option<string>("--out") { Description = "出力先ディレクトリ / output directory", Required = true };
        var seedOption = new Option<int>("--seed") { Description = "乱数の種(同じ種・人数・基準日なら同じファイル) / random seed", DefaultValueFactory = _ => 1 };
        var encoding = new Option<string>("--encoding") { Description = "文字コード utf-8 | cp932 / encoding", DefaultValueFactory = _ => "utf-8" };
        encoding.AcceptOnlyFromAmong([.. StrictEncoding.Names]);
        var command = new Command("generate", "移行レイアウトの合成データ(架空のデモ市)を作る。データベースは使わない / Write synthetic residents of the fictional デモ市 in the migration layout (no database)")
        {
            residents, output, seedOption, encoding,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(residents) < 1) r.AddError("--residents は1以上を指定してください / --residents must be at least 1");
        });
        command.SetCliAction(env, async (s, r, ct) =>
        {
            var options = new SyntheticCityOptions(r.GetValue(residents), Path.GetFullPath(r.GetValue(output)!), JapanTime.Today(TimeProvider.System), r.GetValue(seedOption))
            {
                Encoding = StrictEncoding.Parse(r.GetValue(encoding)),
            };
            s.Line($"合成データを作成します / generating: 住民 {options.Residents:N0} 人、基準日 {options.ReferenceDate:yyyy-MM-dd}、種 {options.Seed}、{E(options.Encoding.Name)} → {E(options.OutputDirectory)}");
            var clock = Stopwatch.StartNew();
            SyntheticCityResult? result = null;
            await s.Console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("住民 / residents", maxValue: options.Residents);
                    result = await Task.Run(() => SyntheticCity.WriteAsync(options, done => task.Value = done, ct), ct);
                });
            var table = Output.Table("ファイル / File", "内容 / Content", "行数 / Rows");
            foreach (var (file, rows) in result!.Files) table.Row(file.FileName, file.Title, rows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
            s.Console.Write(table);
            s.Line($"住民 / residents {result.Residents:N0}、除票 / removed {result.RemovedPersons:N0}、世帯 / households {result.Households:N0}、{clock.Elapsed.TotalSeconds:F1} 秒");
            if (result.Errors.Count == 0) return ExitCodes.Ok;
            // 外字: a character the encoding cannot hold. The row is left out, never written with a replacement character.
            var leftOut = result.Errors.GroupBy(e => (e.File, e.Line)).ToList();
            s.Line($"[yellow]{E(options.Encoding.Name)} で表せない文字のため書き出さなかった行 / rows left out (characters the encoding cannot hold): {leftOut.Count:N0}[/]");
            foreach (var row in leftOut.Take(5)) s.Line($"  {E(row.Key.File)} {row.Key.Line}行: {E(string.Join("、", row.Select(e => $"{e.Column} {e.Reason}")))}");
            s.Line("このファイル一式は不完全です。外字を含む住民も移すには utf-8 で作成してください / the file set is incomplete: use utf-8 to keep every resident");
            return ExitCodes.Failed;
        }, DatabaseUse.None);
        return command;
    }
}
