using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Jichitai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Web.Pages.Account;

/// <summary>標準仕様書10.3: the staff member changes the own password.</summary>
[Authorize(Policy = Policies.AnyStaff)]
public sealed class PasswordModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, StaffUserService staff) : PageModel
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (NewPassword != ConfirmPassword) { Error = "新しいパスワードと確認用のパスワードが一致しません。"; return Page(); }
        var user = await users.GetUserAsync(User);
        if (user is null) return RedirectToPage("/Account/Login");
        try
        {
            await staff.ChangePasswordAsync(user, CurrentPassword ?? "", NewPassword ?? "", HttpContext.Actor(), ct);
            await signIn.RefreshSignInAsync(user); // the security stamp changed: keep this session, end the others
            Message = "パスワードを変更しました。";
        }
        catch (DomainException e) { Error = e.Message; }
        return Page();
    }
}
