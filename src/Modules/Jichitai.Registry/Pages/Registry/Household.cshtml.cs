using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Jichitai.Registry.Features.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>世帯の照会: current members in member order (standard 5.2), or as of a date, with links to each 住民票.</summary>
[Authorize(Policy = RegistryPolicies.Read)]
public sealed class HouseholdModel(ResidentQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? AsOf { get; set; }
    [BindProperty(SupportsGet = true)] public bool IncludeRemoved { get; set; }
    public string Number { get; private set; } = "";
    public IReadOnlyList<ResidentSummary> Members { get; private set; } = [];
    public FormErrors Errors { get; } = new();

    public async Task OnGetAsync(string number, CancellationToken ct)
    {
        Number = number;
        try
        {
            Members = await queries.SearchAsync(new ResidentSearchRequest { HouseholdNumber = number, IncludeRemoved = IncludeRemoved }, HttpContext.Actor(), false, ct);
            if (Members.Count == 0) Errors.Add("householdNumber", $"世帯番号 {number} の世帯に現在の世帯員はいません(除票も含めて表示できます)。");
        }
        catch (DomainException e) { Errors.Add(e); }
    }
}
