using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Jichitai.Registry.Features.RecordColumn;
using Jichitai.Registry.Features.RecordSheets;
using Jichitai.Registry.Features.Renewal;
using Jichitai.Registry.Movements;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>
/// 個人票 (standard 1.1.3) with its 統合記載欄 (1.1.14), printable; 改製原住民票 (1.1.4) on request. Staff who may write
/// add 留意事項・備考 here; registry officers also 改製 the record and mark 特別な事由.
/// </summary>
[Authorize(Policy = RegistryPolicies.Read)]
public sealed class ResidentSheetModel(RecordSheetQueries sheets, RecordColumnService column, RegistryMovements movements, SpecialReasonService special,
    IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool Original { get; set; }
    [BindProperty(SupportsGet = true)] public bool IncludeSpecial { get; set; }
    [BindProperty(SupportsGet = true)] public string? Reason { get; set; }
    [BindProperty] public RecordEntryRequest Entry { get; set; } = new();
    [BindProperty] public string? RecordedOnText { get; set; }
    [BindProperty] public string? RenewedOnText { get; set; }
    [BindProperty] public string? RenewalReason { get; set; }
    [BindProperty] public bool RenewalConfirmed { get; set; }
    [BindProperty] public string? SpecialReasonText { get; set; }
    public PersonalSheet? Sheet { get; private set; }
    public bool ReasonRequired { get; private set; }
    public bool MayWrite { get; private set; }
    public bool IsOfficer { get; private set; }
    public DateOnly? RenewalPreview { get; private set; }
    public string? Message { get; private set; }
    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        MayWrite = (await authorization.AuthorizeAsync(User, RegistryPolicies.Write)).Succeeded;
        IsOfficer = (await authorization.AuthorizeAsync(User, RegistryPolicies.Officer)).Succeeded;
        try
        {
            Sheet = await sheets.PersonalAsync(number, new SheetOptions { Original = Original, IncludeSpecial = IncludeSpecial, Reason = Reason },
                HttpContext.Actor(), RegistryPolicies.MayUsePersonalNumber(User), ct);
        }
        catch (DomainException e) when (e.Code is "registry.restriction.reason-required" or "registry.restricted.inquiry")
        {
            Errors.Add(e);
            ReasonRequired = e.Code == "registry.restriction.reason-required";
        }
        catch (DomainException e) when (e.Status == 404)
        {
            if (e.Code == "registry.resident.not-found") return NotFound();
            Errors.Add(e);
        }
        return Page();
    }

    /// <summary>統合記載欄の記入 (留意事項・備考).</summary>
    public async Task<IActionResult> OnPostEntryAsync(string number, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, RegistryPolicies.Write)).Succeeded) return Forbid();
        var on = string.IsNullOrWhiteSpace(RecordedOnText) ? null : Errors.Date(RecordedOnText, "recordedOn", "記載日");
        if (!Errors.Any)
            try { await column.AddAsync(number, Entry with { RecordedOn = on }, HttpContext.Actor(), ct); Message = "統合記載欄に記入しました。"; Entry = new(); }
            catch (DomainException e) { Errors.Add(e); }
        return await OnGetAsync(number, ct);
    }

    public async Task<IActionResult> OnPostDeleteEntryAsync(string number, long entryId, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, RegistryPolicies.Write)).Succeeded) return Forbid();
        try { await column.DeleteAsync(number, entryId, HttpContext.Actor(), ct); Message = $"記載 {entryId} を削除しました(履歴に残ります)。"; }
        catch (DomainException e) { Errors.Add(e); }
        return await OnGetAsync(number, ct);
    }

    /// <summary>改製 (standard 1.1.4): read back first, then recorded as a movement on 登録.</summary>
    public async Task<IActionResult> OnPostRenewalAsync(string number, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, RegistryPolicies.Officer)).Succeeded) return Forbid();
        var on = Errors.Date(RenewedOnText, "renewedOn", "改製年月日");
        if (string.IsNullOrWhiteSpace(RenewalReason)) Errors.Add("reason", "改製の理由を入力してください。");
        if (!Errors.Any && !RenewalConfirmed) RenewalPreview = on;
        else if (!Errors.Any)
            try
            {
                var result = await movements.SubmitAsync(new RenewalRequest { AddresseeNumber = number, RenewedOn = on, Reason = RenewalReason }, null, HttpContext.Actor(), ct);
                Message = result.PendingId is { } p ? $"改製を仮登録しました(仮登録番号 {p})。本登録をお待ちください。" : $"改製しました(異動番号 {result.MovementId})。";
                RenewedOnText = RenewalReason = null;
            }
            catch (DomainException e) { Errors.Add(e); }
        return await OnGetAsync(number, ct);
    }

    /// <summary>特別な事由 of a history line (empty clears it).</summary>
    public async Task<IActionResult> OnPostSpecialAsync(string number, long movementId, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, RegistryPolicies.Officer)).Succeeded) return Forbid();
        try { var r = await special.MarkAsync(movementId, new SpecialReasonRequest(SpecialReasonText), HttpContext.Actor(), ct); Message = r is null ? $"異動 {movementId} の特別な事由を解除しました。" : $"異動 {movementId} を特別な事由({r})としました。"; }
        catch (DomainException e) { Errors.Add(e); }
        IncludeSpecial = true;
        return await OnGetAsync(number, ct);
    }
}
