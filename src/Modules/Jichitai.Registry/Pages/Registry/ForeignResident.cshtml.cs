using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Features.ForeignResidents;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Residents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>
/// 外国人住民の記載事項の変更: 在留資格変更・在留期間更新・入管通知による修正 (住基法30条の50; 標準4.5.6) and 通称の記載・削除
/// (標準1.1.7), input → 確認(変更前と変更後の読み上げ) → 登録 → 受理通知. The other 外国人住民 movements are API-only for now.
/// </summary>
[Authorize(Policy = RegistryPolicies.Write)]
public sealed class ForeignResidentModel(RegistryMovements movements, ResidentQueries queries) : PageModel
{
    public const string CommonNameEntry = "通称の記載";
    public const string CommonNameDeletion = "通称の削除";
    public static readonly string[] Kinds = [.. ImmigrationNoticeHandler.Kinds, CommonNameEntry, CommonNameDeletion];
    public static readonly string[] Categories = Enum.GetValues<ForeignResidentCategory>().Select(c => c.Label()).ToArray();

    [BindProperty] public string IdempotencyKey { get; set; } = "";
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
    public FormErrors Errors { get; } = new();
    public bool Confirming { get; private set; }
    public MovementResult? Result { get; private set; }
    public ResidentDetail? Current { get; private set; }
    /// <summary>On the confirmation screen: the 外国人住民の記載事項 as they will be after the movement.</summary>
    public ForeignResidentItems? After { get; private set; }

    public bool IsCommonName => CommonNameHandler.ReasonFor(Kind) is not null;

    public async Task OnGetAsync(string? number, string? kind, CancellationToken ct)
    {
        IdempotencyKey = Guid.NewGuid().ToString("N");
        AddresseeNumber = number;
        if (Kinds.Contains(kind)) Kind = kind;
        NotifiedOn = movements.Today.ToString("yyyy-MM-dd");
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostLoadAsync(CancellationToken ct) { await LoadAsync(ct); return Page(); }

    /// <summary>入力内容の確認: every rule is checked against the current record; nothing is written.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        var notice = IsCommonName ? null : ToNotice();
        var commonName = IsCommonName ? ToCommonName() : null;
        try
        {
            if (notice is not null) InputValidation.Ensure(new ImmigrationNoticeValidator(), notice);
            else InputValidation.Ensure(new CommonNameValidator(), commonName!);
        }
        catch (DomainException e) { Errors.Add(e); }
        await LoadAsync(ct);
        if (!Errors.Any && Current is { } c)
        {
            if (c.Record.Status != ResidentStatus.Resident)
                Errors.Add("addresseeNumber", $"宛名番号 {AddresseeNumber} の住民は{c.Summary.Status}です。除票には記録できません。");
            else if (c.Record.Foreign is not { } foreign)
                Errors.Add("addresseeNumber", $"宛名番号 {AddresseeNumber} の住民は日本人住民です。{Kind}は外国人住民だけに記録できます。");
            else
            {
                try
                {
                    After = notice is not null
                        ? ImmigrationNoticeHandler.Apply(foreign, notice)
                        : CommonNameHandler.Apply(foreign, CommonNameHandler.ReasonFor(Kind)!.Value, CommonName, CommonNameKana, commonName!.Header.EffectiveOn!.Value);
                }
                catch (DomainException e) { Errors.Add(e); }
            }
        }
        Confirming = !Errors.Any && Current is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(CancellationToken ct)
    {
        var notice = IsCommonName ? null : ToNotice();
        var commonName = IsCommonName ? ToCommonName() : null;
        if (!Errors.Any)
        {
            try
            {
                Result = notice is not null
                    ? await movements.SubmitAsync(notice, IdempotencyKey, HttpContext.Actor(), ct)
                    : await movements.SubmitAsync(commonName!, IdempotencyKey, HttpContext.Actor(), ct);
            }
            catch (DomainException e) { Errors.Add(e); }
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(CancellationToken ct) { await LoadAsync(ct); return Page(); }

    private MovementHeader Header() => new()
    {
        EffectiveOn = Errors.Date(EffectiveOn, "header.effectiveOn", "異動日"),
        NotifiedOn = Errors.Date(NotifiedOn, "header.notifiedOn", "届出日"),
        Note = Note,
    };

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

    private async Task LoadAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(AddresseeNumber) || Result is not null) return;
        try { Current = await queries.GetAsync(AddresseeNumber.Trim(), null, HttpContext.Actor(), mayViewPersonalNumber: false, reason: null, ct); }
        catch (DomainException e) when (e.Status == 404) { Errors.Add("addresseeNumber", e.Message); }
        catch (DomainException e) { Errors.Add(e); }
    }
}
