using System.Globalization;
using Jichitai.Care.Assessment;
using Jichitai.Care.Notices;
using Jichitai.Care.Ordinance;
using Jichitai.Care.Persistence;
using Jichitai.Care.Qualification;
using Jichitai.Care.Reductions;
using Jichitai.Platform;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Care.Pages.Care;

/// <summary>A qualification period as the 修正 form edits it (dates as yyyy-MM-dd text, so a wrong date gets a Japanese message).</summary>
public sealed class PeriodInput
{
    public string? AcquiredOn { get; set; }
    public string? AcquisitionReason { get; set; }
    public string? LostOn { get; set; }
    public string? LossReason { get; set; }
    public bool IsBlank => string.IsNullOrWhiteSpace(AcquiredOn) && string.IsNullOrWhiteSpace(AcquisitionReason) && string.IsNullOrWhiteSpace(LostOn) && string.IsNullOrWhiteSpace(LossReason);
}

/// <summary>A 住所地特例 / 適用除外 period as the form edits it.</summary>
public sealed class StatusInput
{
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Note { get; set; }
    public bool Remove { get; set; }
    public bool IsBlank => string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(To) && string.IsNullOrWhiteSpace(Note);
}

/// <summary>
/// 被保険者の照会と資格の修正・取消・回復, 住所地特例・適用除外, 被保険者証の交付, 保険料 per year with its explanation and
/// notices, and 減免の申請 — everything the 介護担当 does for one person. Every view and change is audited by the services.
/// </summary>
[Authorize(Policy = CarePolicies.Work)]
public sealed class PersonModel(QualificationService qualification, AssessmentQueries assessments, CareDocuments documents, ReductionService reductions,
    OrdinanceService ordinances, TimeProvider clock) : PageModel
{
    public const string CorrectForm = "correct", CancelForm = "cancel", RestoreForm = "restore", StatusForm = "status", CardForm = "card", ReductionForm = "reduction", NoticeForm = "notice";

    [FromRoute] public string Addressee { get; set; } = "";
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    [BindProperty] public List<PeriodInput> Periods { get; set; } = [];
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public StatusKind Kind { get; set; }
    [BindProperty] public List<StatusInput> Statuses { get; set; } = [];
    [BindProperty] public string? CardKind { get; set; }
    [BindProperty] public string? RuleCode { get; set; }
    [BindProperty] public int FromMonth { get; set; }
    [BindProperty] public int ToMonth { get; set; }
    [BindProperty] public string? Details { get; set; }

    public InsuredView View { get; private set; } = null!;
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<AssessmentView> Revisions { get; private set; } = [];
    public IReadOnlyList<CertificateIssueRow> Cards { get; private set; } = [];
    public IReadOnlyList<ReductionRow> Reductions { get; private set; } = [];
    public OrdinanceInForce? Ordinance { get; private set; }
    public FormError? Error { get; private set; }
    [TempData] public string? Done { get; set; }

    private int TenantId => User.TenantId()!.Value;
    public int SelectedYear => Year ?? Years.FirstOrDefault(CurrentFiscalYear);
    public int CurrentFiscalYear { get { var t = JapanTime.Today(clock); return t.Month >= 4 ? t.Year : t.Year - 1; } }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try { await LoadAsync(ct); }
        catch (DomainException e) when (e.Status == 404) { return NotFound(); }
        return Page();
    }

    public Task<IActionResult> OnPostCorrectAsync(CancellationToken ct) => ChangeAsync(CorrectForm, "資格を修正しました。", () =>
        qualification.CorrectAsync(TenantId, Addressee, Periods.Where(p => !p.IsBlank).Select(ToPeriod).ToList(), Reason, HttpContext.Actor(), ct), ct);

    public Task<IActionResult> OnPostCancelAsync(CancellationToken ct) => ChangeAsync(CancelForm, "資格を取り消しました。", () =>
        qualification.CancelAsync(TenantId, Addressee, Reason, HttpContext.Actor(), ct), ct);

    public Task<IActionResult> OnPostRestoreAsync(CancellationToken ct) => ChangeAsync(RestoreForm, "資格を回復しました(住民記録に基づく資格に戻しました)。", () =>
        qualification.RestoreAsync(TenantId, Addressee, Reason, HttpContext.Actor(), ct), ct);

    public Task<IActionResult> OnPostStatusAsync(CancellationToken ct) => ChangeAsync(StatusForm, $"{KindLabel(Kind)}を記録しました。", () =>
        qualification.SetStatusesAsync(TenantId, Addressee, Kind, Statuses.Where(s => !s.Remove && !s.IsBlank).Select(ToStatus).ToList(), Reason, HttpContext.Actor(), ct), ct);

    public Task<IActionResult> OnPostReductionAsync(CancellationToken ct) => ChangeAsync(ReductionForm, "減免の申請を受け付けました。別の職員が「減免の審査」で決定します。", () =>
        reductions.ApplyAsync(TenantId, new ReductionApplication(Addressee, SelectedYearForPost, RuleCode ?? "", FromMonth, ToMonth, Details), HttpContext.Actor(), ct), ct);

    /// <summary>交付・再交付: recorded in 発行履歴, answered with the card as PDF.</summary>
    public async Task<IActionResult> OnPostCardAsync(CancellationToken ct)
    {
        try
        {
            var card = await documents.IssueCertificateAsync(TenantId, Addressee, CardKind ?? "", Reason, HttpContext.Actor(), ct);
            return File(card.Pdf, "application/pdf", card.FileName);
        }
        catch (DomainException e)
        {
            Error = FormError.Of(CardForm, e);
            await LoadAsync(ct);
            return Page();
        }
    }

    /// <summary>決定通知書 / 変更通知書 of the year (the current revision, or the one asked for).</summary>
    public async Task<IActionResult> OnGetNoticeAsync(int? revision, CancellationToken ct)
    {
        try
        {
            var notice = await documents.NoticeAsync(TenantId, Addressee, SelectedYearForPost, revision, HttpContext.Actor(), ct);
            return File(notice.Pdf, "application/pdf", notice.FileName);
        }
        catch (DomainException e) when (e.Status == 404) { return NotFound(); }
    }

    private int SelectedYearForPost => Year ?? CurrentFiscalYear;

    private async Task<IActionResult> ChangeAsync(string form, string done, Func<Task> change, CancellationToken ct)
    {
        try
        {
            await change();
            Done = done;
            return RedirectToPage(new { addressee = Addressee, year = Year });
        }
        catch (DomainException e)
        {
            Error = FormError.Of(form, e);
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = HttpContext.Actor();
        View = await qualification.GetAsync(TenantId, Addressee, actor, ct);
        Years = await assessments.YearsAsync(TenantId, Addressee, ct);
        Revisions = await assessments.ForPersonAsync(TenantId, Addressee, SelectedYear, actor, ct);
        Cards = await documents.CertificateHistoryAsync(TenantId, Addressee, ct);
        Reductions = await reductions.ListAsync(TenantId, Addressee, false, ct);
        Ordinance = await ordinances.InForceAsync(TenantId, SelectedYear, ct);
        if (Periods.Count == 0) Periods = View.Periods.Select(p => new PeriodInput
        {
            AcquiredOn = CareDisplay.Iso(p.AcquiredOn), AcquisitionReason = p.AcquisitionReason, LostOn = CareDisplay.Iso(p.LostOn), LossReason = p.LossReason,
        }).Append(new PeriodInput()).ToList();
    }

    public static string KindLabel(StatusKind kind) => kind == StatusKind.AddressException ? "住所地特例" : "適用除外";

    private static QualificationPeriod ToPeriod(PeriodInput p) => new(
        Parse(p.AcquiredOn, "acquiredOn", "資格取得日") ?? throw new DomainException("care.period.date", "資格取得日を入力してください。", "acquiredOn"),
        p.AcquisitionReason?.Trim() ?? "", Parse(p.LostOn, "lostOn", "資格喪失日"), string.IsNullOrWhiteSpace(p.LossReason) ? null : p.LossReason.Trim());

    private static StatusPeriod ToStatus(StatusInput s) => new(
        Parse(s.From, "from", "開始日") ?? throw new DomainException("care.status.date", "開始日を入力してください。", "from"),
        Parse(s.To, "to", "終了日"), s.Note?.Trim() ?? "");

    private static DateOnly? Parse(string? text, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : throw new DomainException("care.date", $"{label}は年-月-日(例: 2026-04-01)で入力してください。", field);
    }
}
