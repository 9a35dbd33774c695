using Jichitai.Care.Qualification;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Care.Pages.Care;

/// <summary>介護保険 top: 被保険者の検索 and the way to the 介護担当's other work.</summary>
[Authorize(Policy = CarePolicies.Work)]
public sealed class IndexModel(InsuredSearch search) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Term { get; set; }
    public IReadOnlyList<InsuredHit>? Hits { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Term is null) return;
        try { Hits = await search.SearchAsync(User.TenantId()!.Value, Term, HttpContext.Actor(), ct); }
        catch (DomainException e) { Error = e.Message; }
    }
}
