using Jichitai.Platform.Audit;
using Jichitai.Platform.Identity;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Web.Pages.Account;

/// <summary>Step 1 of 2: user id and password. Success always leads to the TOTP step; there is no one-factor sign-in.</summary>
[AllowAnonymous]
public sealed class LoginModel(SignInManager<StaffUser> signIn, PlatformDbContext db, IAuditLog audit) : PageModel
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public const string BadCredentials = "ユーザーIDまたはパスワードが正しくありません。";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var name = UserName?.Trim().ToLowerInvariant() ?? "";
        if (name.Length == 0 || string.IsNullOrEmpty(Password)) { Error = "ユーザーIDとパスワードを入力してください。"; return Page(); }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == name, ct);
        if (user?.TenantId is int tenantId && await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.Status).SingleAsync(ct) == TenantStatus.Suspended)
        {
            await LogAsync(user, AuditOutcome.Denied, "tenant suspended", ct);
            Error = "この団体の利用は停止されています。運用者にお問い合わせください。";
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(name, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            await LogAsync(user, AuditOutcome.Success, null, ct);
            return RedirectToPage("/Account/Totp", new { ReturnUrl });
        }
        if (result.IsLockedOut)
        {
            await audit.AppendAsync(user?.TenantId, HttpContext.Actor() with { Name = name }, new AuditRecord(AuditActions.LockedOut, AuditOutcome.Denied, "staff", name), ct);
            Error = $"ログインに{IdentityConfiguration.MaxFailedAttempts}回続けて失敗したため、アカウントをロックしました。{IdentityConfiguration.LockoutDuration.TotalMinutes:0}分後にやり直すか、情報担当に連絡してください。";
            return Page();
        }
        if (result.Succeeded)
        {
            // Every account has two-factor enabled; a one-factor success means the account was altered outside the product.
            await signIn.SignOutAsync();
            await LogAsync(user, AuditOutcome.Denied, "two-factor not enabled", ct);
            Error = "このアカウントは二要素認証が設定されていないため、サインインできません。情報担当に連絡してください。";
            return Page();
        }
        await LogAsync(user, AuditOutcome.Failure, null, ct);
        Error = BadCredentials;
        return Page();
    }

    private Task LogAsync(StaffUser? user, AuditOutcome outcome, string? detail, CancellationToken ct) =>
        audit.AppendAsync(user?.TenantId, new AuditActor(user?.Id, UserName?.Trim() ?? "", HttpContext.Connection.RemoteIpAddress?.ToString()),
            new AuditRecord(AuditActions.SignInPassword, outcome, "staff", UserName?.Trim(), Detail: detail), ct);
}
