using Jichitai.Linkage.Consumers;
using Jichitai.Linkage.Files;
using Jichitai.Linkage.Persistence;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Linkage.Pages.Linkage;

/// <summary>
/// One 連携先: its state, 提供項目の変更 (with a reason), 再送 from a sequence, 停止・再開, recent failures and, for a file
/// consumer, the 差分ファイル download. Changes redirect back (PRG); refusals stay on the page next to their form.
/// </summary>
[Authorize(Policy = LinkagePolicies.Manage)]
public sealed class ConsumerModel(ConsumerService consumers, LinkageCatalog catalog, DeltaFiles deltaFiles) : PageModel
{
    public const string GrantsForm = "grants";
    public const string ReplayForm = "replay";
    public const string StateForm = "state";
    public const string FileForm = "file";
    public const string IntervalForm = "interval";
    private const int ShownFailures = 20;

    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty] public List<string> Items { get; set; } = [];
    [BindProperty] public bool PersonalNumberUse { get; set; }
    [BindProperty] public bool NeedsSupportMeasures { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public long? FromSequence { get; set; }
    [BindProperty] public int DeliveryIntervalMinutes { get; set; }

    [TempData] public string? Message { get; set; }
    public ConsumerStatus Status { get; private set; } = null!;
    public IReadOnlyList<DeliveryFailureRow> Failures { get; private set; } = [];
    public FormError? Error { get; private set; }
    public LinkageCatalog Catalog => catalog;
    /// <summary>The grant form shows what was submitted after a refusal, the stored grant otherwise.</summary>
    public bool KeepInput { get; private set; }

    private int TenantId => User.TenantId()!.Value;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    /// <summary>A post without a handler (no form sends one) just shows the page again.</summary>
    public IActionResult OnPost() => RedirectToPage(new { id = Id });

    public Task<IActionResult> OnPostGrantsAsync(CancellationToken ct) => ChangeAsync(GrantsForm,
        () => consumers.ChangeGrantsAsync(TenantId, Id, Items, PersonalNumberUse, NeedsSupportMeasures, Reason, HttpContext.Actor(), ct),
        "提供項目を変更しました。", ct);

    public Task<IActionResult> OnPostReplayAsync(CancellationToken ct) => ChangeAsync(ReplayForm, () =>
    {
        if (ModelState[nameof(FromSequence)]?.ValidationState == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid || FromSequence is null)
            throw new DomainException("linkage.replay.sequence", "再送する連番を数字で入力してください。", "fromSequence");
        return consumers.ReplayAsync(TenantId, Id, FromSequence.Value, HttpContext.Actor(), ct);
    }, $"連番 {FromSequence} から再送します。", ct);

    public Task<IActionResult> OnPostIntervalAsync(CancellationToken ct) => ChangeAsync(IntervalForm,
        () => consumers.ChangeIntervalAsync(TenantId, Id, DeliveryIntervalMinutes, HttpContext.Actor(), ct),
        $"送信タイミングを「{ConsumerService.IntervalLabel(DeliveryIntervalMinutes)}」にしました。", ct);

    public Task<IActionResult> OnPostPauseAsync(CancellationToken ct) =>
        ChangeAsync(StateForm, () => consumers.PauseAsync(TenantId, Id, HttpContext.Actor(), ct), "送信を停止しました。", ct);

    public Task<IActionResult> OnPostResumeAsync(CancellationToken ct) =>
        ChangeAsync(StateForm, () => consumers.ResumeAsync(TenantId, Id, HttpContext.Actor(), ct), "送信を再開しました。", ct);

    /// <summary>Writes the delta after the cursor to a temporary file and sends it; the service moves the cursor.</summary>
    public async Task<IActionResult> OnPostDeltaFileAsync(CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"jc-linkage-{Guid.NewGuid():N}.csv");
        FileStream? download = null;
        try
        {
            var result = await deltaFiles.WriteAsync(TenantId, Id, path, null, HttpContext.Actor(), ct);
            // Streamed, not buffered (a delta can be large); the file goes when the response has been sent (or aborted).
            download = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16,
                FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            return File(download, "text/csv", result.FileName);
        }
        catch (DomainException e)
        {
            Error = FormError.Of(FileForm, e);
            return await LoadAsync(ct) ?? Page();
        }
        finally
        {
            if (download is null && System.IO.File.Exists(path)) System.IO.File.Delete(path);
        }
    }

    private async Task<IActionResult> ChangeAsync(string form, Func<Task> change, string done, CancellationToken ct)
    {
        try
        {
            await change();
            Message = done;
            return RedirectToPage(new { id = Id });
        }
        catch (DomainException e) when (e.Status == 404)
        {
            return NotFound(); // not this tenant's consumer
        }
        catch (DomainException e)
        {
            Error = FormError.Of(form, e);
            KeepInput = form == GrantsForm;
            return await LoadAsync(ct) ?? Page();
        }
    }

    /// <summary>Loads the consumer; an unknown id (or another tenant's) is a 404.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        try
        {
            Status = await consumers.GetAsync(TenantId, Id, ct);
        }
        catch (DomainException e) when (e.Status == 404)
        {
            return NotFound();
        }
        Failures = await consumers.FailuresAsync(TenantId, Id, ShownFailures, ct);
        return null;
    }
}
