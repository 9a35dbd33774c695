using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Jichitai.Registry.Features.RecordColumn;
using Jichitai.Registry.Features.RecordSheets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>世帯票 (世帯連記式, standard 1.1.3), printable, with the 事実上の世帯主 (4.1.4.3) and its history.</summary>
[Authorize(Policy = RegistryPolicies.Read)]
public sealed class HouseholdSheetModel(RecordSheetQueries sheets, DeFactoHeadService deFacto, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Reason { get; set; }
    [BindProperty] public DeFactoHeadRequest Head { get; set; } = new();
    [BindProperty] public string? FromOnText { get; set; }
    [BindProperty] public string? EndedOnText { get; set; }
    [BindProperty] public string? EndReason { get; set; }
    public HouseholdSheet? Sheet { get; private set; }
    public IReadOnlyList<DeFactoHeadView> DeFactoHistory { get; private set; } = [];
    public bool ReasonRequired { get; private set; }
    public bool MayWrite { get; private set; }
    public string? Message { get; private set; }
    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        MayWrite = (await authorization.AuthorizeAsync(User, RegistryPolicies.Write)).Succeeded;
        try
        {
            Sheet = await sheets.HouseholdAsync(number, Reason, HttpContext.Actor(), ct);
            DeFactoHistory = await deFacto.ListAsync(number, ct);
        }
        catch (DomainException e) when (e.Code is "registry.restriction.reason-required" or "registry.restricted.inquiry")
        {
            Errors.Add(e);
            ReasonRequired = e.Code == "registry.restriction.reason-required";
        }
        catch (DomainException e) when (e.Status == 404)
        {
            if (e.Code == "registry.household.not-found") return NotFound();
            Errors.Add(e);
        }
        return Page();
    }

    /// <summary>事実上の世帯主の記録 (or its change, with 変更として記録).</summary>
    public async Task<IActionResult> OnPostSetAsync(string number, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, RegistryPolicies.Write)).Succeeded) return Forbid();
        var from = string.IsNullOrWhiteSpace(FromOnText) ? null : Errors.Date(FromOnText, "fromOn", "開始日");
        if (!Errors.Any)
            try { var v = await deFacto.SetAsync(number, Head with { FromOn = from }, HttpContext.Actor(), ct); Message = $"事実上の世帯主 {v.Name} を記録しました。"; Head = new(); FromOnText = null; }
            catch (DomainException e) { Errors.Add(e); }
        return await OnGetAsync(number, ct);
    }

    public async Task<IActionResult> OnPostEndAsync(string number, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, RegistryPolicies.Write)).Succeeded) return Forbid();
        var ended = string.IsNullOrWhiteSpace(EndedOnText) ? null : Errors.Date(EndedOnText, "endedOn", "終了日");
        if (!Errors.Any)
            try { await deFacto.EndAsync(number, new EndDeFactoHeadRequest(ended, EndReason), HttpContext.Actor(), ct); Message = "事実上の世帯主を終了しました。"; EndReason = EndedOnText = null; }
            catch (DomainException e) { Errors.Add(e); }
        return await OnGetAsync(number, ct);
    }
}
