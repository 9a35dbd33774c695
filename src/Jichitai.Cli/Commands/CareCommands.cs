using System.CommandLine;
using Jichitai.Care.Income;
using Jichitai.Platform.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using static Jichitai.Cli.Output;

namespace Jichitai.Cli.Commands;

/// <summary><c>care import-income | import-pension</c>: 介護保険 from the command line (one method per subcommand).</summary>
internal static class CareCommands
{
    private const int ShownErrors = 20;

    public static Command Build(CliEnvironment env) =>
        new("care", "介護保険(所得情報・特別徴収対象者の取込) / Long-term-care insurance: import tax and pension data")
        { ImportIncome(env), ImportPension(env) };

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
