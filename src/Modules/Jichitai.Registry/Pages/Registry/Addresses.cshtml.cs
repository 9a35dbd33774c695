using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Jichitai.Registry.Features.AddressDictionary;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>住所辞書・方書の管理 (standard 1.3.2–1.3.4): list, add, correct and abolish 町字, and the 方書 of each 番地.</summary>
[Authorize(Policy = RegistryPolicies.AddressDictionary)]
public sealed class AddressesModel(AddressDictionaryService dictionary) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public bool IncludeAbolished { get; set; }
    /// <summary>The entry being edited (its 方書 are shown with it).</summary>
    [BindProperty(SupportsGet = true)] public long? Id { get; set; }
    [BindProperty] public AddressEntryForm Entry { get; set; } = new();
    [BindProperty] public BuildingForm Building { get; set; } = new();
    [BindProperty] public string? AbolishOn { get; set; }

    public IReadOnlyList<AddressEntryView> Entries { get; private set; } = [];
    public AddressEntryView? Selected { get; private set; }
    public FormErrors Errors { get; } = new();
    public FormErrors BuildingErrors { get; } = new();
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Selected is { } s) Entry = AddressEntryForm.From(s);
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var request = Entry.ToRequest(Errors);
        if (!Errors.Any)
        {
            try { var added = await dictionary.AddAsync(request, HttpContext.Actor(), ct); Id = added.Id; Message = $"住所辞書に {added.Code} {added.FullName} を追加しました。"; }
            catch (DomainException e) { Errors.Add(e); }
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync(CancellationToken ct)
    {
        var request = Entry.ToRequest(Errors);
        if (!Errors.Any && Id is long id)
        {
            try { var saved = await dictionary.UpdateAsync(id, request, HttpContext.Actor(), ct); Message = $"{saved.Code} {saved.FullName} を修正しました。"; }
            catch (DomainException e) { Errors.Add(e); }
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAbolishAsync(long? buildingId, CancellationToken ct)
    {
        var errors = buildingId is null ? Errors : BuildingErrors;
        var on = errors.Date(AbolishOn, "on", "廃止日");
        if (on is not null && Id is long id)
        {
            try
            {
                if (buildingId is long b) { var gone = await dictionary.AbolishBuildingAsync(id, b, new AbolishRequest(on), HttpContext.Actor(), ct); Message = $"方書「{gone.Name}」を {Wareki.Long(on)} で廃止しました。"; }
                else { var gone = await dictionary.AbolishAsync(id, new AbolishRequest(on), HttpContext.Actor(), ct); Message = $"{gone.Code} {gone.FullName} を {Wareki.Long(on)} で廃止しました。"; }
            }
            catch (DomainException e) { errors.Add(e); }
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddBuildingAsync(CancellationToken ct)
    {
        var request = Building.ToRequest(BuildingErrors);
        if (!BuildingErrors.Any && Id is long id)
        {
            try { var added = await dictionary.AddBuildingAsync(id, request, HttpContext.Actor(), ct); Message = $"方書「{added.Name}」({added.BlockNumber})を登録しました。"; Building = new(); }
            catch (DomainException e) { BuildingErrors.Add(e); }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Entries = await dictionary.ListAsync(new AddressListQuery(Q, null, IncludeAbolished, 500), ct);
        if (Id is long id)
        {
            try { Selected = await dictionary.GetAsync(id, ct); }
            catch (DomainException e) { Errors.Add(e); Id = null; }
        }
    }
}

/// <summary>A 町字 as typed on the page; 施行日 accepts 和暦.</summary>
public sealed class AddressEntryForm
{
    public string? Code { get; set; }
    public string? PostalCode { get; set; }
    public string? Prefecture { get; set; }
    public string? PrefectureKana { get; set; }
    public string? Municipality { get; set; }
    public string? MunicipalityKana { get; set; }
    public string? Town { get; set; }
    public string? TownKana { get; set; }
    public string? Scheme { get; set; } = "住居表示";
    public string? ValidFrom { get; set; }
    public string? Note { get; set; }

    public AddressEntryRequest ToRequest(FormErrors errors) => new()
    {
        Code = Code, PostalCode = PostalCode, Prefecture = Prefecture, PrefectureKana = PrefectureKana, Municipality = Municipality,
        MunicipalityKana = MunicipalityKana, Town = Town, TownKana = TownKana, Scheme = Scheme, Note = Note,
        ValidFrom = errors.Date(ValidFrom, "validFrom", "施行日"),
    };

    public static AddressEntryForm From(AddressEntryView v) => new()
    {
        Code = v.Code, PostalCode = v.PostalCode, Prefecture = v.Prefecture, PrefectureKana = v.PrefectureKana, Municipality = v.Municipality,
        MunicipalityKana = v.MunicipalityKana, Town = v.Town, TownKana = v.TownKana, Scheme = v.Scheme, ValidFrom = v.ValidFrom.ToString("yyyy-MM-dd"), Note = v.Note,
    };
}

public sealed class BuildingForm
{
    public string? BlockNumber { get; set; }
    public string? Name { get; set; }
    public string? NameKana { get; set; }
    public string? ValidFrom { get; set; }

    public BuildingEntryRequest ToRequest(FormErrors errors) => new()
    {
        BlockNumber = BlockNumber, Name = Name, NameKana = NameKana, ValidFrom = errors.Date(ValidFrom, "validFrom", "方書の登録日"),
    };
}
