using Jichitai.Care.Persistence;
using Jichitai.Care.Reductions;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Care.Pages.Care;

/// <summary>減免の審査: pending applications approved or rejected by an officer other than the one who entered them.</summary>
[Authorize(Policy = CarePolicies.Work)]
public sealed class ReductionsModel(ReductionService reductions) : PageModel
{
    [BindProperty] public long Id { get; set; }
    [BindProperty] public string? Note { get; set; }
    public IReadOnlyList<ReductionRow> Pending { get; private set; } = [];
    public IReadOnlyList<ReductionRow> Decided { get; private set; } = [];
    public (long Id, string Message)? Error { get; private set; }
    [TempData] public string? Done { get; set; }
    private int TenantId => User.TenantId()!.Value;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) => DecideAsync(true, ct);
    public Task<IActionResult> OnPostRejectAsync(CancellationToken ct) => DecideAsync(false, ct);

    private async Task<IActionResult> DecideAsync(bool approve, CancellationToken ct)
    {
        try
        {
            var row = await reductions.DecideAsync(TenantId, Id, approve, Note, HttpContext.Actor(), ct);
            Done = approve ? $"減免申請 {row.Id} を承認しました(保険料を更正しました)。" : $"減免申請 {row.Id} を却下しました。";
            return RedirectToPage();
        }
        catch (DomainException e)
        {
            Error = (Id, e.Message);
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var all = await reductions.ListAsync(TenantId, null, false, ct);
        Pending = all.Where(r => r.State == ReductionState.Pending).OrderBy(r => r.Id).ToList();
        Decided = all.Where(r => r.State != ReductionState.Pending).OrderByDescending(r => r.DecidedAt).Take(50).ToList();
    }
}
