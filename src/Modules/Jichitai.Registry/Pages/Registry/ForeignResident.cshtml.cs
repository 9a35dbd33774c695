using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Features.ForeignResidents;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Residents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>
/// 外国人住民の記載事項の変更: 在留資格変更・在留期間更新・入管通知による修正 (住基法30条の50; 標準4.5.6) and 通称の記載・削除
/// (標準1.1.7), input → 確認(変更前と変更後の読み上げ) → 登録 → 受理通知. The other 外国人住民 movements are API-only for now.
/// </summary>
[Authorize(Policy = RegistryPolicies.Write)]
public sealed class ForeignResidentModel(RegistryMovements movements, ResidentQueries queries) : CounterPageModel(movements)
{
    public const string CommonNameEntry = "通称の記載";
    public const string CommonNameDeletion = "通称の削除";
    public static readonly string[] Kinds = [.. ImmigrationNoticeHandler.Kinds, CommonNameEntry, CommonNameDeletion];
    public static readonly string[] Categories = Enum.GetValues<ForeignResidentCategory>().Select(c => c.Label()).ToArray();

    [BindProperty] public string? AddresseeNumber { get; set; }
    [BindProperty] public string? Kind { get; set; } = ImmigrationNoticeHandler.StatusChange;
    [BindProperty] public string? EffectiveOn { get; set; }
    [BindProperty] public string? NotifiedOn { get; set; }
    [BindProperty] public string? AlphabetName { get; set; }
    [BindProperty] public string? Nationality { get; set; }
    /// <summary>Empty: the 区分 does not change.</summary>
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public string? ResidenceStatus { get; set; }
    [BindProperty] public string? PeriodOfStay { get; set; }
    [BindProperty] public string? StayExpiresOn { get; set; }
    [BindProperty] public string? CardNumber { get; set; }
    [BindProperty] public string? CommonName { get; set; }
    [BindProperty] public string? CommonNameKana { get; set; }
    [BindProperty] public string? Note { get; set; }
    public ResidentDetail? Current { get; private set; }
    /// <summary>On the confirmation screen: the 外国人住民の記載事項 as they will be after the movement.</summary>
    public ForeignResidentItems? After { get; private set; }

    public bool IsCommonName => CommonNameHandler.ReasonFor(Kind) is not null;

    public override string ReadBackMessage => "変更前と変更後を読み上げて確認してください。誤りがなければ「登録する」を押します。";

    public async Task OnGetAsync(string? number, string? kind, CancellationToken ct)
    {
        NotifiedOn = StartEntry();
        AddresseeNumber = number;
        if (Kinds.Contains(kind)) Kind = kind;
        await LoadAsync(ct);
    }

    protected override CounterEntry BuildEntry() => IsCommonName
        ? CounterEntry.Of(ToCommonName(), new CommonNameValidator())
        : CounterEntry.Of(ToNotice(), new ImmigrationNoticeValidator());

    /// <summary>Every rule is checked against the current record, and the read-back shows the items as they will be.</summary>
    protected override Task CheckBeforeReadBackAsync(object request, CancellationToken ct)
    {
        if (Current is not { } c) return Task.CompletedTask;
        if (c.Record.Status != ResidentStatus.Resident)
            Errors.Add("addresseeNumber", $"宛名番号 {AddresseeNumber} の住民は{c.Summary.Status}です。除票には記録できません。");
        else if (c.Record.Foreign is not { } foreign)
            Errors.Add("addresseeNumber", $"宛名番号 {AddresseeNumber} の住民は日本人住民です。{Kind}は外国人住民だけに記録できます。");
        else
        {
            try
            {
                After = request is ImmigrationNoticeRequest notice
                    ? ImmigrationNoticeHandler.Apply(foreign, notice)
                    : CommonNameHandler.Apply(foreign, CommonNameHandler.ReasonFor(Kind)!.Value, CommonName, CommonNameKana, ((CommonNameRequest)request).Header.EffectiveOn!.Value, municipality: null);
            }
            catch (DomainException e) { Errors.Add(e); }
        }
        return Task.CompletedTask;
    }

    private MovementHeader Header() => Header(EffectiveOn, NotifiedOn, Note);

    private ImmigrationNoticeRequest ToNotice() => new()
    {
        Header = Header(),
        AddresseeNumber = AddresseeNumber,
        Kind = Kind,
        AlphabetName = AlphabetName, Nationality = Nationality, Category = Category,
        ResidenceStatus = ResidenceStatus, PeriodOfStay = PeriodOfStay,
        StayExpiresOn = Errors.Date(StayExpiresOn, "stayExpiresOn", "在留期間の満了日", required: false),
        CardNumber = CardNumber?.Trim().ToUpperInvariant(),
    };

    private CommonNameRequest ToCommonName() => new()
    {
        Header = Header(),
        AddresseeNumber = AddresseeNumber,
        Kind = Kind,
        CommonName = CommonName,
        CommonNameKana = CommonNameKana,
    };

    protected override async Task LoadAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(AddresseeNumber)) return;
        try { Current = await queries.GetAsync(AddresseeNumber.Trim(), null, HttpContext.Actor(), mayViewPersonalNumber: false, reason: null, ct); }
        catch (DomainException e) when (e.Status == 404) { Errors.Add("addresseeNumber", e.Message); }
        catch (DomainException e) { Errors.Add(e); }
    }
}
