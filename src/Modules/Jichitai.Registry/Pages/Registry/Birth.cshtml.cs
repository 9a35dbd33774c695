using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Jichitai.Registry.Features.Birth;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Movements;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>出生の入力 → 確認 → 登録 → 受理通知 (出生届による職権記載; standard 4.2.1.2). The child joins an existing household.</summary>
[Authorize(Policy = RegistryPolicies.Write)]
public sealed class BirthModel(RegistryMovements movements, ResidentQueries queries) : PageModel
{
    [BindProperty] public string IdempotencyKey { get; set; } = "";
    [BindProperty] public string? HouseholdNumber { get; set; }
    [BindProperty] public MemberForm Child { get; set; } = new();
    [BindProperty] public string? NotifiedOn { get; set; }
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

    /// <summary>世帯員を表示: shows the household the child joins, so the clerk can give the 続柄 to its head.</summary>
    public async Task<IActionResult> OnPostLoadAsync(CancellationToken ct) { await LoadMembersAsync(ct); return Page(); }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        var request = ToRequest();
        try { InputValidation.Ensure(new BirthValidator(), request); }
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

    /// <summary>The 異動日 of a birth is the date of birth (BirthValidator), so it is typed once.</summary>
    private BirthRequest ToRequest()
    {
        var child = Child.ToInput(Errors, "child");
        return new BirthRequest
        {
            Header = new MovementHeader { EffectiveOn = child.BirthDate, NotifiedOn = Errors.Date(NotifiedOn, "header.notifiedOn", "届出日"), Note = Note },
            HouseholdNumber = HouseholdNumber,
            Child = child,
        };
    }

    private async Task LoadMembersAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(HouseholdNumber) || Result is not null) return;
        try { Members = await queries.SearchAsync(new ResidentSearchRequest { HouseholdNumber = HouseholdNumber }, HttpContext.Actor(), false, ct); }
        catch (DomainException e) { Errors.Add(e); }
    }
}
