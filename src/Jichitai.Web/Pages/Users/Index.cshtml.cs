using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Jichitai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Web.Pages.Users;

[Authorize(Policy = Policies.TenantAdmin)]
public sealed class IndexModel(StaffUserService staff) : PageModel
{
    public IReadOnlyList<StaffUserSummary> Users { get; private set; } = [];
    [BindProperty] public string? NewUserName { get; set; }
    [BindProperty] public string? NewDisplayName { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public List<string> NewRoles { get; set; } = [];
    [BindProperty] public string? TargetUser { get; set; }
    [BindProperty] public string? ResetPassword { get; set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }
    public string? ErrorField { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Users = await staff.ListAsync(User.TenantId(), ct);

    public Task<IActionResult> OnPostCreateAsync(CancellationToken ct) => RunAsync(async () =>
    {
        var u = await staff.CreateAsync(new StaffUserDraft(User.TenantId(), NewUserName ?? "", NewDisplayName ?? "", NewPassword ?? "", NewRoles), HttpContext.Actor(), ct);
        Message = $"アカウント「{u.UserName}」を作成しました。初回サインイン時に認証アプリを登録します。";
        NewUserName = NewDisplayName = null;
        NewRoles = [];
    }, ct);

    public Task<IActionResult> OnPostReset2faAsync(CancellationToken ct) => RunAsync(async () =>
    {
        var u = await staff.FindAsync(TargetUser ?? "", User.TenantId(), ct: ct);
        await staff.ResetTwoFactorAsync(u, HttpContext.Actor(), "情報担当によるリセット", ct);
        Message = $"「{u.UserName}」の二要素認証をリセットしました。次回サインイン時に認証アプリを登録し直します。";
    }, ct);

    public Task<IActionResult> OnPostResetPasswordAsync(CancellationToken ct) => RunAsync(async () =>
    {
        var u = await staff.FindAsync(TargetUser ?? "", User.TenantId(), ct: ct);
        await staff.ResetPasswordAsync(u, ResetPassword ?? "", HttpContext.Actor(), "情報担当による初期化", ct);
        Message = $"「{u.UserName}」のパスワードを初期化しました(ロックも解除しました)。";
    }, ct);

    private async Task<IActionResult> RunAsync(Func<Task> action, CancellationToken ct)
    {
        try { await action(); }
        catch (DomainException e) { Error = e.Message; ErrorField = e.Field; }
        Users = await staff.ListAsync(User.TenantId(), ct);
        return Page();
    }
}
