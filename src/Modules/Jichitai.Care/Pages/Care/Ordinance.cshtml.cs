using Jichitai.Care.Ordinance;
using Jichitai.Platform;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Care.Pages.Care;

/// <summary>
/// 条例パラメータ of a fiscal year: what is in force, the version history, and the form that saves a whole new version
/// (stages are rows: their number is data). Nothing is saved unless every field is valid.
/// </summary>
[Authorize(Policy = CarePolicies.Work)]
public sealed class OrdinanceModel(OrdinanceService ordinances, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public OrdinanceForm Form { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }

    public OrdinanceInForce InForce { get; private set; } = null!;
    public IReadOnlyList<OrdinanceInForce> Versions { get; private set; } = [];
    public FormError? Error { get; private set; }
    [TempData] public string? Done { get; set; }

    public int FiscalYear => Year ?? (JapanTime.Today(clock) is var t && t.Month >= 4 ? t.Year : t.Year - 1);
    private int TenantId => User.TenantId()!.Value;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Form = OrdinanceForm.From(InForce.Parameters);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var saved = await ordinances.SaveAsync(TenantId, FiscalYear, Form.ToParameters(), Reason, HttpContext.Actor(), ct);
            Done = $"{FiscalYear}年度の条例パラメータ 第{saved.Version}版を保存しました。";
            return RedirectToPage(new { year = FiscalYear });
        }
        catch (DomainException e)
        {
            Error = FormError.Of("ordinance", e);
            await LoadAsync(ct);
            return Page();
        }
    }

    /// <summary>Adds an empty stage or 減免 row to the form being edited (nothing is saved).</summary>
    public async Task<IActionResult> OnPostAddRowAsync(string what, CancellationToken ct)
    {
        if (what == "reduction") Form.ReductionRules.Add(new ReductionRuleInput { MaxMonths = "12" });
        else Form.Stages.Add(new StageInput());
        ModelState.Clear();
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        InForce = await ordinances.InForceAsync(TenantId, FiscalYear, ct);
        Versions = await ordinances.VersionsAsync(TenantId, FiscalYear, ct);
    }

    public IEnumerable<string> Errors(params string[] keys) => Error?.For(keys) ?? [];
}
