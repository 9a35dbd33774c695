using Jichitai.Platform.Errors;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Features.ForeignResidents;
using Jichitai.Registry.Movements;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>
/// 法第30条の46転入 (標準4.5.1: a 中長期在留者等 arriving from abroad sets an address here) and 法第30条の47届出 (標準4.5.2: someone
/// living here becomes one): 入力 → 確認(読み上げ) → 登録 → 受理通知. New household, or joining one by its 世帯番号.
/// </summary>
[Authorize(Policy = RegistryPolicies.Write)]
public sealed class ForeignEntryModel(RegistryMovements movements) : CounterPageModel(movements)
{
    public const string Arrival = "法第30条の46転入", Registration = "法第30条の47届出";
    public static readonly string[] Kinds = [Arrival, Registration];
    public static readonly string[] Categories = Enum.GetValues<ForeignResidentCategory>()
        .Where(ForeignItemRules.MayEnterByNotification).Select(c => c.Label()).ToArray();
    public const int MemberRows = 4;

    private string _kind = Arrival;

    [BindProperty] public string Kind { get => _kind; set => _kind = Kinds.Contains(value) ? value : Arrival; }
    [BindProperty] public string? EffectiveOn { get; set; }
    [BindProperty] public string? NotifiedOn { get; set; }
    /// <summary>30条の46: 上陸許可の日; 30条の47: 住所を定めた日 (both optional).</summary>
    [BindProperty] public string? OtherDate { get; set; }
    [BindProperty] public string? JoinHouseholdNumber { get; set; }
    [BindProperty] public AddressInputForm Address { get; set; } = new();
    [BindProperty] public string? PreviousAddress { get; set; }
    [BindProperty] public bool PreviousAddressAbroad { get; set; }
    [BindProperty] public List<ForeignMemberForm> Members { get; set; } = Enumerable.Range(0, MemberRows).Select(_ => new ForeignMemberForm()).ToList();
    [BindProperty] public bool DuplicateConfirmed { get; set; }
    [BindProperty] public string? Note { get; set; }

    public bool IsArrival => Kind == Arrival;
    public string OtherDateLabel => IsArrival ? "上陸許可の日(分かる場合)" : "住所を定めた日(異動日より前から住んでいる場合)";
    public string OtherDateField => IsArrival ? "landedOn" : "addressSetOn";

    public void OnGet(string? household, string? kind)
    {
        NotifiedOn = StartEntry();
        JoinHouseholdNumber = household;
        if (kind is not null) Kind = kind;
    }

    protected override CounterEntry BuildEntry()
    {
        // Rows 1 and 3 filled: read back and post them as rows 1 and 2, so none is lost.
        Members = Members.Where(m => !m.IsBlank).Concat(Members.Where(m => m.IsBlank)).ToList();
        var header = Header(EffectiveOn, NotifiedOn, Note, IsArrival ? "異動日(住所を定めた日)" : "異動日(中長期在留者等となった日)");
        var other = Errors.Date(OtherDate, OtherDateField, OtherDateLabel, required: false);
        var members = Members.Where(m => !m.IsBlank).Select((m, i) => m.ToInput(Errors, $"members[{i}]")).ToList();
        if (IsArrival) PreviousAddressAbroad = true; // 30条の46: the previous address is abroad by definition
        return IsArrival
            ? CounterEntry.Of(new ForeignArrivalRequest
            {
                Header = header, Address = Address.ToInput(), JoinHouseholdNumber = JoinHouseholdNumber, PreviousAddress = PreviousAddress,
                LandedOn = other, Members = members, DuplicateConfirmed = DuplicateConfirmed,
            }, new ForeignArrivalValidator())
            : CounterEntry.Of(new ForeignRegistrationRequest
            {
                Header = header, Address = Address.ToInput(), JoinHouseholdNumber = JoinHouseholdNumber, PreviousAddress = PreviousAddress,
                PreviousAddressAbroad = PreviousAddressAbroad, AddressSetOn = other, Members = members, DuplicateConfirmed = DuplicateConfirmed,
            }, new ForeignRegistrationValidator());
    }

    /// <summary>A possible duplicate is a warning: the read-back stays, with the box to confirm they are different people.</summary>
    protected override bool StaysOnReadBack(DomainException refusal) => refusal.Code == "registry.foreign.duplicate-suspected";
}

/// <summary>One 外国人住民 of a 30条の46/47 entry as typed: the 30条の45 items, and a 漢字 name only if the person uses one.</summary>
public sealed class ForeignMemberForm
{
    public string? FamilyName { get; set; }
    public string? GivenName { get; set; }
    public string? FamilyNameKana { get; set; }
    public string? GivenNameKana { get; set; }
    public bool KanaConfirmed { get; set; }
    public string? BirthDate { get; set; }
    public string? Gender { get; set; }
    public string? Relationship { get; set; }
    public ForeignItemsForm Items { get; set; } = new();

    public bool IsBlank => string.IsNullOrWhiteSpace(Items.AlphabetName) && string.IsNullOrWhiteSpace(FamilyName) && string.IsNullOrWhiteSpace(BirthDate);

    public PersonInput ToInput(FormErrors errors, string path) => new()
    {
        FamilyName = FamilyName?.Trim(), GivenName = GivenName?.Trim(), FamilyNameKana = FamilyNameKana?.Trim(), GivenNameKana = GivenNameKana?.Trim(),
        KanaConfirmed = KanaConfirmed,
        // 外国人住民の生年月日は西暦 (標準1.1.2); 和暦 typed by habit is still understood.
        BirthDate = errors.Date(BirthDate, path + ".birthDate", "生年月日"),
        Gender = Gender, Relationship = Relationship,
        Foreign = Items.ToInput(errors, path + ".foreign"),
    };
}

/// <summary>外国人住民の記載事項 (住基法30条の45) as typed; 在留期間の満了日 is a date field.</summary>
public sealed class ForeignItemsForm
{
    public string? AlphabetName { get; set; }
    public string? Nationality { get; set; }
    public string? Category { get; set; }
    public string? ResidenceStatus { get; set; }
    public string? PeriodOfStay { get; set; }
    public string? StayExpiresOn { get; set; }
    public string? CardNumber { get; set; }

    /// <summary>The request's items; the alphabet name and card number are written in capitals, and the read-back shows them so.</summary>
    public ForeignInput ToInput(FormErrors errors, string path)
    {
        AlphabetName = AlphabetName?.Trim().ToUpperInvariant();
        CardNumber = Blank(CardNumber)?.ToUpperInvariant();
        return new ForeignInput
        {
            AlphabetName = AlphabetName,
            Nationality = Nationality?.Trim(),
            Category = Category,
            ResidenceStatus = Blank(ResidenceStatus),
            PeriodOfStay = Blank(PeriodOfStay),
            StayExpiresOn = errors.Date(StayExpiresOn, path + ".stayExpiresOn", "在留期間の満了日", required: false),
            CardNumber = CardNumber,
        };
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
