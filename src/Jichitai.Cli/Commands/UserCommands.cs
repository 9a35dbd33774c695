using System.CommandLine;
using System.Globalization;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Jichitai.Platform.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using static Jichitai.Cli.Output;

namespace Jichitai.Cli.Commands;

/// <summary><c>user create | list | reset-2fa | totp</c>: staff accounts (職員アカウント).</summary>
internal static class UserCommands
{
    private const string RoleNames = "窓口/住記担当/介護担当/情報担当/監査/運用者";

    public static Command Build(CliEnvironment env) =>
        new("user", "職員アカウントの管理 / Manage staff accounts") { Create(env), List(env), ResetTwoFactor(env), Totp(env) };

    private static Option<string> TenantOption(string description) => new("--tenant") { Description = description };
    private static Option<bool> OperatorOption(string description) => new("--operator") { Description = description };
    private static Option<string> UserOption(string description) => new("--user") { Description = description, Required = true };

    /// <summary>An account belongs to one tenant or to the operator: exactly one of the two options.</summary>
    private static void RequireOneOwner(Command command, Option<string> tenant, Option<bool> op) =>
        command.Validators.Add(r =>
        {
            if ((r.GetResult(tenant) is not null) == r.GetValue(op))
                r.AddError("--tenant CODE と --operator のどちらか一方を指定してください / specify either --tenant CODE or --operator");
        });

    private static Command Create(CliEnvironment env)
    {
        var tenant = TenantOption("所属する団体の地方公共団体コード / Local government code of the staff member's tenant");
        var op = OperatorOption("運用者アカウントを作成する(団体に属さない) / Create an operator account (belongs to no tenant)");
        var user = UserOption("ユーザーID(半角英小文字・数字・「.」「-」「_」) / User ID (lowercase letters, digits, . - _)");
        var name = new Option<string>("--name") { Description = "氏名(表示名) / Display name of the staff member", Required = true };
        var role = new Option<string[]>("--role")
        {
            Description = $"権限(繰り返し指定可): {RoleNames}。運用者アカウントの既定は運用者 / Role, repeatable (operator accounts default to 運用者 Operator)",
        };
        var passwordStdin = new Option<bool>("--password-stdin")
        {
            Description = "パスワードを標準入力の1行目から読む(省略時は画面で2回入力) / Read the password from the first line of standard input (default: prompt twice without echo)",
        };
        var command = new Command("create", "職員アカウントを作成する(初回サインイン時に認証アプリを登録) / Create a staff account (the authenticator app is registered at first sign-in)")
        {
            tenant, op, user, name, role, passwordStdin,
        };
        RequireOneOwner(command, tenant, op);
        command.SetCliAction(env, async (s, r, ct) =>
        {
            await using var scope = s.SystemScope();
            var sp = scope.ServiceProvider;
            var (tenantId, owner) = await OwnerAsync(sp, r.GetValue(tenant), ct);
            var roles = (r.GetValue(role) ?? []).SelectMany(x => x.Split([',', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            if (tenantId is null && roles.Count == 0) roles.Add(StaffRoles.Operator);
            if (roles.FirstOrDefault(x => StaffRoles.Parse(x) is null) is { } unknown) // before asking for a password
                throw new DomainException("user.role.unknown", $"権限「{unknown}」はありません({RoleNames})。", "roles");
            var password = await ReadPasswordAsync(s, r.GetValue(passwordStdin), ct);
            var draft = new StaffUserDraft(tenantId, r.GetRequiredValue(user), r.GetRequiredValue(name), password, roles);
            var created = await sp.GetRequiredService<StaffUserService>().CreateAsync(draft, s.Actor, ct);
            s.Line($"職員アカウントを作成しました / staff account created: {E(created.UserName)} ({E(created.DisplayName)}) — {E(owner)}, " +
                   $"権限 / roles: {E(string.Join("・", roles.Select(x => StaffRoles.Label(StaffRoles.Parse(x)!))))}");
            s.Line("初回サインイン時に、本人が認証アプリ(TOTP)を登録します / The staff member registers the authenticator app (TOTP) at first sign-in.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CliEnvironment env)
    {
        var tenant = TenantOption("団体の地方公共団体コード / Local government code of the tenant");
        var op = OperatorOption("運用者アカウントを一覧する / List the operator accounts");
        var command = new Command("list", "職員アカウントの一覧(参照はアクセスログに記録) / List staff accounts (recorded in the audit log)") { tenant, op };
        RequireOneOwner(command, tenant, op);
        command.SetCliAction(env, async (s, r, ct) =>
        {
            await using var scope = s.SystemScope();
            var sp = scope.ServiceProvider;
            var code = r.GetValue(tenant);
            var (tenantId, owner) = await OwnerAsync(sp, code, ct);
            var users = await sp.GetRequiredService<StaffUserService>().ListAsync(tenantId, ct);
            await sp.GetRequiredService<IAuditLog>().AppendAsync(tenantId, s.Actor,
                new AuditRecord(AuditActions.UserRead, TargetType: "tenant", TargetId: code ?? "operator"), ct);
            var table = Table("ユーザーID / User ID", "氏名 / Name", "権限 / Roles", "二要素認証 / 2FA", "状態 / Status");
            foreach (var u in users)
                table.Row(u.UserName, u.DisplayName, string.Join("・", u.Roles.Select(StaffRoles.Label)),
                    u.TotpConfirmed ? "登録済 / enrolled" : "未登録 / not yet",
                    (u.LockedOut ? "ロック中 / locked" : "有効 / active") + (u.IsDemo ? " (デモ / demo)" : ""));
            s.Console.Write(table);
            s.Line($"{E(owner)}: {users.Count} アカウント / accounts");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command ResetTwoFactor(CliEnvironment env)
    {
        var user = UserOption("二要素認証をリセットするユーザーID / User ID whose authenticator key is reset");
        var reason = new Option<string>("--reason") { Description = "理由(アクセスログに記録、例: 端末紛失) / Reason, recorded in the audit log (e.g. lost phone)" };
        var command = new Command("reset-2fa", "二要素認証をリセットする(認証キーを再発行) / Reset two-factor authentication (issue a new authenticator key)") { user, reason };
        command.SetCliAction(env, async (s, r, ct) =>
        {
            await using var scope = s.SystemScope();
            var staff = scope.ServiceProvider.GetRequiredService<StaffUserService>();
            var account = await staff.FindAsync(r.GetRequiredValue(user), null, anyTenant: true, ct);
            await staff.ResetTwoFactorAsync(account, s.Actor, r.GetValue(reason), ct);
            s.Line($"二要素認証をリセットしました / two-factor authentication reset: {E(account.UserName)} ({E(account.DisplayName)})");
            s.Line("次回サインイン時に、本人が認証アプリを登録し直します / The staff member registers the authenticator app again at the next sign-in.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Totp(CliEnvironment env)
    {
        var user = UserOption("デモ用アカウントのユーザーID(例 demo-juki) / User ID of a demo account (e.g. demo-juki)");
        var command = new Command("totp", "デモ用アカウントの現在の確認コードを表示する(実アカウントは不可) / Print the current TOTP code of a demo account (refused for real accounts)") { user };
        command.SetCliAction(env, async (s, r, ct) =>
        {
            await using var scope = s.SystemScope();
            var account = await scope.ServiceProvider.GetRequiredService<StaffUserService>().FindAsync(r.GetRequiredValue(user), null, anyTenant: true, ct);
            var code = await scope.ServiceProvider.GetRequiredService<DemoTotp>().CurrentCodeAsync(account);
            s.IO.Out.WriteLine(code); // alone on stdout, for scripts
            var left = 30 - DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 30;
            s.IO.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"デモ用アカウント {account.UserName} の確認コード(あと {left} 秒有効) / current code of demo account {account.UserName} ({left} s left)"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<(int? TenantId, string Owner)> OwnerAsync(IServiceProvider sp, string? tenantCode, CancellationToken ct)
    {
        if (tenantCode is null) return (null, "運用者 / operator");
        var t = await sp.GetRequiredService<TenantService>().GetByCodeAsync(tenantCode, ct);
        return (t.Id, $"{t.Code} {t.Name}");
    }

    /// <summary>Never from an option (it would stay in shell history and process lists).</summary>
    private static async Task<string> ReadPasswordAsync(CliSession s, bool fromStdin, CancellationToken ct)
    {
        if (fromStdin)
        {
            var line = await s.IO.In.ReadLineAsync(ct);
            return string.IsNullOrEmpty(line)
                ? throw new DomainException("cli.password.missing", "標準入力からパスワードを読み取れませんでした / no password on standard input", "password")
                : line;
        }
        if (!s.IO.CanPrompt)
            throw new DomainException("cli.password.no-terminal",
                "パスワードを入力する端末がありません。--password-stdin を使ってください / no terminal to prompt for the password: use --password-stdin", "password");
        var first = await new TextPrompt<string>("パスワード / Password:").Secret().ShowAsync(s.Console, ct);
        var second = await new TextPrompt<string>("パスワード(確認) / Password (again):").Secret().ShowAsync(s.Console, ct);
        return first == second ? first
            : throw new DomainException("cli.password.mismatch", "パスワードが一致しません / the passwords do not match", "password");
    }
}
