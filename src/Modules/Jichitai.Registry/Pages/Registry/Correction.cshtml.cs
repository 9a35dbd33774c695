using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Jichitai.Registry.Features.Correction;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Movements;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>
/// 職権修正・軽微な修正・誤記修正・戸籍通知の入力 → 確認 → 登録 → 受理通知 (standard 4.2.3, 4.2.0.3).
/// Only the items typed are changed; the current record is shown beside each item.
/// </summary>
[Authorize(Policy = RegistryPolicies.Write)]
public sealed class CorrectionModel(RegistryMovements movements, ResidentQueries queries) : CounterPageModel(movements)
{
    public static readonly string[] Kinds = ["職権修正", "軽微な修正", "誤記修正", "戸籍通知"];

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
    /// <summary>Items to clear (CorrectionHandler.Clearable).</summary>
    [BindProperty] public List<string> Clear { get; set; } = [];
    public ResidentDetail? Current { get; private set; }

    /// <summary>個人番号 is shown and typed only by staff whose work needs it (番号法19条; RegistryPolicies.PersonalNumber).</summary>
    public bool MayUsePersonalNumber => RegistryPolicies.MayUsePersonalNumber(User);

    public override string ReadBackMessage => "修正する項目を読み上げて確認してください。誤りがなければ「登録する」を押します。";

    public async Task OnGetAsync(string? number, CancellationToken ct)
    {
        NotifiedOn = StartEntry();
        AddresseeNumber = number;
        await LoadAsync(ct);
    }

    protected override CounterEntry BuildEntry() => CounterEntry.Of(ToRequest(), new CorrectionValidator());

    protected override Task CheckBeforeReadBackAsync(object request, CancellationToken ct)
    {
        if (Current is { } c && c.Record.Status != Residents.ResidentStatus.Resident)
            Errors.Add("addresseeNumber", $"宛名番号 {AddresseeNumber} の住民は{c.Summary.Status}です。除票は修正できません。");
        return Task.CompletedTask;
    }

    private CorrectionRequest ToRequest()
    {
        if (!MayUsePersonalNumber) PersonalNumber = null;
        var address = Address.ToInput();
        var addressGiven = new[] { address.PostalCode, address.Town, address.BlockNumber, address.Building, address.AddressCode }.Any(p => !string.IsNullOrWhiteSpace(p));
        return new CorrectionRequest
        {
            Header = Header(EffectiveOn, NotifiedOn, Note),
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
            Clear = Clear,
        };
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(AddresseeNumber)) return;
        try { Current = await queries.GetAsync(AddresseeNumber.Trim(), null, HttpContext.Actor(), MayUsePersonalNumber, reason: null, ct); }
        catch (DomainException e) when (e.Status == 404) { Errors.Add("addresseeNumber", e.Message); }
        catch (DomainException e) { Errors.Add(e); }
    }
}
