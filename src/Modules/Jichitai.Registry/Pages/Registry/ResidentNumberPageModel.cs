using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Residents;
using Microsoft.AspNetCore.Mvc;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>
/// A movement that records one number of one resident (個人番号, 住民票コード): 宛名番号, 種別, 異動日・届出日 and the number;
/// the current record is shown beside the entry and the number is read back before 登録.
/// </summary>
public abstract class ResidentNumberPageModel(RegistryMovements movements, ResidentQueries queries) : CounterPageModel(movements)
{
    [BindProperty] public string? AddresseeNumber { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? EffectiveOn { get; set; }
    [BindProperty] public string? NotifiedOn { get; set; }
    [BindProperty] public string? Number { get; set; }
    [BindProperty] public string? Note { get; set; }
    public ResidentDetail? Current { get; private set; }

    public abstract IReadOnlyList<string> Kinds { get; }

    public override string ReadBackMessage => "番号を1桁ずつ読み上げて確認してください。誤りがなければ「登録する」を押します。";

    /// <summary>Whether the current 個人番号 may be shown unmasked (RegistryPolicies.PersonalNumber).</summary>
    protected virtual bool ShowsPersonalNumber => false;

    public async Task OnGetAsync(string? number, string? kind, CancellationToken ct)
    {
        NotifiedOn = StartEntry();
        AddresseeNumber = number;
        Kind = Kinds.Contains(kind) ? kind : Kinds[0];
        await LoadAsync(ct);
    }

    /// <summary>Full-width digits typed with the IME on are read as the digits they are.</summary>
    protected string? NormalisedNumber()
    {
        if (Number is null) return null;
        Number = new string(Number.Trim().Select(c => c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c).ToArray());
        return Number;
    }

    protected override Task CheckBeforeReadBackAsync(object request, CancellationToken ct)
    {
        if (Current is { } c && c.Record.Status != ResidentStatus.Resident)
            Errors.Add("addresseeNumber", $"宛名番号 {AddresseeNumber} の住民は{c.Summary.Status}です。除票には記録できません。");
        return Task.CompletedTask;
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(AddresseeNumber)) return;
        try { Current = await queries.GetAsync(AddresseeNumber.Trim(), null, HttpContext.Actor(), ShowsPersonalNumber, reason: null, ct); }
        catch (DomainException e) when (e.Status == 404) { Errors.Add("addresseeNumber", e.Message); }
        catch (DomainException e) { Errors.Add(e); }
    }
}
