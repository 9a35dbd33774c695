using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Jichitai.Registry.Features.CharacterCodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>文字コード照会 (standard 2.2.3): enlarged characters with their codes, typed or from a resident's record (audited).</summary>
[Authorize(Policy = RegistryPolicies.Read)]
public sealed class CharactersModel(CharacterLookup lookup) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Text { get; set; }
    [BindProperty(SupportsGet = true)] public string? Number { get; set; }
    [BindProperty(SupportsGet = true)] public string? Reason { get; set; }
    public IReadOnlyList<ItemCharacters> Items { get; private set; } = [];
    public bool ReasonRequired { get; private set; }
    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            if (!string.IsNullOrWhiteSpace(Number)) Items = await lookup.OfResidentAsync(Number.Trim(), Reason, HttpContext.Actor(), ct);
            else if (Text is not null) Items = [CharacterLookup.Describe(Text)];
        }
        catch (DomainException e)
        {
            if (e.Code == "registry.resident.not-found") return NotFound();
            Errors.Add(e);
            ReasonRequired = e.Code == "registry.restriction.reason-required";
        }
        return Page();
    }
}
