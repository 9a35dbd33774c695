using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Jichitai.Registry.Features.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>住民検索 (standard 2.1.3): カナ, 氏名, 生年月日 (西暦/和暦), 住所, 宛名番号, 世帯番号.</summary>
[Authorize(Policy = RegistryPolicies.Read)]
public sealed class IndexModel(ResidentQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Kana { get; set; }
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public string? BirthDate { get; set; }
    [BindProperty(SupportsGet = true)] public string? Address { get; set; }
    [BindProperty(SupportsGet = true)] public string? AddresseeNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? HouseholdNumber { get; set; }
    [BindProperty(SupportsGet = true)] public bool IncludeRemoved { get; set; }
    [BindProperty(SupportsGet = true)] public string? GivenNameKana { get; set; }
    [BindProperty(SupportsGet = true)] public bool Fuzzy { get; set; }
    [BindProperty(SupportsGet = true)] public KanaMatch KanaMatch { get; set; }
    public IReadOnlyList<ResidentSummary>? Results { get; private set; }
    public FormErrors Errors { get; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (new[] { Kana, GivenNameKana, Name, BirthDate, Address, AddresseeNumber, HouseholdNumber }.All(string.IsNullOrWhiteSpace)) return;
        try
        {
            Results = await queries.SearchAsync(new ResidentSearchRequest
            {
                Kana = Kana, Name = Name, BirthDate = BirthDate, Address = Address, AddresseeNumber = AddresseeNumber,
                HouseholdNumber = HouseholdNumber, IncludeRemoved = IncludeRemoved, GivenNameKana = GivenNameKana, Fuzzy = Fuzzy, KanaMatch = KanaMatch,
            }, HttpContext.Actor(), mayUsePersonalNumber: false, ct);
        }
        catch (DomainException e) { Errors.Add(e); }
    }
}
