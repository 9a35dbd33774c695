using System.CommandLine;
using Jichitai.Care.Assessment;
using Jichitai.Care.Income;
using Jichitai.Care.Persistence;
using Jichitai.Care.Qualification;
using Spectre.Console;
using Jichitai.Platform.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using static Jichitai.Cli.Output;

namespace Jichitai.Cli.Commands;

/// <summary><c>care assess | sync | reach65 | import-income | import-pension</c>: 介護保険 from the command line (one method per subcommand).</summary>
internal static class CareCommands
{
    private const int ShownErrors = 20;

    public static Command Build(CliEnvironment env) =>
        new("care", "介護保険(本算定、住民記録との同期、65歳到達、所得情報・特別徴収対象者の取込) / Long-term-care insurance")
        { Assess(env), Sync(env), ReachSixtyFive(env), ImportIncome(env), ImportPension(env) };

    /// <summary>本算定 of a tenant and year with a progress bar; resumes a run whose process died, writes nothing for unchanged people.</summary>
    private static Command Assess(CliEnvironment env)
    {
        var tenant = Tenant();
        var year = Year();
        var chunk = new Option<int>("--chunk") { Description = "1回のトランザクションで算定する人数 / Persons per transaction", DefaultValueFactory = _ => 5_000 };
        var command = new Command("assess", "保険料の本算定(中断した算定は続きから再開、変更のない人は書かない) / Annual premium assessment, resumable and idempotent") { tenant, year, chunk };
        command.SetCliAction(env, async (s, r, ct) =>
        {
            await using var scope = s.SystemScope();
            var t = await scope.ServiceProvider.GetRequiredService<TenantService>().GetByCodeAsync(r.GetRequiredValue(tenant), ct);
            var runs = scope.ServiceProvider.GetRequiredService<AssessmentRuns>();
            runs.ChunkSize = Math.Clamp(r.GetValue(chunk), 1, 100_000);
            var started = DateTime.UtcNow;
            AssessmentRunRow run = null!;
            await s.Console.Progress().AutoClear(false).HideCompleted(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask($"{r.GetValue(year)}年度 本算定", maxValue: 1);
                    run = await runs.RunAsync(t.Id, r.GetValue(year), s.Actor, new Progress(p =>
                    {
                        task.MaxValue = Math.Max(p.Total, 1);
                        task.Value = Math.Min(p.Processed, task.MaxValue);
                        task.Description = $"{r.GetValue(year)}年度 本算定 {p.Processed:N0}/{p.Total:N0}人 変更 {p.Changed:N0} ({p.Processed / Math.Max((DateTime.UtcNow - started).TotalSeconds, 0.001):N0}人/秒)";
                    }), ct);
                    task.Value = task.MaxValue;
                });
            var totals = RunTotals.FromJson(run.Totals);
            s.Line($"本算定 完了 / done: 実行番号 {run.Id} {E(t.Name)} {run.FiscalYear}年度 対象 {run.Processed:N0}人 新たに算定・更正 {run.Changed:N0}人 条例 第{run.OrdinanceVersion}版");
            var table = new Table().AddColumns("段階", "人数", "保険料(円)");
            foreach (var stage in totals.Stages.Values) table.AddRow($"第{stage.Stage}段階", stage.Persons.ToString("N0"), stage.Premium.ToString("N0"));
            table.AddRow("計", totals.Persons.ToString("N0"), totals.Premium.ToString("N0"));
            s.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Takes the registry's full snapshot as the starting point (after a 移行, or to recompute everyone).</summary>
    private static Command Sync(CliEnvironment env)
    {
        var tenant = Tenant();
        var command = new Command("sync", "住民記録の全件データから被保険者を作り直す(移行後の初回など) / Rebuild the insured from the registry's full snapshot") { tenant };
        command.SetCliAction(env, async (s, r, ct) =>
        {
            await using var scope = s.SystemScope();
            var t = await scope.ServiceProvider.GetRequiredService<TenantService>().GetByCodeAsync(r.GetRequiredValue(tenant), ct);
            var (people, changes) = await scope.ServiceProvider.GetRequiredService<RegistrySync>().SyncAsync(t.Id, ct);
            s.Line($"同期しました / synced: {E(t.Name)} {people:N0}人 資格の変更 {changes:N0}件");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>65歳到達処理: residents who reach 65 by the end of next month acquire the qualification (run daily or monthly).</summary>
    private static Command ReachSixtyFive(CliEnvironment env)
    {
        var tenant = Tenant();
        var command = new Command("reach65", "65歳到達処理(翌月末までに65歳になる住民を被保険者にする) / Make residents reaching 65 insured") { tenant };
        command.SetCliAction(env, async (s, r, ct) =>
        {
            await using var scope = s.SystemScope();
            var t = await scope.ServiceProvider.GetRequiredService<TenantService>().GetByCodeAsync(r.GetRequiredValue(tenant), ct);
            await using var db = CareDatabase.Create(s.Settings.Database, Jichitai.Platform.Tenancy.TenantScope.ForTenant(t.Id));
            var count = await QualificationService.ReachingSixtyFiveAsync(db, scope.ServiceProvider.GetRequiredService<Reassessment>(), t.Id,
                scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, ct);
            s.Line($"65歳到達: {E(t.Name)} {count:N0}人が被保険者になりました / became insured");
            return ExitCodes.Ok;
        });
        return command;
    }

    private sealed class Progress(Action<RunProgress> report) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => report(value);
    }

    private static Option<string> Tenant() => new("--tenant") { Description = "地方公共団体コード / Local government code of the tenant", Required = true };
    private static Option<int> Year() => new("--year") { Description = "年度 / Fiscal year (e.g. 2026)", Required = true };

    private static Command ImportIncome(CliEnvironment env) =>
        ImportCommand(env, "import-income", "所得情報(住民税の課税状況)を取り込む / Import income and resident-tax status (docs/care-import-layout.md §1)",
            (importer, tenantId, year, file, name, encoding, actor, dryRun, ct) => importer.ImportIncomeAsync(tenantId, year, file, name, encoding, actor, dryRun, ct));

    private static Command ImportPension(CliEnvironment env) =>
        ImportCommand(env, "import-pension", "特別徴収対象者(年金保険者からの年金額)を取り込む / Import pension data from a pension insurer (docs/care-import-layout.md §2)",
            (importer, tenantId, year, file, name, encoding, actor, dryRun, ct) => importer.ImportPensionAsync(tenantId, year, file, name, encoding, actor, dryRun, ct));

    private delegate Task<CareImportResult> Import(CareDataImporter importer, int tenantId, int year, Stream file, string fileName, string? encoding,
        Jichitai.Platform.Audit.AuditActor actor, bool dryRun, CancellationToken ct);

    /// <summary>Both imports: all rows checked, all or nothing; errors go to FILE.errors.csv and the exit code says refused.</summary>
    private static Command ImportCommand(CliEnvironment env, string name, string description, Import import)
    {
        var tenant = Tenant();
        var year = Year();
        var file = new Option<string>("--file") { Description = "取り込むCSVファイル / CSV file", Required = true };
        var encoding = new Option<string>("--encoding")
        {
            Description = "文字コード utf-8(既定)または cp932 / Encoding: utf-8 (default) or cp932 (Shift_JIS)",
            DefaultValueFactory = _ => "utf-8",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "検査だけ行い、登録しない / Check everything, commit nothing" };
        var command = new Command(name, description + "。1行でもエラーがあれば何も登録しない / all or nothing") { tenant, year, file, encoding, dryRun };
        command.SetCliAction(env, async (s, r, ct) =>
        {
            var path = Path.GetFullPath(r.GetRequiredValue(file));
            if (!File.Exists(path))
            {
                s.IO.Error.WriteLine($"エラー: ファイルがありません / file not found: {path}");
                return ExitCodes.Refused;
            }
            await using var scope = s.SystemScope();
            var t = await scope.ServiceProvider.GetRequiredService<TenantService>().GetByCodeAsync(r.GetRequiredValue(tenant), ct);
            var importer = scope.ServiceProvider.GetRequiredService<CareDataImporter>();
            CareImportResult result;
            await using (var stream = File.OpenRead(path))
                result = await import(importer, t.Id, r.GetValue(year), stream, Path.GetFileName(path), r.GetValue(encoding), s.Actor, r.GetValue(dryRun), ct);
            if (!result.Succeeded)
            {
                var reportPath = path + ".errors.csv";
                await result.WriteErrorReportAsync(reportPath);
                s.Line($"[red]取り込めませんでした。何も登録していません / nothing was imported[/]: {result.RowsRead:N0}行中 {result.ErrorCount:N0}件のエラー / errors");
                foreach (var e in result.Errors.Take(ShownErrors)) s.Line(E($"  {(e.Line == 0 ? "" : e.Line + "行")} {e.Column} {e.Reason}"));
                if (result.ErrorCount > ShownErrors) s.Line($"  … ほか {result.ErrorCount - ShownErrors:N0}件 / more");
                s.Line($"エラー一覧 / error report: {E(reportPath)}");
                return ExitCodes.Refused;
            }
            s.Line(result.DryRun
                ? $"検査のみ・登録していません / dry run, nothing committed: {E(t.Code)} {E(t.Name)} {result.FiscalYear}年度 {result.RowsRead:N0}件 エラーなし / no errors"
                : $"取り込みました / imported: {E(t.Code)} {E(t.Name)} {result.FiscalYear}年度 {result.RowsWritten:N0}件 更正 {result.Revisions:N0}件 (取込番号 / import id {result.ImportId})");
            return ExitCodes.Ok;
        });
        return command;
    }
}
