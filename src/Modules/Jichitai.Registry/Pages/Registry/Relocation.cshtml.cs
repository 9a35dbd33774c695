using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Jichitai.Registry.Features.Relocation;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Movements;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>転居届の入力 → 確認 → 登録 → 受理通知 (住基法23条; standard 4.1.2). The whole household moves.</summary>
[Authorize(Policy = RegistryPolicies.Write)]
public sealed class RelocationModel(RegistryMovements movements, ResidentQueries queries) : CounterPageModel(movements)
{
    [BindProperty] public string? HouseholdNumber { get; set; }
    [BindProperty] public string? EffectiveOn { get; set; }
    [BindProperty] public string? NotifiedOn { get; set; }
    [BindProperty] public AddressInputForm Address { get; set; } = new();
    [BindProperty] public string? Note { get; set; }
    public IReadOnlyList<ResidentSummary> Members { get; private set; } = [];

    public async Task OnGetAsync(string? household, CancellationToken ct)
    {
        NotifiedOn = StartEntry();
        HouseholdNumber = household;
        await LoadAsync(ct);
    }

    protected override CounterEntry BuildEntry() => CounterEntry.Of(ToRequest(), new RelocationValidator());

    protected override Task CheckBeforeReadBackAsync(object request, CancellationToken ct)
    {
        if (Members.Count == 0) Errors.Add("householdNumber", $"世帯番号 {HouseholdNumber} の世帯に現在の世帯員がいません。");
        return Task.CompletedTask;
    }

    private RelocationRequest ToRequest() => new()
    {
        Header = Header(EffectiveOn, NotifiedOn, Note, "異動日(転居した日)"),
        HouseholdNumber = HouseholdNumber,
        Address = Address.ToInput(),
    };

    protected override async Task LoadAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(HouseholdNumber)) return;
        try
        {
            Members = await queries.SearchAsync(new ResidentSearchRequest { HouseholdNumber = HouseholdNumber }, HttpContext.Actor(), false, ct);
        }
        catch (DomainException e) { Errors.Add(e); }
    }
}
