using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Jichitai.Registry.Features.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>住民票の照会: current record or as of a date, history timeline (standard 2.2.1) and household.</summary>
[Authorize(Policy = RegistryPolicies.Read)]
public sealed class ResidentModel(ResidentQueries queries, Features.Memos.MemoService memos, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? AsOf { get; set; }
    /// <summary>照会理由: required for a person under 支援措置 or 抑止; written to the access log.</summary>
    [BindProperty(SupportsGet = true)] public string? Reason { get; set; }
    public bool ReasonRequired { get; private set; }
    public ResidentDetail? Detail { get; private set; }
    public FormErrors Errors { get; } = new();
    public IReadOnlyList<Features.Memos.MemoView> Memos { get; private set; } = [];
    [BindProperty] public string? MemoText { get; set; }
    public string? Message { get; private set; }

    /// <summary>メモの記入 (standard 1.1.15), for staff who may write to the registry.</summary>
    public async Task<IActionResult> OnPostMemoAsync(string number, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, RegistryPolicies.Write)).Succeeded) return Forbid();
        try { await memos.AddAsync(number, new Features.Memos.MemoRequest(MemoText), HttpContext.Actor(), ct); Message = "メモを記入しました。"; MemoText = null; }
        catch (DomainException e) { Errors.Add(e); }
        return await OnGetAsync(number, ct);
    }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        var asOf = string.IsNullOrWhiteSpace(AsOf) ? null : Errors.Date(AsOf, "asOf", "基準日");
        if (Errors.Any) asOf = null;
        try
        {
            Detail = await queries.GetAsync(number, asOf, HttpContext.Actor(), RegistryPolicies.MayUsePersonalNumber(User), Reason, ct);
            Memos = await memos.ListAsync(number, ct);
        }
        catch (DomainException e) when (e.Code is "registry.restriction.reason-required" or "registry.restricted.inquiry")
        {
            Errors.Add(e);
            ReasonRequired = e.Code == "registry.restriction.reason-required";
        }
        catch (DomainException e) when (e.Status == 404)
        {
            Errors.Add(e);
            if (asOf is null) return NotFound();
        }
        return Page();
    }
}
