using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Jichitai.Registry.Features.Relocation;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Movements;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>転居届の入力 → 確認 → 登録 → 受理通知 (住基法23条; standard 4.1.2). The whole household moves.</summary>
[Authorize(Policy = RegistryPolicies.Write)]
public sealed class RelocationModel(RegistryMovements movements, ResidentQueries queries) : PageModel
{
    [BindProperty] public string IdempotencyKey { get; set; } = "";
    [BindProperty] public string? HouseholdNumber { get; set; }
    [BindProperty] public string? EffectiveOn { get; set; }
    [BindProperty] public string? NotifiedOn { get; set; }
    [BindProperty] public AddressInputForm Address { get; set; } = new();
    [BindProperty] public string? Note { get; set; }
    public FormErrors Errors { get; } = new();
    public bool Confirming { get; private set; }
    public MovementResult? Result { get; private set; }
    public IReadOnlyList<ResidentSummary> Members { get; private set; } = [];

    public async Task OnGetAsync(string? household, CancellationToken ct)
    {
        IdempotencyKey = Guid.NewGuid().ToString("N");
        HouseholdNumber = household;
        NotifiedOn = movements.Today.ToString("yyyy-MM-dd");
        await LoadMembersAsync(ct);
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        var request = ToRequest();
        try { InputValidation.Ensure(new RelocationValidator(), request); }
        catch (DomainException e) { Errors.Add(e); }
        Confirming = !Errors.Any;
        await LoadMembersAsync(ct);
        if (Confirming && Members.Count == 0) { Errors.Add("householdNumber", $"世帯番号 {HouseholdNumber} の世帯に現在の世帯員がいません。"); Confirming = false; }
        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(CancellationToken ct)
    {
        var request = ToRequest();
        if (!Errors.Any)
        {
            try { Result = await movements.SubmitAsync(request, IdempotencyKey, HttpContext.Actor(), ct); }
            catch (DomainException e) { Errors.Add(e); }
        }
        await LoadMembersAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(CancellationToken ct) { await LoadMembersAsync(ct); return Page(); }

    private RelocationRequest ToRequest() => new()
    {
        Header = new MovementHeader
        {
            EffectiveOn = Errors.Date(EffectiveOn, "header.effectiveOn", "異動日(転居した日)"),
            NotifiedOn = Errors.Date(NotifiedOn, "header.notifiedOn", "届出日"),
            Note = Note,
        },
        HouseholdNumber = HouseholdNumber,
        Address = Address.ToInput(),
    };

    private async Task LoadMembersAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(HouseholdNumber) || Result is not null) return;
        try
        {
            Members = await queries.SearchAsync(new ResidentSearchRequest { HouseholdNumber = HouseholdNumber }, HttpContext.Actor(), false, ct);
        }
        catch (DomainException e) { Errors.Add(e); }
    }
}
