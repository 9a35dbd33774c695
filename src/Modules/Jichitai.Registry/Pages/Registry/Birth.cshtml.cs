using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Jichitai.Registry.Features.Birth;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Movements;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>出生の入力 → 確認 → 登録 → 受理通知 (出生届による職権記載; standard 4.2.1.2). The child joins an existing household.</summary>
[Authorize(Policy = RegistryPolicies.Write)]
public sealed class BirthModel(RegistryMovements movements, ResidentQueries queries) : CounterPageModel(movements)
{
    [BindProperty] public string? HouseholdNumber { get; set; }
    [BindProperty] public MemberForm Child { get; set; } = new();
    [BindProperty] public string? NotifiedOn { get; set; }
    [BindProperty] public string? Note { get; set; }
    public IReadOnlyList<ResidentSummary> Members { get; private set; } = [];

    public async Task OnGetAsync(string? household, CancellationToken ct)
    {
        NotifiedOn = StartEntry();
        HouseholdNumber = household;
        await LoadAsync(ct);
    }

    /// <summary>The 異動日 of a birth is the date of birth (BirthValidator), so it is typed once.</summary>
    protected override CounterEntry BuildEntry()
    {
        var child = Child.ToInput(Errors, "child");
        return CounterEntry.Of(new BirthRequest
        {
            Header = new MovementHeader { EffectiveOn = child.BirthDate, NotifiedOn = Errors.Date(NotifiedOn, "header.notifiedOn", "届出日"), Note = Note },
            HouseholdNumber = HouseholdNumber,
            Child = child,
        }, new BirthValidator());
    }

    protected override Task CheckBeforeReadBackAsync(object request, CancellationToken ct)
    {
        if (Members.Count == 0) Errors.Add("householdNumber", $"世帯番号 {HouseholdNumber} の世帯に現在の世帯員がいません。");
        return Task.CompletedTask;
    }

    /// <summary>The household the child joins, so the clerk can give the 続柄 to its head.</summary>
    protected override async Task LoadAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(HouseholdNumber)) return;
        try { Members = await queries.SearchAsync(new ResidentSearchRequest { HouseholdNumber = HouseholdNumber }, HttpContext.Actor(), false, ct); }
        catch (DomainException e) { Errors.Add(e); }
    }
}
