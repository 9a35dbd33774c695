using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Movements;
using Microsoft.AspNetCore.Mvc;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>
/// A page that removes one resident (職権消除, 入管通知による消除): shows the person and the rest of the household, and
/// collects the new head and 続柄 when the head leaves (標準4.0.4).
/// </summary>
public abstract class RemovalPageModel(RegistryMovements movements, ResidentQueries queries) : CounterPageModel(movements)
{
    [BindProperty] public string? AddresseeNumber { get; set; }
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

    public async Task OnGetAsync(string? number, CancellationToken ct)
    {
        NotifiedOn = StartEntry();
        AddresseeNumber = number;
        await LoadAsync(ct);
    }

    protected override Task CheckBeforeReadBackAsync(object request, CancellationToken ct)
    {
        if (Person is null) Errors.Add("addresseeNumber", $"宛名番号 {AddresseeNumber} の住民は見つかりません(除票は消除できません)。");
        return Task.CompletedTask;
    }

    /// <summary>The new head and 続柄 typed for the members who stay (blank 続柄 are left out).</summary>
    protected HeadAssignment RemainingHousehold()
    {
        Relationships = Relationships.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).ToDictionary();
        return new HeadAssignment { NewHeadAddresseeNumber = RemainingHead, Relationships = Relationships.ToDictionary(kv => kv.Key, kv => kv.Value!) };
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
