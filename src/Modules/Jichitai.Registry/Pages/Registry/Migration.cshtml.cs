using Jichitai.Platform.Text;
using System.IO.Compression;
using Jichitai.Platform.Identity;
using Jichitai.Registry.Features.Migration.Export;
using Jichitai.Registry.Features.Migration.Files;
using Jichitai.Registry.Features.Migration.Import;
using Jichitai.Registry.Features.Migration.Layout;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>
/// 移行データの取込・出力 (標準10.6, 10.8) for the tenant's IT staff: the same importer and exporter as `jichitai migrate`.
/// Uploads are the five CSV files or one ZIP of them; an export downloads as one ZIP.
/// </summary>
[Authorize(Policy = RegistryPolicies.Migration)]
[RequestSizeLimit(MaxUpload)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUpload)]
public sealed class MigrationModel(MigrationImporter importer, MigrationExporter exporter) : PageModel
{
    private const long MaxUpload = 1L << 30;
    private const int ShownErrors = 200;

    [BindProperty] public string Encoding { get; set; } = "utf-8";
    [BindProperty] public bool DryRun { get; set; } = true;
    [BindProperty] public bool Replace { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public string? Message { get; private set; }
    public IReadOnlyList<MigrationError> Errors { get; private set; } = [];
    public int ErrorCount { get; private set; }
    /// <summary>The whole error report as a data: URL, so it downloads without being stored anywhere.</summary>
    public string? ErrorReportUrl { get; private set; }
    public static IReadOnlyList<LayoutFile> Layout => MigrationLayout.Files;

    private int TenantId => User.TenantId()!.Value;

    public void OnGet() { }

    public ContentResult OnGetLayout() => Content(LayoutDocument.Markdown(), "text/markdown; charset=utf-8");

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        var dir = Directory.CreateTempSubdirectory("jc-migration-upload-").FullName;
        try
        {
            if (!await SaveUploadAsync(dir, ct)) return Page();
            var options = new ImportOptions(dir, StrictEncoding.Parse(Encoding), DryRun, Replace, Reason);
            var result = await importer.ImportAsync(TenantId, options, HttpContext.Actor(), null, ct);
            var c = result.Counts;
            var counts = $"世帯 {c.Households:N0}・住民 {c.Residents:N0}・異動 {c.Movements:N0}・支援措置等 {c.Restrictions:N0}・交付履歴 {c.CertificateIssues:N0}";
            Message = result.Outcome switch
            {
                ImportOutcome.Imported => $"取り込みました({counts}、{result.Elapsed.TotalSeconds:N1}秒)。",
                ImportOutcome.DryRunPassed => $"検査の結果、エラーはありません({counts})。まだ登録していません。「検査のみ」を外して取り込んでください。",
                ImportOutcome.AlreadyImported => "このデータは既に取り込み済みです。何も変更していません。",
                _ => null,
            };
            if (result.Outcome == ImportOutcome.Rejected) await ShowErrorsAsync(result.Errors, "取り込めませんでした。何も登録していません。");
            return Page();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct)
    {
        var dir = Directory.CreateTempSubdirectory("jc-migration-export-").FullName;
        try
        {
            var result = await exporter.ExportAsync(TenantId, dir, StrictEncoding.Parse(Encoding), HttpContext.Actor(), null, ct);
            if (!result.Written)
            {
                await ShowErrorsAsync(result.Errors, "出力できませんでした。選んだ文字コードで表せない文字があります(UTF-8 なら出力できます)。");
                return Page();
            }
            var zip = new MemoryStream();
            using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
                foreach (var file in MigrationLayout.Files) await archive.CreateEntryFromFileAsync(Path.Combine(dir, file.FileName), file.FileName, ct);
            zip.Position = 0;
            var code = User.FindFirst(StaffClaimTypes.TenantCode)?.Value ?? TenantId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return File(zip, "application/zip", $"migration-{code}-{DateTime.UtcNow:yyyyMMdd}-{Encoding}.zip");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Saves the uploaded CSV files (or the CSV files of one ZIP) under their own names; anything else is refused.</summary>
    private async Task<bool> SaveUploadAsync(string dir, CancellationToken ct)
    {
        var names = MigrationLayout.Files.Select(f => f.FileName).ToHashSet(StringComparer.Ordinal);
        foreach (var upload in Files)
        {
            var name = Path.GetFileName(upload.FileName);
            if (name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                await using var stream = upload.OpenReadStream();
                using var archive = new ZipArchive(stream, ZipArchiveMode.Read);
                foreach (var entry in archive.Entries.Where(e => names.Contains(e.Name)))
                    await entry.ExtractToFileAsync(Path.Combine(dir, entry.Name), overwrite: true, ct);
            }
            else if (names.Contains(name))
            {
                await using var target = System.IO.File.Create(Path.Combine(dir, name));
                await upload.CopyToAsync(target, ct);
            }
            else
            {
                await ShowErrorsAsync([new(name, 0, "", "", $"ファイル名が違います。{string.Join("、", names)} または それらをまとめたZIPを選んでください")], "取り込めませんでした。");
                return false;
            }
        }
        return true;
    }

    private async Task ShowErrorsAsync(IReadOnlyList<MigrationError> errors, string message)
    {
        Message = message;
        ErrorCount = errors.Count;
        Errors = errors.Take(ShownErrors).ToList();
        using var report = new MemoryStream();
        await ErrorReport.WriteAsync(report, errors);
        ErrorReportUrl = "data:text/csv;charset=utf-8;base64," + Convert.ToBase64String(report.ToArray());
    }
}
