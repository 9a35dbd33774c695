using System.CommandLine;
using Jichitai.Linkage.Consumers;
using Jichitai.Linkage.Delivery;
using Jichitai.Linkage.Files;
using Jichitai.Platform.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using static Jichitai.Cli.Output;

namespace Jichitai.Cli.Commands;

/// <summary><c>linkage dispatch | consumers | delta | replay</c>: 連携 (庁内他業務連携, 標準7.2) from the command line.</summary>
internal static class LinkageCommands
{
    public static Command Build(CliEnvironment env) =>
        new("linkage", "連携(他業務システムへの住民異動の配信) / Deliver registry changes to other business systems")
        { Dispatch(env), Consumers(env), Delta(env), Replay(env) };

    private static Option<string> Tenant() => new("--tenant") { Description = "地方公共団体コード / Local government code of the tenant", Required = true };
    private static Option<string> Consumer() => new("--consumer") { Description = "連携先の名称 / Consumer name", Required = true };

    private static Command Dispatch(CliEnvironment env)
    {
        var once = new Option<bool>("--once") { Description = "一巡だけ配信して終了 / Deliver one round and exit" };
        var batch = new Option<int?>("--batch-size") { Description = "1回の送信の最大件数 / Events per delivery" };
        var lease = new Option<int?>("--lease-seconds") { Description = "担当の保持時間(秒) / Seconds a dispatcher holds a consumer without renewing" };
        var command = new Command("dispatch", "配信を実行する(Ctrl+C で停止。複数のプロセスで動かしても同じイベントを重ねて送らない) / Run the dispatcher (several processes may run it)")
            { once, batch, lease };
        command.SetCliAction(env, async (s, r, ct) =>
        {
            var options = s.Services.GetRequiredService<LinkageOptions>();
            if (r.GetValue(batch) is int b) options.BatchSize = b;
            if (r.GetValue(lease) is int l) options.LeaseDuration = TimeSpan.FromSeconds(l);
            var dispatcher = s.Services.GetRequiredService<LinkageDispatcher>();
            if (r.GetValue(once))
            {
                var delivered = await dispatcher.RunOnceAsync(ct);
                s.Line($"配信しました / delivered: {delivered:N0}件");
                return ExitCodes.Ok;
            }
            s.Line($"配信を開始しました / dispatcher running as {E(dispatcher.Owner)} (Ctrl+C で停止 / to stop)");
            await dispatcher.RunAsync(ct);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Consumers(CliEnvironment env)
    {
        var tenant = Tenant();
        var command = new Command("consumers", "連携先と配信状況の一覧 / Consumers with their cursor and lag") { tenant };
        command.SetCliAction(env, async (s, r, ct) =>
        {
            await using var scope = s.SystemScope();
            var t = await scope.ServiceProvider.GetRequiredService<TenantService>().GetByCodeAsync(r.GetRequiredValue(tenant), ct);
            var list = await scope.ServiceProvider.GetRequiredService<ConsumerService>().ListAsync(t.Id, ct);
            var table = new Table().AddColumns("名称", "方式", "状態", "カーソル", "未送信", "最終エラー");
            foreach (var c in list)
                table.AddRow(E(c.Consumer.Name), ConsumerService.KindLabel(c.Consumer.Kind), ConsumerService.StateLabel(c.Consumer.State),
                    c.Consumer.Cursor.ToString("N0"), c.Lag.ToString("N0"), E(c.Consumer.LastError ?? ""));
            s.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Delta(CliEnvironment env)
    {
        var tenant = Tenant();
        var consumer = Consumer();
        var output = new Option<string>("--out") { Description = "出力するCSVファイル / CSV file to write", Required = true };
        var after = new Option<long?>("--after") { Description = "この連番より後を出力(指定するとカーソルは動かさない) / Start after this sequence (the cursor is then left as is)" };
        var command = new Command("delta", "差分ファイルを作成する(前回の続きから。文字コードは連携先の設定) / Write the delta file of a file consumer") { tenant, consumer, output, after };
        command.SetCliAction(env, async (s, r, ct) =>
        {
            await using var scope = s.SystemScope();
            var t = await scope.ServiceProvider.GetRequiredService<TenantService>().GetByCodeAsync(r.GetRequiredValue(tenant), ct);
            var c = await FindAsync(scope.ServiceProvider, t.Id, r.GetRequiredValue(consumer), ct);
            var result = await scope.ServiceProvider.GetRequiredService<DeltaFiles>().WriteAsync(t.Id, c.Id, Path.GetFullPath(r.GetRequiredValue(output)), r.GetValue(after), s.Actor, ct);
            s.Line($"差分ファイルを作成しました / written: {result.Rows:N0}件 (連番 {result.From + 1}–{result.To}) → {E(r.GetRequiredValue(output))}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Replay(CliEnvironment env)
    {
        var tenant = Tenant();
        var consumer = Consumer();
        var from = new Option<long>("--from") { Description = "この連番から再送する / First sequence number to deliver again", Required = true };
        var command = new Command("replay", "指定した連番から再送する(デッドレターも解除) / Deliver again from a sequence number") { tenant, consumer, from };
        command.SetCliAction(env, async (s, r, ct) =>
        {
            await using var scope = s.SystemScope();
            var t = await scope.ServiceProvider.GetRequiredService<TenantService>().GetByCodeAsync(r.GetRequiredValue(tenant), ct);
            var c = await FindAsync(scope.ServiceProvider, t.Id, r.GetRequiredValue(consumer), ct);
            await scope.ServiceProvider.GetRequiredService<ConsumerService>().ReplayAsync(t.Id, c.Id, r.GetValue(from), s.Actor, ct);
            s.Line($"連番 {r.GetValue(from)} から再送します / replay scheduled");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<Jichitai.Linkage.Persistence.ConsumerRow> FindAsync(IServiceProvider sp, int tenantId, string name, CancellationToken ct) =>
        (await sp.GetRequiredService<ConsumerService>().ListAsync(tenantId, ct)).Select(c => c.Consumer).SingleOrDefault(c => c.Name == name.Trim())
        ?? throw new Jichitai.Platform.Errors.DomainException("linkage.consumer.not-found", $"連携先「{name}」は登録されていません。", "--consumer", 404);
}
