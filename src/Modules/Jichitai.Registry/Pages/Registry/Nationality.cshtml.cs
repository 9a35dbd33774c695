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
/// 帰化 (標準4.5.3)・国籍取得 (4.5.4): the 外国人住民票 is removed and a 日本人住民票 written from the 戸籍 items; 国籍喪失 (4.5.5): the
/// reverse, with the 外国人住民の記載事項. The person keeps the 宛名番号. 入力 → 確認 → 登録 → 受理通知.
/// </summary>
[Authorize(Policy = RegistryPolicies.Write)]
public sealed class NationalityModel(RegistryMovements movements, ResidentQueries queries) : CounterPageModel(movements)
{
    public const string Naturalisation = "帰化", Acquisition = "国籍取得", Loss = "国籍喪失";
    public static readonly string[] Kinds = [Naturalisation, Acquisition, Loss];
    public static readonly string[] Categories = Enum.GetValues<ForeignResidentCategory>().Select(c => c.Label()).ToArray();

    private string _kind = Naturalisation;

    [BindProperty] public string Kind { get => _kind; set => _kind = Kinds.Contains(value) ? value : Naturalisation; }
    [BindProperty] public string? AddresseeNumber { get; set; }
    [BindProperty] public string? EffectiveOn { get; set; }
    [BindProperty] public string? NotifiedOn { get; set; }
    [BindProperty] public string? FamilyName { get; set; }
    [BindProperty] public string? GivenName { get; set; }
    [BindProperty] public string? FamilyNameKana { get; set; }
    [BindProperty] public string? GivenNameKana { get; set; }
    [BindProperty] public bool KanaConfirmed { get; set; }
    [BindProperty] public string? Domicile { get; set; }
    [BindProperty] public string? DomicileHead { get; set; }
    /// <summary>国籍喪失: the 外国人住民の記載事項 (usually 経過滞在者).</summary>
    [BindProperty] public ForeignItemsForm Foreign { get; set; } = new();
    [BindProperty] public string? Note { get; set; }
    public ResidentDetail? Current { get; private set; }

    public bool IsLoss => Kind == Loss;

    public override string ReadBackMessage => IsLoss
        ? "日本人住民票を消除し外国人住民票に記載します。入力内容を読み上げて確認し、誤りがなければ「登録する」を押します。"
        : "外国人住民票を消除し日本人住民票に記載します(宛名番号は変わりません)。入力内容を読み上げて確認し、誤りがなければ「登録する」を押します。";

    public async Task OnGetAsync(string? number, string? kind, CancellationToken ct)
    {
        NotifiedOn = StartEntry();
        AddresseeNumber = number;
        if (kind is not null) Kind = kind;
        await LoadAsync(ct);
    }

    protected override CounterEntry BuildEntry()
    {
        var header = Header(EffectiveOn, NotifiedOn, Note, Kind + "の日(異動日)");
        if (IsLoss)
            return CounterEntry.Of(new NationalityLossRequest
            {
                Header = header, AddresseeNumber = AddresseeNumber,
                FamilyName = FamilyName, GivenName = GivenName, FamilyNameKana = FamilyNameKana, GivenNameKana = GivenNameKana,
                Foreign = Foreign.ToInput(Errors, "foreign"),
            }, new NationalityLossValidator());
        JapaneseNationalityRequest request = Kind == Acquisition ? new NationalityAcquisitionRequest() : new NaturalisationRequest();
        request = request with
        {
            Header = header, AddresseeNumber = AddresseeNumber,
            FamilyName = FamilyName, GivenName = GivenName, FamilyNameKana = FamilyNameKana, GivenNameKana = GivenNameKana, KanaConfirmed = KanaConfirmed,
            Domicile = Domicile, DomicileHead = DomicileHead,
        };
        return new CounterEntry(request, () => InputValidation.Ensure(new JapaneseNationalityValidator(), request));
    }

    /// <summary>NationalityHandlers refuse these again on 登録; the clerk learns it before reading back.</summary>
    protected override Task CheckBeforeReadBackAsync(object request, CancellationToken ct)
    {
        if (Current is not { } c) return Task.CompletedTask;
        if (c.Record.Status != ResidentStatus.Resident)
            Errors.Add("addresseeNumber", $"宛名番号 {AddresseeNumber} の住民は{c.Summary.Status}です。除票には記録できません。");
        else if (IsLoss && c.Record.Kind != ResidentKind.Japanese)
            Errors.Add("addresseeNumber", $"宛名番号 {AddresseeNumber} の住民は外国人住民です。国籍喪失は日本人住民に記録します。");
        else if (!IsLoss && c.Record.Kind != ResidentKind.Foreign)
            Errors.Add("addresseeNumber", $"宛名番号 {AddresseeNumber} の住民は日本人住民です。{Kind}は外国人住民に記録します。");
        return Task.CompletedTask;
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(AddresseeNumber)) return;
        try { Current = await queries.GetAsync(AddresseeNumber.Trim(), null, HttpContext.Actor(), mayViewPersonalNumber: false, reason: null, ct); }
        catch (DomainException e) when (e.Status == 404) { Errors.Add("addresseeNumber", e.Message); }
        catch (DomainException e) { Errors.Add(e); }
    }
}
