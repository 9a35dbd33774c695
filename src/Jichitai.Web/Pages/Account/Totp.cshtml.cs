using Jichitai.Platform.Audit;
using Jichitai.Platform.Identity;
using Jichitai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Jichitai.Web.Pages.Account;

public sealed record TotpEnrollment(string FormattedKey, string QrDataUri);

/// <summary>
/// Step 2 of 2: the TOTP code. Until the staff member has proved possession of the authenticator once, the page
/// also shows the key to register; the key is only ever shown to someone who has just passed the password step.
/// </summary>
[AllowAnonymous]
public sealed class TotpModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, IAuditLog audit) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }
    public TotpEnrollment? Enrollment { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("/Account/Login");
        await PrepareEnrollmentAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("/Account/Login");
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal);
        var actor = new AuditActor(user.Id, user.UserName!, HttpContext.Connection.RemoteIpAddress?.ToString());
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            if (!user.TotpConfirmed)
            {
                user.TotpConfirmed = true;
                await users.UpdateAsync(user);
                await audit.AppendAsync(user.TenantId, actor, new AuditRecord(AuditActions.TotpEnrolled, TargetType: "staff", TargetId: user.UserName), ct);
            }
            await audit.AppendAsync(user.TenantId, actor, new AuditRecord(AuditActions.SignInTotp, TargetType: "staff", TargetId: user.UserName), ct);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        if (result.IsLockedOut)
        {
            await audit.AppendAsync(user.TenantId, actor, new AuditRecord(AuditActions.LockedOut, AuditOutcome.Denied, "staff", user.UserName), ct);
            Error = "確認コードの誤りが続いたため、アカウントをロックしました。しばらくしてからやり直すか、情報担当に連絡してください。";
            return Page();
        }
        await audit.AppendAsync(user.TenantId, actor, new AuditRecord(AuditActions.SignInTotp, AuditOutcome.Failure, "staff", user.UserName), ct);
        Error = "確認コードが正しくありません。認証アプリに表示されている最新の6桁を入力してください。";
        await PrepareEnrollmentAsync(user);
        return Page();
    }

    private async Task PrepareEnrollmentAsync(StaffUser user)
    {
        if (user.TotpConfirmed) return;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (key is null) return;
        var uri = $"otpauth://totp/JichitaiCloud:{Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer=JichitaiCloud&digits=6";
        using var data = new QRCodeGenerator().CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        Enrollment = new TotpEnrollment(string.Join(' ', key.Chunk(4).Select(c => new string(c))),
            "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg)));
    }
}
