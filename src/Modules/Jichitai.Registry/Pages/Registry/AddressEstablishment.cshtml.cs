using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Features.AddressEstablishment;
using Jichitai.Registry.Movements;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>住所設定 (職権記載; 標準4.2.1.1): 入力 → 確認 → 登録 → 受理通知. 職権調査によるか申出によるか (標準4.2.0.5) is chosen.</summary>
[Authorize(Policy = RegistryPolicies.Write)]
public sealed class AddressEstablishmentModel(RegistryMovements movements) : CounterPageModel(movements)
{
    public const string Official = "職権調査", OnApplication = "申出";
    public static readonly string[] Bases = [Official, OnApplication];

    [BindProperty] public string? Basis { get; set; } = Official;
    [BindProperty] public string? EffectiveOn { get; set; }
    [BindProperty] public string? NotifiedOn { get; set; }
    [BindProperty] public string? JoinHouseholdNumber { get; set; }
    [BindProperty] public AddressInputForm Address { get; set; } = new();
    /// <summary>Ticked: there was no previous address (出生等), 転入前住所 stays blank; otherwise it is written 「不明」.</summary>
    [BindProperty] public bool NoPreviousAddress { get; set; }
    [BindProperty] public string? LastRegisteredAddress { get; set; }
    /// <summary>The people, typed as on the 転入 form (its 一括入力 included); only the members are used.</summary>
    [BindProperty] public MoveInForm People { get; set; } = new();
    [BindProperty] public bool DuplicateConfirmed { get; set; }
    [BindProperty] public string? Note { get; set; }

    public void OnGet(string? household)
    {
        NotifiedOn = StartEntry();
        JoinHouseholdNumber = household;
    }

    protected override CounterEntry BuildEntry()
    {
        People.CompactMembers();
        People.ApplyFromPrevious(); // 一括入力 (標準4.0.10), as on the 転入 form
        var header = Header(EffectiveOn, NotifiedOn, Note, "異動日(住所を定めた日)") with
        {
            Basis = Basis == OnApplication ? MovementBasis.Application : MovementBasis.Official,
        };
        var members = People.Members.Where(m => !m.IsBlank).Select((m, i) => m.ToInput(Errors, $"members[{i}]")).ToList();
        return CounterEntry.Of(new AddressEstablishmentRequest
        {
            Header = header, Address = Address.ToInput(), JoinHouseholdNumber = JoinHouseholdNumber,
            PreviousAddressUnknown = !NoPreviousAddress, LastRegisteredAddress = LastRegisteredAddress,
            Members = members, DuplicateConfirmed = DuplicateConfirmed,
        }, new AddressEstablishmentValidator());
    }

    protected override bool StaysOnReadBack(Platform.Errors.DomainException refusal) => refusal.Code == "registry.foreign.duplicate-suspected";
}
