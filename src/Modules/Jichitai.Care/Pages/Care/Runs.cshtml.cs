using Jichitai.Care.Assessment;
using Jichitai.Care.Persistence;
using Jichitai.Platform;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Care.Pages.Care;

/// <summary>本算定: start (or resume) the run of a year on the server, and the history of runs.</summary>
[Authorize(Policy = CarePolicies.Work)]
public sealed class RunsModel(AssessmentRuns runs, CareRunLauncher launcher, TimeProvider clock) : PageModel
{
    [BindProperty] public int? Year { get; set; }
    public IReadOnlyList<AssessmentRunRow> History { get; private set; } = [];
    public string? Error { get; private set; }
    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    public int CurrentFiscalYear => JapanTime.Today(clock) is var t && t.Month >= 4 ? t.Year : t.Year - 1;
    private int TenantId => User.TenantId()!.Value;

    public async Task OnGetAsync(CancellationToken ct) => History = await runs.HistoryAsync(TenantId, null, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            if (Year is not { } year) throw new DomainException("care.run.year", "本算定する年度を入力してください。", "fiscalYear");
            var id = await launcher.StartAsync(TenantId, year, HttpContext.Actor(), ct);
            return Redirect($"/care/runs/{id}");
        }
        catch (DomainException e)
        {
            Error = e.Message;
            History = await runs.HistoryAsync(TenantId, null, ct);
            return Page();
        }
    }
}
