using System.Globalization;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Jichitai.Registry.Features.Cancellation;
using Jichitai.Registry.Movements;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>
/// 異動の取消しの入力 → 確認 → 登録 → 受理通知 (standard 4.6). The confirmation shows the movement and the residents
/// it wrote, so the clerk reads back exactly what will be undone.
/// </summary>
[Authorize(Policy = RegistryPolicies.Write)]
public sealed class CancellationModel(RegistryMovements movements, MovementLookup lookup) : CounterPageModel(movements)
{
    private (bool Parsed, long? Id) _movementId;

    [BindProperty] public string? MovementNumber { get; set; }
    [BindProperty] public string? Reason { get; set; }
    public MovementOverview? Target { get; private set; }

    public override string ReadBackMessage => "次の異動を取り消します。内容を読み上げて確認し、誤りがなければ「登録する」を押します。";

    public async Task OnGetAsync(long? movement, CancellationToken ct)
    {
        StartEntry();
        MovementNumber = movement?.ToString(CultureInfo.InvariantCulture);
        await LoadAsync(ct);
    }

    /// <summary>異動の内容を表示 with no number says so, as before the shared flow.</summary>
    public override async Task<IActionResult> OnPostLoadAsync(CancellationToken ct)
    {
        MovementId(required: true);
        return await base.OnPostLoadAsync(ct);
    }

    protected override CounterEntry BuildEntry()
    {
        var request = new CancellationRequest { MovementId = MovementId(required: true), Reason = Reason };
        return new CounterEntry(request, () =>
        {
            if (string.IsNullOrWhiteSpace(Reason)) Errors.Add("reason", "取消しの理由を入力してください。");
        });
    }

    /// <summary>CancellationHandler checks these again on 登録; telling the clerk now avoids a read-back that cannot succeed.</summary>
    protected override Task CheckBeforeReadBackAsync(object request, CancellationToken ct)
    {
        if (Target is { CanCancel: false } t)
            Errors.Add("movementId", t.Movement.CancelledByMovementId is { } by
                ? $"異動番号 {t.Movement.MovementId} は既に取り消されています(取消しの異動番号 {by})。"
                : "この異動の後に異動が記録された住民がいます(下の表)。後の異動から順に取り消してください。");
        return Task.CompletedTask;
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        if (MovementId(required: false) is not long id) return;
        try
        {
            Target = await lookup.FindAsync(id, HttpContext.Actor(), ct);
            if (Target is null) Errors.Add("movementId", $"異動番号 {id} の異動はありません。");
        }
        catch (DomainException e) { Errors.Add(e); }
    }

    /// <summary>The movement number as typed (parsed once per request); full-width digits are accepted, as clerks often type them with the IME on.</summary>
    private long? MovementId(bool required)
    {
        if (_movementId.Parsed) return _movementId.Id;
        _movementId = (true, ParseId(required));
        return _movementId.Id;
    }

    private long? ParseId(bool required)
    {
        var text = new string((MovementNumber ?? "").Trim().Select(c => c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c).ToArray());
        if (text.Length == 0)
        {
            if (required) Errors.Add("movementId", "取り消す異動の番号を入力してください。");
            return null;
        }
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            MovementNumber = id.ToString(CultureInfo.InvariantCulture);
            return id;
        }
        Errors.Add("movementId", "異動番号は数字で入力してください。");
        return null;
    }
}
