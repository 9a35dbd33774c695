using FluentValidation;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Jichitai.Registry.Features.HouseholdChange;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Movements;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>世帯変更届(世帯分離・世帯合併・世帯主変更)の入力 → 確認 → 登録 → 受理通知 (住基法25条; standard 4.1.4).</summary>
[Authorize(Policy = RegistryPolicies.Write)]
public sealed class HouseholdChangeModel(RegistryMovements movements, ResidentQueries queries) : CounterPageModel(movements)
{
    public const string Split = "世帯分離", Merge = "世帯合併", HeadChange = "世帯主変更";
    public static readonly string[] Kinds = [Split, Merge, HeadChange];

    // MergeAsync and HeadChangeAsync keep their rules inline; these mirror them so that 入力内容を確認 catches the same omissions.
    private static readonly InlineValidator<HouseholdMergeRequest> MergeRules = new()
    {
        v => v.RuleFor(x => x.Header).SetValidator(new MovementHeaderValidator()),
        v => v.RuleFor(x => x.FromHouseholdNumber).NotEmpty().WithMessage("合併する(なくなる)世帯の世帯番号を入力してください。"),
        v => v.RuleFor(x => x.IntoHouseholdNumber).NotEmpty().WithMessage("合併先の世帯番号を入力してください。"),
    };
    private static readonly InlineValidator<HeadChangeRequest> HeadChangeRules = new()
    {
        v => v.RuleFor(x => x.Header).SetValidator(new MovementHeaderValidator()),
        v => v.RuleFor(x => x.HouseholdNumber).NotEmpty().WithMessage("世帯番号を入力してください。"),
        v => v.RuleFor(x => x.Assignment.NewHeadAddresseeNumber).NotEmpty().WithMessage("新しい世帯主を選んでください。"),
    };

    private string _kind = Split;

    [BindProperty] public string Kind { get => _kind; set => _kind = Kinds.Contains(value) ? value : Split; }
    /// <summary>分離元, 合併でなくなる世帯, or the household whose head changes.</summary>
    [BindProperty] public string? HouseholdNumber { get; set; }
    [BindProperty] public string? IntoHouseholdNumber { get; set; }
    /// <summary>世帯分離: the members who leave.</summary>
    [BindProperty] public List<string> AddresseeNumbers { get; set; } = [];
    /// <summary>世帯分離: head of the new household; 世帯主変更: the new head.</summary>
    [BindProperty] public string? NewHead { get; set; }
    /// <summary>世帯分離: the remaining household's new head, when its head leaves.</summary>
    [BindProperty] public string? RemainingHead { get; set; }
    /// <summary>宛名番号 → 続柄 to the head of the household the member belongs to afterwards.</summary>
    [BindProperty] public Dictionary<string, string?> Relationships { get; set; } = [];
    [BindProperty] public string? EffectiveOn { get; set; }
    [BindProperty] public string? NotifiedOn { get; set; }
    [BindProperty] public string? Note { get; set; }
    public IReadOnlyList<ResidentSummary> Members { get; private set; } = [];
    public IReadOnlyList<ResidentSummary> IntoMembers { get; private set; } = [];

    public bool Leaves(string addresseeNumber) => AddresseeNumbers.Contains(addresseeNumber);

    /// <summary>The error path of the first household number: MergeAsync names it fromHouseholdNumber.</summary>
    public string HouseholdField => Kind == Merge ? "fromHouseholdNumber" : "householdNumber";

    public async Task OnGetAsync(string? household, string? kind, CancellationToken ct)
    {
        NotifiedOn = StartEntry();
        HouseholdNumber = household;
        Kind = kind ?? Split;
        await LoadAsync(ct);
    }

    /// <summary>世帯員を表示 (OnPostLoad) also re-renders the page for a newly selected kind.</summary>
    protected override CounterEntry BuildEntry()
    {
        var header = ToHeader();
        return Kind switch
        {
            Merge => CounterEntry.Of(ToMerge(header), MergeRules),
            HeadChange => CounterEntry.Of(ToHeadChange(header), HeadChangeRules),
            _ => CounterEntry.Of(ToSplit(header), new HouseholdSplitValidator()),
        };
    }

    protected override Task CheckBeforeReadBackAsync(object request, CancellationToken ct)
    {
        if (Members.Count == 0) Errors.Add(HouseholdField, $"世帯番号 {HouseholdNumber} の世帯に現在の世帯員がいません。");
        return Task.CompletedTask;
    }

    private MovementHeader ToHeader()
    {
        // Inputs that the chosen kind does not use are cleared, so the read-back shows only what will be registered.
        if (Kind != Split) { AddresseeNumbers = []; RemainingHead = null; }
        if (Kind == Merge) NewHead = null; else IntoHouseholdNumber = null;
        Relationships = Relationships.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).ToDictionary();
        return Header(EffectiveOn, NotifiedOn, Note);
    }

    private HouseholdSplitRequest ToSplit(MovementHeader header) => new()
    {
        Header = header,
        HouseholdNumber = HouseholdNumber,
        AddresseeNumbers = AddresseeNumbers,
        NewHousehold = new HeadAssignment { NewHeadAddresseeNumber = NewHead, Relationships = GivenFor(Leaves) },
        RemainingHousehold = new HeadAssignment { NewHeadAddresseeNumber = RemainingHead, Relationships = GivenFor(n => !Leaves(n)) },
    };

    private HouseholdMergeRequest ToMerge(MovementHeader header) => new()
    {
        Header = header, FromHouseholdNumber = HouseholdNumber, IntoHouseholdNumber = IntoHouseholdNumber, Relationships = GivenFor(_ => true),
    };

    private HeadChangeRequest ToHeadChange(MovementHeader header) => new()
    {
        Header = header, HouseholdNumber = HouseholdNumber,
        Assignment = new HeadAssignment { NewHeadAddresseeNumber = NewHead, Relationships = GivenFor(_ => true) },
    };

    private Dictionary<string, string> GivenFor(Func<string, bool> member) =>
        Relationships.Where(kv => member(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value!);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Members = await HouseholdAsync(HouseholdNumber, ct);
        if (Kind == Merge) IntoMembers = await HouseholdAsync(IntoHouseholdNumber, ct);
    }

    private async Task<IReadOnlyList<ResidentSummary>> HouseholdAsync(string? number, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(number)) return [];
        try { return await queries.SearchAsync(new ResidentSearchRequest { HouseholdNumber = number }, HttpContext.Actor(), false, ct); }
        catch (DomainException e) { Errors.Add(e); return []; }
    }
}
