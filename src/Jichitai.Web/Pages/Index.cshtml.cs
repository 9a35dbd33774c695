using Jichitai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Web.Pages;

[Authorize(Policy = Policies.AnyStaff)]
public sealed class IndexModel : PageModel
{
    public string TenantLabel => User.FindFirst(StaffClaimTypes.TenantCode) is { } code
        ? $"{User.FindFirst(StaffClaimTypes.TenantName)?.Value}({code.Value})"
        : "運用者(団体に属さない)";

    public void OnGet() { }
}
