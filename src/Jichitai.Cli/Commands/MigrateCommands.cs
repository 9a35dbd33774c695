using Jichitai.Platform.Text;
using System.CommandLine;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Features.Migration.Export;
using Jichitai.Registry.Features.Migration.Files;
using Jichitai.Registry.Features.Migration.Import;
using Jichitai.Registry.Features.Migration.Layout;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using static Jichitai.Cli.Output;

namespace Jichitai.Cli.Commands;

/// <summary><c>migrate import | export | layout</c>: 移行 of a tenant's whole registry in the migration layout (標準10.6, 10.8).</summary>
internal static class MigrateCommands
{
    public static Command Build(CliEnvironment env) =>
        new("migrate", "移行データの取込・出力(中間標準レイアウト準拠のCSV) / Import or export a tenant's registry in the migration layout")
        { Import(env), Export(env), Layout() };

    private static Option<string> Tenant() => new("--tenant") { Description = "地方公共団体コード / Local government code of the tenant", Required = true };
    private static Option<string> Dir(string description) => new("--dir") { Description = description, Required = true };
    private static Option<string> EncodingOption() => new("--encoding")
    {
        Description = "文字コード utf-8(既定)または cp932 / Encoding: utf-8 (default) or cp932 (Shift_JIS)",
        DefaultValueFactory = _ => "utf-8",
    };

    private static Command Import(CliEnvironment env)
    {
        var tenant = Tenant();
        var dir = Dir("取り込むCSVのフォルダ / Folder holding the five CSV files");
        var encoding = EncodingOption();
        var dryRun = new Option<bool>("--dry-run") { Description = "検査だけ行い、登録しない / Check everything, commit nothing" };
        var replace = new Option<bool>("--replace") { Description = "既存の住民記録を削除して置き換える(アクセスログに記録) / Replace the tenant's existing registry (audited)" };
        var reason = new Option<string>("--reason") { Description = "置換の理由 / Reason for --replace" };
        var errorsPath = new Option<string>("--errors") { Description = "エラー一覧CSVの出力先(既定 DIR/errors.csv) / Where to write the error report" };
        var command = new Command("import", "移行データを取り込む(全件検査のうえ一括登録。エラーがあれば何も登録しない) / Import: validate everything, then commit all or nothing")
            { tenant, dir, encoding, dryRun, replace, reason, errorsPath };
        command.SetCliAction(env, async (s, r, ct) =>
        {
            var options = new ImportOptions(Path.GetFullPath(r.GetRequiredValue(dir)), StrictEncoding.Parse(r.GetValue(encoding)),
                r.GetValue(dryRun), r.GetValue(replace), r.GetValue(reason));
            await using var scope = s.SystemScope();
            var t = await scope.ServiceProvider.GetRequiredService<TenantService>().GetByCodeAsync(r.GetRequiredValue(tenant), ct);
            var importer = scope.ServiceProvider.GetRequiredService<MigrationImporter>();
            ImportResult result = null!;
            await ProgressAsync(s, "取込 / import", "行", async report =>
                result = await importer.ImportAsync(t.Id, options, s.Actor,
                    new Reporter<ImportProgress>(p => report(p.File, p.BytesRead, p.BytesTotal, p.Rows)), ct));
            var reportPath = r.GetValue(errorsPath) ?? Path.Combine(options.Directory, "errors.csv");
            switch (result.Outcome)
            {
                case ImportOutcome.Rejected:
                    await ErrorReport.WriteAsync(reportPath, result.Errors);
                    s.Line($"[red]取り込めませんでした。何も登録していません / nothing was imported[/]: {result.Errors.Count:N0}件のエラー / errors");
                    foreach (var e in result.Errors.Take(10)) s.Line(E($"  {e.File}:{e.Line} {e.Column} 「{e.Value}」 {e.Reason}"));
                    s.Line($"エラー一覧 / error report: {E(reportPath)}");
                    return ExitCodes.Refused;
                case ImportOutcome.AlreadyImported:
                    s.Line($"このデータは既に取り込み済みです(住民 {result.Counts.Residents:N0}人)/ these files were imported already; nothing to do");
                    return ExitCodes.Ok;
            }
            var verb = result.Outcome == ImportOutcome.DryRunPassed ? "検査のみ・登録していません / dry run, nothing committed" : "取り込みました / imported";
            var c = result.Counts;
            s.Line($"{verb}: {E(t.Code)} {E(t.Name)} 世帯 {c.Households:N0} 住民 {c.Residents:N0} 異動 {c.Movements:N0} 支援措置等 {c.Restrictions:N0} 交付履歴 {c.CertificateIssues:N0}");
            s.Line($"所要時間 / elapsed: {result.Elapsed.TotalSeconds:N1} 秒 ({c.Total / Math.Max(result.Elapsed.TotalSeconds, 0.001):N0} 行/秒 rows/s)" +
                (result.Phases.Count > 0 ? $" 内訳 / phases: {E(string.Join(", ", result.Phases.Select(p => $"{p.Phase} {p.Time.TotalSeconds:N1}s")))}" : ""));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Export(CliEnvironment env)
    {
        var tenant = Tenant();
        var dir = Dir("出力先フォルダ / Output folder");
        var encoding = EncodingOption();
        var errorsPath = new Option<string>("--errors") { Description = "エラー一覧CSVの出力先(既定 DIR/errors.csv) / Where to write the error report" };
        var command = new Command("export", "移行データを出力する(個人番号を含む。取扱いに注意) / Export the tenant's registry (includes 個人番号 in clear)")
            { tenant, dir, encoding, errorsPath };
        command.SetCliAction(env, async (s, r, ct) =>
        {
            var directory = Path.GetFullPath(r.GetRequiredValue(dir));
            await using var scope = s.SystemScope();
            var t = await scope.ServiceProvider.GetRequiredService<TenantService>().GetByCodeAsync(r.GetRequiredValue(tenant), ct);
            var exporter = scope.ServiceProvider.GetRequiredService<MigrationExporter>();
            ExportResult result = null!;
            await ProgressAsync(s, "出力 / export", "人", async report =>
                result = await exporter.ExportAsync(t.Id, directory, StrictEncoding.Parse(r.GetValue(encoding)), s.Actor,
                    new Reporter<ExportProgress>(p => report(p.File, p.Rows, Math.Max(p.TotalRows, 1), p.Rows)), ct));
            if (!result.Written)
            {
                var reportPath = r.GetValue(errorsPath) ?? Path.Combine(directory, "errors.csv");
                await ErrorReport.WriteAsync(reportPath, result.Errors);
                s.Line($"[red]出力できませんでした。ファイルは作成していません / nothing was written[/]: {result.Errors.Count:N0}件 / errors");
                foreach (var e in result.Errors.Take(10)) s.Line(E($"  {e.File}:{e.Line} {e.Column} 「{e.Value}」 {e.Reason}"));
                s.Line($"エラー一覧 / error report: {E(reportPath)}");
                return ExitCodes.Refused;
            }
            var c = result.Counts;
            s.Line($"出力しました / exported to {E(directory)}: 世帯 {c.Households:N0} 住民 {c.Residents:N0} 異動 {c.Movements:N0} 支援措置等 {c.Restrictions:N0} 交付履歴 {c.CertificateIssues:N0}");
            s.Line($"所要時間 / elapsed: {result.Elapsed.TotalSeconds:N1} 秒");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Layout()
    {
        var command = new Command("layout", "レイアウト定義書(Markdown)を表示する / Print the layout specification as Markdown (docs/migration-layout.md)");
        command.SetAction(result =>
        {
            result.InvocationConfiguration.Output.Write(LayoutDocument.Markdown());
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A progress bar with the file in hand, rows per second and time left (by bytes read); silent when output is redirected.</summary>
    private static async Task ProgressAsync(CliSession s, string title, string unit, Func<Action<string, long, long, long>, Task> work)
    {
        var started = DateTime.UtcNow;
        await s.Console.Progress().AutoClear(false).HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(title, maxValue: 1);
                await work((file, done, total, rows) =>
                {
                    var seconds = Math.Max((DateTime.UtcNow - started).TotalSeconds, 0.001);
                    task.MaxValue = Math.Max(total, 1);
                    task.Value = Math.Min(done, task.MaxValue);
                    task.Description = $"{title} {E(file)} {rows:N0}{unit} ({rows / seconds:N0}{unit}/秒)";
                });
                task.Value = task.MaxValue;
            });
    }

    /// <summary>Reports on the caller's thread, in order (Progress&lt;T&gt; would post them to the thread pool).</summary>
    private sealed class Reporter<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
