using System.Globalization;
using System.Reflection;
using System.Text;
using CsvHelper;
using Jichitai.Platform;
using Jichitai.Platform.Audit;
using Jichitai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Web.Pages.Audit;

[Authorize(Policy = Policies.AuditRead)]
public sealed class IndexModel(AuditSearch search) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Subject { get; set; }
    [BindProperty(SupportsGet = true)] public string? Staff { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public AuditOutcome? Outcome { get; set; }
    [BindProperty(SupportsGet = true)] public bool OffHours { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    public IReadOnlyList<AuditEntry>? Entries { get; private set; }
    public IReadOnlyList<SignInCount>? SignIns { get; private set; }

    public static readonly IReadOnlyList<(string Code, string Label)> ActionChoices = typeof(AuditActions)
        .GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)
        .Select(code => (code, AuditActions.Label(code))).ToList();

    public static string OutcomeLabel(AuditOutcome o) => o switch { AuditOutcome.Success => "成功", AuditOutcome.Failure => "失敗", _ => "拒否" };

    private AuditQuery Query(int limit) => new(Subject, Staff, From, To, Action, Outcome, OffHours, limit);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Search is null) return;
        Entries = await search.SearchAsync(Query(500), HttpContext.Actor(), ct);
        SignIns = await search.SignInCountsAsync(From, To, ct);
    }

    /// <summary>ファイル出力: the same search as CSV (UTF-8 with BOM, so that spreadsheet software reads the Japanese).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var entries = await search.SearchAsync(Query(AuditSearch.MaxLimit), HttpContext.Actor(), ct);
        var buffer = new MemoryStream();
        await using (var writer = new StreamWriter(buffer, new UTF8Encoding(true), leaveOpen: true))
        await using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var h in new[] { "番号", "日時", "職員", "操作", "操作コード", "結果", "対象種別", "対象", "住民", "理由", "端末", "詳細" }) csv.WriteField(h);
            await csv.NextRecordAsync();
            foreach (var e in entries)
            {
                foreach (var f in new object?[] { e.Seq, JapanTime.FromUtc(e.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), e.ActorName,
                    AuditActions.Label(e.Action), e.Action, OutcomeLabel(e.Outcome), e.TargetType, e.TargetId, e.SubjectId, e.Reason, e.ClientAddress, e.Detail })
                    csv.WriteField(f);
                await csv.NextRecordAsync();
            }
        }
        return File(buffer.ToArray(), "text/csv; charset=utf-8", $"access-log-{JapanTime.Today(TimeProvider.System):yyyyMMdd}.csv");
    }
}
