using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Jichitai.Registry.Features.ForeignResidents;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Movements;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>
/// 入管通知による消除 (住基法30条の50; 標準4.5.6): 入力 → 確認 → 登録 → 受理通知. When the head leaves, the rest of the household
/// gets a new head (標準4.0.4).
/// </summary>
[Authorize(Policy = RegistryPolicies.Write)]
public sealed class ImmigrationRemovalModel(RegistryMovements movements, ResidentQueries queries) : CounterPageModel(movements)
{
    public static IReadOnlyList<string> Kinds => ImmigrationRemovalHandler.Kinds;

    [BindProperty] public string? AddresseeNumber { get; set; }
    [BindProperty] public string? Kind { get; set; } = ImmigrationRemovalHandler.Kinds[0];
    [BindProperty] public string? EffectiveOn { get; set; }
    [BindProperty] public string? NotifiedOn { get; set; }
    [BindProperty] public string? RemainingHead { get; set; }
    /// <summary>宛名番号 → new 続柄 of each remaining member, needed when the head is removed.</summary>
    [BindProperty] public Dictionary<string, string?> Relationships { get; set; } = [];
    [BindProperty] public string? Note { get; set; }
    /// <summary>The resident to be removed, shown so the clerk can check it is the right person.</summary>
    public ResidentSummary? Person { get; private set; }
    /// <summary>The rest of the household.</summary>
    public IReadOnlyList<ResidentSummary> Members { get; private set; } = [];

    public override string ReadBackMessage => "消除する方と通知の内容を読み上げて確認してください。誤りがなければ「登録する」を押します。";

    public async Task OnGetAsync(string? number, CancellationToken ct)
    {
        NotifiedOn = StartEntry();
        AddresseeNumber = number;
        await LoadAsync(ct);
    }

    protected override CounterEntry BuildEntry() => CounterEntry.Of(ToRequest(), new ImmigrationRemovalValidator());

    protected override Task CheckBeforeReadBackAsync(object request, CancellationToken ct)
    {
        if (Person is null) Errors.Add("addresseeNumber", $"宛名番号 {AddresseeNumber} の住民は見つかりません(除票は消除できません)。");
        else if (Person.Kind != "外国人住民")
            Errors.Add("addresseeNumber", $"宛名番号 {AddresseeNumber} の住民は{Person.Kind}です。入管通知による消除は外国人住民だけに記録します。");
        return Task.CompletedTask;
    }

    private ImmigrationRemovalRequest ToRequest()
    {
        Relationships = Relationships.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).ToDictionary();
        return new ImmigrationRemovalRequest
        {
            Header = Header(EffectiveOn, NotifiedOn, Note, "異動日"),
            AddresseeNumber = AddresseeNumber,
            Kind = Kind,
            RemainingHousehold = new HeadAssignment { NewHeadAddresseeNumber = RemainingHead, Relationships = Relationships.ToDictionary(kv => kv.Key, kv => kv.Value!) },
        };
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(AddresseeNumber)) return;
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
