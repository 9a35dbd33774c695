using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Platform.Identity;

public sealed record StaffUserDraft(int? TenantId, string UserName, string DisplayName, string Password, IReadOnlyList<string> Roles, bool IsDemo = false);

public sealed record StaffUserSummary(Guid Id, string UserName, string DisplayName, int? TenantId, IReadOnlyList<string> Roles, bool TotpConfirmed, bool LockedOut, bool IsDemo);

/// <summary>Creates and lists staff accounts. Every account gets a TOTP key at creation: two-factor sign-in is mandatory.</summary>
public sealed class StaffUserService(UserManager<StaffUser> users, PlatformDbContext db, IAuditLog audit, TimeProvider clock)
{
    public async Task<StaffUser> CreateAsync(StaffUserDraft draft, AuditActor actor, CancellationToken ct = default)
    {
        var userName = draft.UserName?.Trim().ToLowerInvariant() ?? "";
        if (userName.Length is < 3 or > 50) throw new DomainException("user.name.length", "ユーザーIDは3〜50文字で入力してください。", "userName");
        if (string.IsNullOrWhiteSpace(draft.DisplayName) || draft.DisplayName.Length > 100)
            throw new DomainException("user.displayName.invalid", "氏名(表示名)は1〜100文字で入力してください。", "displayName");
        if (draft.Roles.Count == 0) throw new DomainException("user.roles.empty", "権限を1つ以上指定してください。", "roles");
        var roles = new List<string>();
        foreach (var r in draft.Roles)
        {
            var role = StaffRoles.Parse(r) ?? throw new DomainException("user.role.unknown",
                $"権限「{r}」はありません(窓口/住記担当/介護担当/情報担当/監査/運用者)。", "roles");
            roles.Add(role);
        }
        if (draft.TenantId is null && roles.Any(r => r != StaffRoles.Operator))
            throw new DomainException("user.role.operator-only", "団体に属さないアカウントには運用者の権限だけを付与できます。", "roles");
        if (draft.TenantId is not null && roles.Contains(StaffRoles.Operator))
            throw new DomainException("user.role.no-operator", "団体の職員に運用者の権限は付与できません。", "roles");
        if (draft.TenantId is int tid && !await db.Tenants.AnyAsync(t => t.Id == tid, ct))
            throw DomainException.NotFound("tenant.not-found", "団体が見つかりません。");

        var user = new StaffUser
        {
            UserName = userName, DisplayName = draft.DisplayName.Trim(), TenantId = draft.TenantId,
            IsDemo = draft.IsDemo, CreatedAt = clock.GetUtcNow().UtcDateTime, TwoFactorEnabled = true,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Check(await users.CreateAsync(user, draft.Password ?? ""), "password");
        foreach (var role in roles.Distinct()) await EnsureRoleAsync(role);
        Check(await users.AddToRolesAsync(user, roles.Distinct()), "roles");
        Check(await users.ResetAuthenticatorKeyAsync(user), null);
        await tx.CommitAsync(ct);
        await audit.AppendAsync(draft.TenantId, actor, new AuditRecord(AuditActions.UserCreate, TargetType: "staff", TargetId: userName,
            Detail: "roles=" + string.Join(",", roles)), ct);
        return user;
    }

    /// <summary>Issues a new authenticator key; the staff member enrols again at the next sign-in.</summary>
    public async Task ResetTwoFactorAsync(StaffUser user, AuditActor actor, string? reason, CancellationToken ct = default)
    {
        Check(await users.ResetAuthenticatorKeyAsync(user), null);
        user.TotpConfirmed = false;
        user.TwoFactorEnabled = true;
        Check(await users.UpdateAsync(user), null);
        await audit.AppendAsync(user.TenantId, actor, new AuditRecord(AuditActions.UserReset2fa, TargetType: "staff", TargetId: user.UserName, Reason: reason), ct);
    }

    /// <summary>標準仕様書10.3: パスワードは利用者による変更ができること.</summary>
    public async Task ChangePasswordAsync(StaffUser user, string currentPassword, string newPassword, AuditActor actor, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(newPassword)) throw new DomainException("user.password.required", "新しいパスワードを入力してください。", "newPassword");
        var result = await users.ChangePasswordAsync(user, currentPassword ?? "", newPassword);
        var wrongCurrent = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch));
        await audit.AppendAsync(user.TenantId, actor, new AuditRecord(AuditActions.PasswordChange, result.Succeeded ? AuditOutcome.Success : AuditOutcome.Failure, "staff", user.UserName), ct);
        if (wrongCurrent) throw new DomainException("user.password.mismatch", "現在のパスワードが正しくありません。", "currentPassword");
        Check(result, "newPassword");
    }

    /// <summary>標準仕様書10.3: システム管理者による(パスワードの)初期化ができること. Also lifts a lockout.</summary>
    public async Task ResetPasswordAsync(StaffUser user, string newPassword, AuditActor actor, string? reason, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(newPassword)) throw new DomainException("user.password.required", "初期パスワードを入力してください。", "password");
        foreach (var validator in users.PasswordValidators)
            Check(await validator.ValidateAsync(users, user, newPassword), "password");
        Check(await users.RemovePasswordAsync(user), "password");
        Check(await users.AddPasswordAsync(user, newPassword), "password");
        Check(await users.SetLockoutEndDateAsync(user, null), null);
        Check(await users.ResetAccessFailedCountAsync(user), null);
        await audit.AppendAsync(user.TenantId, actor, new AuditRecord(AuditActions.PasswordReset, TargetType: "staff", TargetId: user.UserName, Reason: reason), ct);
    }

    public async Task<StaffUser> FindAsync(string userName, int? tenantId, bool anyTenant = false, CancellationToken ct = default)
    {
        var name = userName.Trim().ToLowerInvariant();
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == name, ct);
        if (user is null || (!anyTenant && user.TenantId != tenantId))
            throw DomainException.NotFound("user.not-found", $"ユーザーID「{userName}」は見つかりません。");
        return user;
    }

    /// <summary>Accounts of one tenant (or the operator's accounts when tenantId is null).</summary>
    public async Task<IReadOnlyList<StaffUserSummary>> ListAsync(int? tenantId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var list = await db.Users.AsNoTracking().Where(u => u.TenantId == tenantId).OrderBy(u => u.UserName).ToListAsync(ct);
        var roleRows = await (from ur in db.UserRoles
                              join r in db.Roles on ur.RoleId equals r.Id
                              join u in db.Users on ur.UserId equals u.Id
                              where u.TenantId == tenantId
                              select new { ur.UserId, r.Name }).ToListAsync(ct);
        return list.Select(u => new StaffUserSummary(u.Id, u.UserName!, u.DisplayName, u.TenantId,
            roleRows.Where(r => r.UserId == u.Id).Select(r => r.Name!).OrderBy(StaffRoles.All.ToList().IndexOf).ToList(),
            u.TotpConfirmed, u.LockoutEnd > now, u.IsDemo)).ToList();
    }

    private async Task EnsureRoleAsync(string role)
    {
        if (await db.Roles.AnyAsync(r => r.Name == role)) return;
        db.Roles.Add(new StaffRoleEntity { Id = Guid.NewGuid(), Name = role, NormalizedName = role.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() });
        await db.SaveChangesAsync();
    }

    private static void Check(IdentityResult result, string? field)
    {
        if (!result.Succeeded)
            throw new DomainException("user.invalid", string.Join(" ", result.Errors.Select(e => e.Description)), field);
    }
}

/// <summary>The current TOTP code of a demo account, so a newcomer without an authenticator app can sign in. Refused for real accounts.</summary>
public sealed class DemoTotp(UserManager<StaffUser> users)
{
    public async Task<string> CurrentCodeAsync(StaffUser user)
    {
        if (!user.IsDemo)
            throw DomainException.Forbidden("user.totp.not-demo", "確認コードを表示できるのはデモ用アカウントだけです。実際のアカウントは認証アプリを使ってください。");
        var key = await users.GetAuthenticatorKeyAsync(user)
            ?? throw new DomainException("user.totp.no-key", "このアカウントには認証キーがありません。");
        return new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp();
    }
}
