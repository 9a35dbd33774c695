using Jichitai.Platform.Errors;
using Jichitai.Registry.Features.MoveIn;
using Jichitai.Registry.Movements;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>転入届の入力 → 確認(読み上げ) → 登録 → 受理通知 (standard 4.1.1, 4.0.9, 4.1.0.3).</summary>
[Authorize(Policy = RegistryPolicies.Write)]
public sealed class MoveInModel(RegistryMovements movements) : CounterPageModel(movements)
{
    public const int MemberRows = 6;

    [BindProperty] public MoveInForm Form { get; set; } = new();

    public void OnGet(string? household)
    {
        Form.NotifiedOn = StartEntry();
        Form.JoinHouseholdNumber = household;
    }

    protected override CounterEntry BuildEntry()
    {
        Form.CompactMembers(); // rows 1 and 3 filled: read back and post them as rows 1 and 2, so none is lost
        Form.ApplyFromPrevious();
        return CounterEntry.Of(Form.ToRequest(Errors), new MoveInValidator());
    }

    /// <summary>A possible duplicate is a warning: the read-back stays, with the box to confirm they are different people.</summary>
    protected override bool StaysOnReadBack(DomainException refusal) => refusal.Code == "registry.movein.duplicate-suspected";
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

    /// <summary>
    /// 一括入力 (標準4.0.10): a member marked 「前の人と同じ」 gets the 氏, its フリガナ, 本籍 and 筆頭者 of the member entered just
    /// before wherever they were left blank (the 異動日・届出日 are the movement's, common to all). Applied before the read-back,
    /// so the clerk reads out what will be registered. Run after <see cref="CompactMembers"/>.
    /// </summary>
    public void ApplyFromPrevious()
    {
        for (var i = 1; i < Members.Count; i++)
        {
            var (m, previous) = (Members[i], Members[i - 1]);
            if (!m.SameAsPrevious || m.IsBlank || previous.IsBlank) continue;
            m.FamilyName = Blank(m.FamilyName) ?? previous.FamilyName;
            m.FamilyNameKana = Blank(m.FamilyNameKana) ?? previous.FamilyNameKana;
            m.Domicile = Blank(m.Domicile) ?? previous.Domicile;
            m.DomicileHead = Blank(m.DomicileHead) ?? previous.DomicileHead;
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

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
    /// <summary>一括入力: take the blank 氏・フリガナ・本籍・筆頭者 from the member entered just before (MoveInForm.ApplyFromPrevious).</summary>
    public bool SameAsPrevious { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(FamilyName) && string.IsNullOrWhiteSpace(GivenName) && string.IsNullOrWhiteSpace(BirthDate) && string.IsNullOrWhiteSpace(FamilyNameKana);

    public PersonInput ToInput(FormErrors errors, string path) => new()
    {
        FamilyName = FamilyName, GivenName = GivenName, FamilyNameKana = FamilyNameKana, GivenNameKana = GivenNameKana, KanaConfirmed = KanaConfirmed,
        BirthDate = errors.Date(BirthDate, path + ".birthDate", "生年月日"), Gender = Gender, Relationship = Relationship,
        Domicile = Domicile, DomicileHead = DomicileHead, PersonalNumber = PersonalNumber,
    };
}
