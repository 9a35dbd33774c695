using Jichitai.Platform.Audit;
using Jichitai.Platform.Identity;
using Jichitai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Web.Pages.Account;

[Authorize(Policy = Policies.AnyStaff)]
public sealed class LogoutModel(SignInManager<StaffUser> signIn, IAuditLog audit) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await audit.AppendAsync(User.TenantId(), HttpContext.Actor(), new AuditRecord(AuditActions.SignOut, TargetType: "staff", TargetId: User.Identity?.Name), ct);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
