using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Jichitai.Registry.Features.MoveOut;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Movements;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>転出届の入力 → 確認 → 登録 → 受理通知 (住基法24条; standard 4.1.3). No member ticked: the whole household leaves.</summary>
[Authorize(Policy = RegistryPolicies.Write)]
public sealed class MoveOutModel(RegistryMovements movements, ResidentQueries queries) : CounterPageModel(movements)
{
    [BindProperty] public string? HouseholdNumber { get; set; }
    [BindProperty] public List<string> AddresseeNumbers { get; set; } = [];
    [BindProperty] public string? EffectiveOn { get; set; }
    [BindProperty] public string? NotifiedOn { get; set; }
    [BindProperty] public string? Destination { get; set; }
    [BindProperty] public bool Abroad { get; set; }
    [BindProperty] public string? RemainingHead { get; set; }
    /// <summary>宛名番号 → new 続柄 of a member who stays, needed when the head leaves.</summary>
    [BindProperty] public Dictionary<string, string?> Relationships { get; set; } = [];
    [BindProperty] public string? Note { get; set; }
    public IReadOnlyList<ResidentSummary> Members { get; private set; } = [];

    public bool Leaves(string addresseeNumber) => AddresseeNumbers.Contains(addresseeNumber);

    public async Task OnGetAsync(string? household, CancellationToken ct)
    {
        NotifiedOn = StartEntry();
        HouseholdNumber = household;
        await LoadAsync(ct);
    }

    protected override CounterEntry BuildEntry() => CounterEntry.Of(ToRequest(), new MoveOutValidator());

    protected override Task CheckBeforeReadBackAsync(object request, CancellationToken ct)
    {
        if (Members.Count == 0) Errors.Add("householdNumber", $"世帯番号 {HouseholdNumber} の世帯に現在の世帯員がいません。");
        return Task.CompletedTask;
    }

    private MoveOutRequest ToRequest()
    {
        // Only members who stay get a new head or 続柄; anything typed for leavers is dropped before the read-back.
        var whole = AddresseeNumbers.Count == 0;
        if (whole) RemainingHead = null;
        Relationships = Relationships.Where(kv => !whole && !Leaves(kv.Key) && !string.IsNullOrWhiteSpace(kv.Value)).ToDictionary();
        return new MoveOutRequest
        {
            Header = Header(EffectiveOn, NotifiedOn, Note, "異動日(転出予定日)"),
            HouseholdNumber = HouseholdNumber,
            AddresseeNumbers = AddresseeNumbers,
            Destination = Destination,
            Abroad = Abroad,
            RemainingHousehold = new HeadAssignment { NewHeadAddresseeNumber = RemainingHead, Relationships = Relationships.ToDictionary(kv => kv.Key, kv => kv.Value!) },
        };
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(HouseholdNumber)) return;
        try { Members = await queries.SearchAsync(new ResidentSearchRequest { HouseholdNumber = HouseholdNumber }, HttpContext.Actor(), false, ct); }
        catch (DomainException e) { Errors.Add(e); }
    }
}
