using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Jichitai.Registry.Features.Approval;
using Jichitai.Registry.Movements;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>仮登録の一覧と本登録・差戻し (standard 4.0.8). Listing for the counter; deciding for registry officers.</summary>
[Authorize(Policy = RegistryPolicies.Read)]
public sealed class PendingModel(ApprovalService approvals, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<PendingView> Items { get; private set; } = [];
    public FormErrors Errors { get; } = new();
    public MovementResult? Approved { get; private set; }
    public string? Message { get; private set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Items = await approvals.ListAsync(pendingOnly: false, ct);

    public async Task<IActionResult> OnPostApproveAsync(long id, CancellationToken ct)
    {
        if (!await MayDecideAsync()) return Forbid();
        try { Approved = await approvals.ApproveAsync(id, HttpContext.Actor(), ct); Message = $"仮登録番号 {id} を本登録しました(異動番号 {Approved.MovementId})。"; }
        catch (DomainException e) { Errors.Add(e); }
        Items = await approvals.ListAsync(pendingOnly: false, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRejectAsync(long id, CancellationToken ct)
    {
        if (!await MayDecideAsync()) return Forbid();
        try { await approvals.RejectAsync(id, Reason, HttpContext.Actor(), ct); Message = $"仮登録番号 {id} を差し戻しました。"; }
        catch (DomainException e) { Errors.Add(e); }
        Items = await approvals.ListAsync(pendingOnly: false, ct);
        return Page();
    }

    public bool MayDecide => RegistryPolicies.Roles[RegistryPolicies.Approve].Any(User.IsInRole);

    private async Task<bool> MayDecideAsync() => (await authorization.AuthorizeAsync(User, RegistryPolicies.Approve)).Succeeded;
}
