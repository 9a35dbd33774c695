using System.CommandLine;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jichitai.Cli.Output;

namespace Jichitai.Cli.Commands;

/// <summary><c>tenant create | list | show</c>: the municipalities (団体) using the service.</summary>
internal static class TenantCommands
{
    public static Command Build(CliEnvironment env) =>
        new("tenant", "団体(地方公共団体)の管理 / Manage tenants (municipalities)") { Create(env), List(env), Show(env) };

    public static Option<string> CodeOption(string description) => new("--code")
    {
        Description = description,
        Required = true,
    };

    private static Command Create(CliEnvironment env)
    {
        var code = CodeOption("地方公共団体コード(6桁・検査数字付き、例 131016) / Local government code (6 digits incl. check digit, e.g. 131016)");
        var name = new Option<string>("--name") { Description = "団体名(例 千代田区) / Tenant name (e.g. 千代田区)", Required = true };
        var kana = new Option<string>("--kana") { Description = "団体名カナ(全角カタカナ) / Name in katakana" };
        var prefecture = new Option<string>("--prefecture") { Description = "都道府県(省略時はコードから決定) / Prefecture (default: from the code)" };
        var cls = new Option<string>("--class")
        {
            Description = "区分: 指定都市/中核市/施行時特例市/一般市/町村/特別区(既定 一般市) / Municipality class (default: 一般市 general city)",
        };
        var command = new Command("create", "団体を登録する / Register a tenant (municipality)") { code, name, kana, prefecture, cls };
        command.SetCliAction(env, async (s, r, ct) =>
        {
            await using var scope = s.SystemScope();
            var draft = new TenantDraft(r.GetRequiredValue(code), r.GetRequiredValue(name), r.GetValue(kana), r.GetValue(prefecture), r.GetValue(cls));
            var t = await scope.ServiceProvider.GetRequiredService<TenantService>().CreateAsync(draft, s.Actor, ct);
            s.Line($"団体を登録しました / tenant registered: {E(t.Code)} {E(t.Name)} ({E(t.Prefecture)}, {E(TenantLabels.Of(t.Class))})");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CliEnvironment env)
    {
        var command = new Command("list", "登録済みの団体の一覧 / List registered tenants");
        command.SetCliAction(env, async (s, _, ct) =>
        {
            await using var scope = s.SystemScope();
            var tenants = await scope.ServiceProvider.GetRequiredService<TenantService>().ListAsync(ct);
            if (tenants.Count == 0)
            {
                s.Line("団体は登録されていません / no tenants registered");
                return ExitCodes.Ok;
            }
            var table = Table("コード / Code", "団体名 / Name", "都道府県 / Prefecture", "区分 / Class", "状態 / Status");
            foreach (var t in tenants) table.Row(t.Code, t.Name, t.Prefecture, TenantLabels.Of(t.Class), TenantLabels.Of(t.Status));
            s.Console.Write(table);
            s.Line($"{tenants.Count} 団体 / tenants");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(CliEnvironment env)
    {
        var code = CodeOption("表示する団体の地方公共団体コード / Local government code of the tenant to show");
        var command = new Command("show", "団体の詳細(職員アカウント数を含む) / Show a tenant's details, including its number of staff accounts") { code };
        command.SetCliAction(env, async (s, r, ct) =>
        {
            await using var scope = s.SystemScope();
            var t = await scope.ServiceProvider.GetRequiredService<TenantService>().GetByCodeAsync(r.GetRequiredValue(code), ct);
            var staff = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Users.CountAsync(u => u.TenantId == t.Id, ct);
            var table = Table("項目 / Field", "値 / Value");
            table.Row("地方公共団体コード / Code", t.Code);
            table.Row("団体名 / Name", t.Name);
            table.Row("団体名カナ / Kana", t.NameKana);
            table.Row("都道府県 / Prefecture", t.Prefecture);
            table.Row("区分 / Class", TenantLabels.Of(t.Class));
            table.Row("状態 / Status", TenantLabels.Of(t.Status));
            table.Row("登録日時 / Registered", t.CreatedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            table.Row("職員アカウント数 / Staff accounts", staff.ToString(System.Globalization.CultureInfo.InvariantCulture));
            s.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
