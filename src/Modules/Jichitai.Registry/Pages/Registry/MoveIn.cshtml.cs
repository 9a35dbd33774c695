using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Jichitai.Registry.Features.MoveIn;
using Jichitai.Registry.Movements;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>転入届の入力 → 確認(読み上げ) → 登録 → 受理通知 (standard 4.1.1, 4.0.9, 4.1.0.3).</summary>
[Authorize(Policy = RegistryPolicies.Write)]
public sealed class MoveInModel(RegistryMovements movements) : PageModel
{
    public const int MemberRows = 6;

    [BindProperty] public MoveInForm Form { get; set; } = new();
    [BindProperty] public string IdempotencyKey { get; set; } = "";
    public FormErrors Errors { get; } = new();
    public bool Confirming { get; private set; }
    public MoveInRequest? Parsed { get; private set; }
    public MovementResult? Result { get; private set; }

    public void OnGet(string? household)
    {
        IdempotencyKey = Guid.NewGuid().ToString("N");
        Form.JoinHouseholdNumber = household;
        Form.NotifiedOn = movements.Today.ToString("yyyy-MM-dd");
    }

    /// <summary>入力内容の確認: validates everything and shows the entry read-only for the clerk to read back.</summary>
    public IActionResult OnPostConfirm()
    {
        Form.CompactMembers(); // rows 1 and 3 filled: read back and post them as rows 1 and 2, so none is lost
        Parsed = Form.ToRequest(Errors);
        // Validate everything at once, even when a date did not parse, so the clerk sees every error in one round.
        try { InputValidation.Ensure(new MoveInValidator(), Parsed); }
        catch (DomainException e) { Errors.Add(e); }
        Confirming = !Errors.Any;
        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(CancellationToken ct)
    {
        Form.CompactMembers();
        Parsed = Form.ToRequest(Errors);
        if (Errors.Any) return Page();
        try
        {
            Result = await movements.SubmitAsync(Parsed, IdempotencyKey, HttpContext.Actor(), ct);
        }
        catch (DomainException e)
        {
            Errors.Add(e);
            Confirming = e.Code == "registry.movein.duplicate-suspected";
        }
        return Page();
    }

    public IActionResult OnPostEdit() => Page();
}

/// <summary>The form as typed: dates are text so that 和暦 can be entered as clerks write it.</summary>
public sealed class MoveInForm
{
    public string? Kind { get; set; } = "通常";
    public string? EffectiveOn { get; set; }
    public string? NotifiedOn { get; set; }
    public string? JoinHouseholdNumber { get; set; }
    public AddressInputForm Address { get; set; } = new();
    public string? PreviousAddress { get; set; }
    public string? PreviousHeadName { get; set; }
    public string? CertificateIssuer { get; set; }
    public string? CertificatePlannedDate { get; set; }
    public bool DuplicateConfirmed { get; set; }
    public string? ReturningAddresseeNumber { get; set; }
    public string? Note { get; set; }
    public List<MemberForm> Members { get; set; } = Enumerable.Range(0, MoveInModel.MemberRows).Select(_ => new MemberForm()).ToList();

    public void CompactMembers() =>
        Members = Members.Where(m => !m.IsBlank).Concat(Members.Where(m => m.IsBlank)).ToList();

    public MoveInRequest ToRequest(FormErrors errors)
    {
        var effective = errors.Date(EffectiveOn, "header.effectiveOn", "異動日(転入日)");
        var notified = errors.Date(NotifiedOn, "header.notifiedOn", "届出日");
        var planned = errors.Date(CertificatePlannedDate, "previousAddress.certificatePlannedDate", "転出予定日", required: false);
        var members = new List<PersonInput>();
        for (var i = 0; i < Members.Count; i++)
        {
            if (Members[i].IsBlank) continue;
            members.Add(Members[i].ToInput(errors, $"members[{members.Count}]"));
        }
        return new MoveInRequest
        {
            Header = new MovementHeader { EffectiveOn = effective, NotifiedOn = notified, Note = Note },
            Kind = Kind,
            Address = Address.ToInput(),
            JoinHouseholdNumber = JoinHouseholdNumber,
            PreviousAddress = new PreviousAddressInput
            {
                Text = PreviousAddress, HeadName = PreviousHeadName, CertificateIssuer = CertificateIssuer, CertificatePlannedDate = planned,
                Abroad = Kind == "国外",
            },
            Members = members,
            DuplicateConfirmed = DuplicateConfirmed,
            ReturningAddresseeNumber = ReturningAddresseeNumber,
        };
    }
}

public sealed class AddressInputForm
{
    public string? PostalCode { get; set; }
    public string? Town { get; set; }
    public string? BlockNumber { get; set; }
    public string? Building { get; set; }
    /// <summary>住所コード: filled when the 町字 is chosen from the 住所辞書 (standard 1.3.3).</summary>
    public string? AddressCode { get; set; }
    public AddressInput ToInput() => new() { PostalCode = PostalCode, Town = Town, BlockNumber = BlockNumber, Building = Building, AddressCode = AddressCode };
}

public sealed class MemberForm
{
    public string? FamilyName { get; set; }
    public string? GivenName { get; set; }
    public string? FamilyNameKana { get; set; }
    public string? GivenNameKana { get; set; }
    public bool KanaConfirmed { get; set; }
    public string? BirthDate { get; set; }
    public string? Gender { get; set; }
    public string? Relationship { get; set; }
    public string? Domicile { get; set; }
    public string? DomicileHead { get; set; }
    public string? PersonalNumber { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(FamilyName) && string.IsNullOrWhiteSpace(GivenName) && string.IsNullOrWhiteSpace(BirthDate) && string.IsNullOrWhiteSpace(FamilyNameKana);

    public PersonInput ToInput(FormErrors errors, string path) => new()
    {
        FamilyName = FamilyName, GivenName = GivenName, FamilyNameKana = FamilyNameKana, GivenNameKana = GivenNameKana, KanaConfirmed = KanaConfirmed,
        BirthDate = errors.Date(BirthDate, path + ".birthDate", "生年月日"), Gender = Gender, Relationship = Relationship,
        Domicile = Domicile, DomicileHead = DomicileHead, PersonalNumber = PersonalNumber,
    };
}
