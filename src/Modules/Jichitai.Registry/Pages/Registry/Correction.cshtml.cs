using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Jichitai.Registry.Features.Correction;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Movements;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>
/// 職権修正・軽微な修正・誤記修正・戸籍通知の入力 → 確認 → 登録 → 受理通知 (standard 4.2.3, 4.2.0.3).
/// Only the items typed are changed; the current record is shown beside each item.
/// </summary>
[Authorize(Policy = RegistryPolicies.Write)]
public sealed class CorrectionModel(RegistryMovements movements, ResidentQueries queries) : PageModel
{
    public static readonly string[] Kinds = ["職権修正", "軽微な修正", "誤記修正", "戸籍通知"];

    [BindProperty] public string IdempotencyKey { get; set; } = "";
    [BindProperty] public string? AddresseeNumber { get; set; }
    [BindProperty] public string? Kind { get; set; } = "職権修正";
    [BindProperty] public string? EffectiveOn { get; set; }
    [BindProperty] public string? NotifiedOn { get; set; }
    [BindProperty] public string? FamilyName { get; set; }
    [BindProperty] public string? GivenName { get; set; }
    [BindProperty] public string? FamilyNameKana { get; set; }
    [BindProperty] public string? GivenNameKana { get; set; }
    /// <summary>Empty: unchanged.</summary>
    [BindProperty] public bool? KanaConfirmed { get; set; }
    [BindProperty] public string? FormerSurname { get; set; }
    [BindProperty] public string? BirthDate { get; set; }
    [BindProperty] public string? Gender { get; set; }
    [BindProperty] public string? Domicile { get; set; }
    [BindProperty] public string? DomicileHead { get; set; }
    [BindProperty] public string? PersonalNumber { get; set; }
    [BindProperty] public string? ResidentCode { get; set; }
    [BindProperty] public AddressInputForm Address { get; set; } = new();
    [BindProperty] public string? Note { get; set; }
    public FormErrors Errors { get; } = new();
    public bool Confirming { get; private set; }
    public MovementResult? Result { get; private set; }
    public ResidentDetail? Current { get; private set; }

    /// <summary>個人番号 is shown and typed only by staff whose work needs it (番号法19条; RegistryPolicies.PersonalNumber).</summary>
    public bool MayUsePersonalNumber => RegistryPolicies.MayUsePersonalNumber(User);

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
        try { InputValidation.Ensure(new CorrectionValidator(), request); }
        catch (DomainException e) { Errors.Add(e); }
        Confirming = !Errors.Any;
        await LoadAsync(ct);
        if (Current is { } c && c.Record.Status != Residents.ResidentStatus.Resident)
            Errors.Add("addresseeNumber", $"宛名番号 {AddresseeNumber} の住民は{c.Summary.Status}です。除票は修正できません。");
        if (Errors.Any) Confirming = false;
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

    private CorrectionRequest ToRequest()
    {
        if (!MayUsePersonalNumber) PersonalNumber = null;
        var address = Address.ToInput();
        var addressGiven = new[] { address.PostalCode, address.Town, address.BlockNumber, address.Building, address.AddressCode }.Any(p => !string.IsNullOrWhiteSpace(p));
        return new CorrectionRequest
        {
            Header = new MovementHeader
            {
                EffectiveOn = Errors.Date(EffectiveOn, "header.effectiveOn", "異動日"),
                NotifiedOn = Errors.Date(NotifiedOn, "header.notifiedOn", "届出日"),
                Note = Note,
            },
            AddresseeNumber = AddresseeNumber,
            Kind = Kind,
            FamilyName = FamilyName, GivenName = GivenName, FamilyNameKana = FamilyNameKana, GivenNameKana = GivenNameKana,
            KanaConfirmed = KanaConfirmed,
            FormerSurname = FormerSurname,
            BirthDate = Errors.Date(BirthDate, "birthDate", "生年月日", required: false),
            Gender = Gender,
            Domicile = Domicile, DomicileHead = DomicileHead,
            PersonalNumber = PersonalNumber,
            ResidentCode = ResidentCode,
            // A partly typed address is sent whole so that the address rules report what is missing.
            Address = addressGiven ? address : null,
        };
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(AddresseeNumber) || Result is not null) return;
        try { Current = await queries.GetAsync(AddresseeNumber.Trim(), null, HttpContext.Actor(), MayUsePersonalNumber, reason: null, ct); }
        catch (DomainException e) when (e.Status == 404) { Errors.Add("addresseeNumber", e.Message); }
        catch (DomainException e) { Errors.Add(e); }
    }
}
