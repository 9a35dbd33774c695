using System.CommandLine;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using static Jichitai.Cli.Output;

namespace Jichitai.Cli.Commands;

/// <summary><c>audit verify | checkpoint</c>: the hash-chained access log (アクセスログ).</summary>
internal static class AuditCommands
{
    public static Command Build(CliEnvironment env) =>
        new("audit", "アクセスログ(監査ログ)の検証と保全 / Verify and anchor the audit log") { Verify(env), Checkpoint(env) };

    private static Command Verify(CliEnvironment env)
    {
        var tenant = new Option<string>("--tenant")
        {
            Description = "この団体のチェーンだけを検証する(省略時は運用者を含む全チェーン) / Verify only this tenant's chain (default: every chain, including the operator's)",
        };
        var command = new Command("verify", "アクセスログの改ざん・削除を検出する(問題があれば終了コード1) / Detect alteration or deletion in the audit log (exit code 1 if a chain is broken)") { tenant };
        command.SetCliAction(env, async (s, r, ct) =>
        {
            var verifier = s.Services.GetRequiredService<AuditVerifier>();
            var code = r.GetValue(tenant);
            IReadOnlyList<ChainReport> reports;
            if (code is null) reports = await verifier.VerifyAllAsync(ct);
            else
            {
                await using var scope = s.SystemScope();
                var t = await scope.ServiceProvider.GetRequiredService<TenantService>().GetByCodeAsync(code, ct);
                reports = [await verifier.VerifyChainAsync(t.Id, $"{t.Code} {t.Name}", ct)];
            }
            foreach (var c in reports)
                s.Line(c.Ok
                    ? $"[green]OK[/]  {E(c.ChainName)}  件数 / entries: {c.Entries}  チェックポイント / anchored seq: {c.AnchoredSeq}"
                    : $"[red]NG[/]  {E(c.ChainName)}  {E(c.Problem)}  (検証済み / verified entries: {c.Entries})");
            var broken = reports.Count(c => !c.Ok);
            s.Line(broken == 0
                ? $"{reports.Count} チェーンすべて正常です / all chains intact ({reports.Count})"
                : $"[red]{broken} チェーンに問題があります / {broken} of {reports.Count} chains broken[/]");
            await s.Services.GetRequiredService<IAuditLog>().AppendAsync(null, s.Actor, new AuditRecord(AuditActions.AuditVerify,
                broken == 0 ? AuditOutcome.Success : AuditOutcome.Failure, TargetType: "audit", TargetId: code ?? "all",
                Detail: $"chains={reports.Count} broken={broken}"), ct);
            return broken == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static Command Checkpoint(CliEnvironment env)
    {
        var command = new Command("checkpoint", "各チェーンの先頭を鍵で署名して記録する(以後の書き換え・切り詰めを検出) / Sign and record each chain head (later rewriting or truncation becomes detectable)");
        command.SetCliAction(env, async (s, _, ct) =>
        {
            var written = await s.Services.GetRequiredService<AuditCheckpointWriter>().AnchorAllAsync(ct);
            await s.Services.GetRequiredService<IAuditLog>().AppendAsync(null, s.Actor,
                new AuditRecord(AuditActions.AuditCheckpoint, TargetType: "audit", TargetId: "all", Detail: $"anchored={written}"), ct);
            s.Line(written == 0
                ? "新しいエントリはありません(チェックポイントは最新です) / no new entries: checkpoints up to date"
                : $"{written} チェーンのチェックポイントを記録しました / anchored {written} chains");
            return ExitCodes.Ok;
        });
        return command;
    }
}
