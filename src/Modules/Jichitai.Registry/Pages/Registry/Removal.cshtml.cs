using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Jichitai.Registry.Features.Removal;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Movements;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>職権消除(死亡・失踪)の入力 → 確認 → 登録 → 受理通知 (standard 4.2.2). When the head dies the rest of the household gets a new head.</summary>
[Authorize(Policy = RegistryPolicies.Write)]
public sealed class RemovalModel(RegistryMovements movements, ResidentQueries queries) : PageModel
{
    public static readonly string[] Kinds = ["死亡", "失踪"];

    [BindProperty] public string IdempotencyKey { get; set; } = "";
    [BindProperty] public string? AddresseeNumber { get; set; }
    [BindProperty] public string? Kind { get; set; } = "死亡";
    [BindProperty] public string? EffectiveOn { get; set; }
    [BindProperty] public string? NotifiedOn { get; set; }
    [BindProperty] public string? RemainingHead { get; set; }
    /// <summary>宛名番号 → new 続柄 of each remaining member, needed when the head is removed.</summary>
    [BindProperty] public Dictionary<string, string?> Relationships { get; set; } = [];
    [BindProperty] public string? Note { get; set; }
    public FormErrors Errors { get; } = new();
    public bool Confirming { get; private set; }
    public MovementResult? Result { get; private set; }
    /// <summary>The resident to be removed, shown so the clerk can check it is the right person.</summary>
    public ResidentSummary? Person { get; private set; }
    /// <summary>The rest of the household.</summary>
    public IReadOnlyList<ResidentSummary> Members { get; private set; } = [];

    public async Task OnGetAsync(string? number, CancellationToken ct)
    {
        IdempotencyKey = Guid.NewGuid().ToString("N");
        AddresseeNumber = number;
        NotifiedOn = movements.Today.ToString("yyyy-MM-dd");
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostLoadAsync(CancellationToken ct) { await LoadAsync(ct); return Page(); }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        var request = ToRequest();
        try { InputValidation.Ensure(new RemovalValidator(), request); }
        catch (DomainException e) { Errors.Add(e); }
        Confirming = !Errors.Any;
        await LoadAsync(ct);
        if (Confirming && Person is null) { Errors.Add("addresseeNumber", $"宛名番号 {AddresseeNumber} の住民は見つかりません(除票は消除できません)。"); Confirming = false; }
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
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(CancellationToken ct) { await LoadAsync(ct); return Page(); }

    private RemovalRequest ToRequest()
    {
        Relationships = Relationships.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).ToDictionary();
        return new RemovalRequest
        {
            Header = new MovementHeader
            {
                EffectiveOn = Errors.Date(EffectiveOn, "header.effectiveOn", "異動日(死亡日)"),
                NotifiedOn = Errors.Date(NotifiedOn, "header.notifiedOn", "届出日"),
                Note = Note,
            },
            AddresseeNumber = AddresseeNumber,
            Kind = Kind,
            RemainingHousehold = new HeadAssignment { NewHeadAddresseeNumber = RemainingHead, Relationships = Relationships.ToDictionary(kv => kv.Key, kv => kv.Value!) },
        };
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(AddresseeNumber) || Result is not null) return;
        try
        {
            var actor = HttpContext.Actor();
            Person = (await queries.SearchAsync(new ResidentSearchRequest { AddresseeNumber = AddresseeNumber }, actor, false, ct)).FirstOrDefault();
            if (Person?.HouseholdNumber is not { } household) return;
            var members = await queries.SearchAsync(new ResidentSearchRequest { HouseholdNumber = household }, actor, false, ct);
            Members = members.Where(m => m.AddresseeNumber != Person.AddresseeNumber).ToList();
        }
        catch (DomainException e) { Errors.Add(e); }
    }
}
