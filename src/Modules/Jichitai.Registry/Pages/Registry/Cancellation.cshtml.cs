using System.Globalization;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Features.Cancellation;
using Jichitai.Registry.Movements;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>
/// 異動の取消しの入力 → 確認 → 登録 → 受理通知 (standard 4.6). The confirmation shows the movement and the residents
/// it wrote, so the clerk reads back exactly what will be undone.
/// </summary>
[Authorize(Policy = RegistryPolicies.Write)]
public sealed class CancellationModel(RegistryMovements movements, MovementLookup lookup) : PageModel
{
    [BindProperty] public string IdempotencyKey { get; set; } = "";
    [BindProperty] public string? MovementNumber { get; set; }
    [BindProperty] public string? Reason { get; set; }
    public FormErrors Errors { get; } = new();
    public bool Confirming { get; private set; }
    public MovementResult? Result { get; private set; }
    public MovementOverview? Target { get; private set; }

    public async Task OnGetAsync(long? movement, CancellationToken ct)
    {
        IdempotencyKey = Guid.NewGuid().ToString("N");
        MovementNumber = movement?.ToString(CultureInfo.InvariantCulture);
        await LoadAsync(ParseId(required: false), ct);
    }

    public async Task<IActionResult> OnPostLoadAsync(CancellationToken ct) { await LoadAsync(ParseId(required: true), ct); return Page(); }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        var id = ParseId(required: true);
        if (string.IsNullOrWhiteSpace(Reason)) Errors.Add("reason", "取消しの理由を入力してください。");
        await LoadAsync(id, ct);
        // CancellationHandler checks these again on 登録; telling the clerk now avoids a read-back that cannot succeed.
        if (Target is { CanCancel: false } t)
            Errors.Add("movementId", t.Movement.CancelledByMovementId is { } by
                ? $"異動番号 {t.Movement.MovementId} は既に取り消されています(取消しの異動番号 {by})。"
                : "この異動の後に異動が記録された住民がいます(下の表)。後の異動から順に取り消してください。");
        Confirming = !Errors.Any;
        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(CancellationToken ct)
    {
        var request = new CancellationRequest { MovementId = ParseId(required: false), Reason = Reason };
        if (!Errors.Any)
        {
            try { Result = await movements.SubmitAsync(request, IdempotencyKey, HttpContext.Actor(), ct); }
            catch (DomainException e) { Errors.Add(e); }
        }
        if (Result is null) await LoadAsync(request.MovementId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(CancellationToken ct) { await LoadAsync(ParseId(required: false), ct); return Page(); }

    /// <summary>The movement number as typed; full-width digits are accepted, as clerks often type them with the IME on.</summary>
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

    private async Task LoadAsync(long? id, CancellationToken ct)
    {
        if (id is not long movementId) return;
        try
        {
            // MovementLookup is built here rather than injected: it is not registered in RegistryModule.
            Target = await lookup.FindAsync(movementId, HttpContext.Actor(), ct);
            if (Target is null) Errors.Add("movementId", $"異動番号 {movementId} の異動はありません。");
        }
        catch (DomainException e) { Errors.Add(e); }
    }
}
