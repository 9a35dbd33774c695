using Jichitai.Care.Income;
using Jichitai.Care.Persistence;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Care.Pages.Care;

/// <summary>
/// 所得情報・特別徴収対象者の取込 for the 介護担当: the same importer as `jichitai care import-income | import-pension`.
/// Every row is checked; with any error nothing is written and the errors are listed (and downloadable as CSV).
/// </summary>
[Authorize(Policy = CarePolicies.Work)]
[RequestSizeLimit(MaxUpload)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUpload)]
public sealed class ImportsModel(CareDataImporter importer, TimeProvider clock) : PageModel
{
    private const long MaxUpload = 512L << 20; // a million rows of either layout is well under 100 MB
    private const int ShownErrors = 200;

    [BindProperty] public string Kind { get; set; } = IncomeLayout.KindName;
    [BindProperty] public int FiscalYear { get; set; }
    [BindProperty] public string Encoding { get; set; } = "utf-8";
    [BindProperty] public bool DryRun { get; set; } = true;
    [BindProperty] public IFormFile? Upload { get; set; }

    public CareImportResult? Result { get; private set; }
    public string? Message { get; private set; }
    public bool Failed { get; private set; }
    /// <summary>The whole error report as a data: URL, so it downloads without being stored anywhere.</summary>
    public string? ErrorReportUrl { get; private set; }
    public IReadOnlyList<CareImportRow> Recent { get; private set; } = [];
    public static IReadOnlyList<(string Value, string Label)> Kinds { get; } =
        [(IncomeLayout.KindName, CareDataImporter.KindLabel(IncomeLayout.KindName)), (PensionLayout.KindName, CareDataImporter.KindLabel(PensionLayout.KindName))];

    private int TenantId => User.TenantId()!.Value;

    public async Task OnGetAsync(CancellationToken ct)
    {
        FiscalYear = Jichitai.Platform.JapanTime.Today(clock) is var today && today.Month < 4 ? today.Year - 1 : today.Year;
        Recent = await importer.RecentAsync(TenantId, 20, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            if (Upload is null || Upload.Length == 0)
                throw new DomainException("care.import.file", "取り込むファイルを選んでください。", "file");
            if (ModelState[nameof(FiscalYear)]?.ValidationState == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
                throw new DomainException("care.import.year", "年度は西暦4桁の数字で入力してください。", "fiscalYear");
            await using var stream = Upload.OpenReadStream();
            var name = Path.GetFileName(Upload.FileName);
            Result = Kind switch
            {
                IncomeLayout.KindName => await importer.ImportIncomeAsync(TenantId, FiscalYear, stream, name, Encoding, HttpContext.Actor(), DryRun, ct),
                PensionLayout.KindName => await importer.ImportPensionAsync(TenantId, FiscalYear, stream, name, Encoding, HttpContext.Actor(), DryRun, ct),
                _ => throw new DomainException("care.import.kind", "取り込むデータの種類を選んでください。", "kind"),
            };
            Failed = !Result.Succeeded;
            Message = Result switch
            {
                { Succeeded: false } r => $"取り込めませんでした。何も登録していません({r.RowsRead:N0}行中 エラー{r.ErrorCount:N0}件)。",
                { DryRun: true } r => $"検査の結果、エラーはありません({r.RowsRead:N0}件)。まだ登録していません。「確認のみ」を外して取り込んでください。",
                var r => $"取り込みました({r.FiscalYear}年度 {CareDataImporter.KindLabel(r.Kind)} {r.RowsWritten:N0}件。保険料の更正 {r.Revisions:N0}件)。",
            };
            if (Failed)
            {
                using var report = new MemoryStream();
                await Result.WriteErrorReportAsync(report);
                ErrorReportUrl = "data:text/csv;charset=utf-8;base64," + Convert.ToBase64String(report.ToArray());
            }
        }
        catch (DomainException e)
        {
            (Failed, Message) = (true, e.Message);
        }
        Recent = await importer.RecentAsync(TenantId, 20, ct);
        return Page();
    }

    public IEnumerable<CareImportError> ShownErrorList => Result?.Errors.Take(ShownErrors) ?? [];

    public static string Jst(DateTime utc) => Jichitai.Platform.JapanTime.FromUtc(utc).ToString("yyyy-MM-dd HH:mm");
}
