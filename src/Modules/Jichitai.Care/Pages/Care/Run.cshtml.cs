using Jichitai.Care.Assessment;
using Jichitai.Care.Notices;
using Jichitai.Care.Persistence;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Care.Pages.Care;

/// <summary>One stage of the run summary beside the previous completed run of the year.</summary>
public sealed record StageComparison(int Stage, StageTotal? Current, StageTotal? Previous);

/// <summary>One 本算定: progress (polled as JSON while it runs), the summary per stage against the previous run, a chart, and the notices.</summary>
[Authorize(Policy = CarePolicies.Work)]
public sealed class RunModel(AssessmentRuns runs, CareDocuments documents, TimeProvider clock) : PageModel
{
    [FromRoute] public long Id { get; set; }
    public AssessmentRunRow Run { get; private set; } = null!;
    public AssessmentRunRow? Previous { get; private set; }
    public RunTotals Totals { get; private set; } = new();
    public RunTotals? PreviousTotals { get; private set; }
    public IReadOnlyList<StageComparison> Stages { get; private set; } = [];
    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    public bool Running => Run.State == RunState.Running;
    private int TenantId => User.TenantId()!.Value;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Totals = RunTotals.FromJson(Run.Totals);
        PreviousTotals = Previous is null ? null : RunTotals.FromJson(Previous.Totals);
        Stages = Totals.Stages.Keys.Union((IEnumerable<int>?)PreviousTotals?.Stages.Keys ?? []).Order()
            .Select(s => new StageComparison(s, Totals.Stages.GetValueOrDefault(s), PreviousTotals?.Stages.GetValueOrDefault(s))).ToList();
        return Page();
    }

    /// <summary>Progress for the page's poll (every 2 s while the run is in progress).</summary>
    public async Task<IActionResult> OnGetProgressAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        return new JsonResult(new { state = Run.State.ToString(), label = CareDisplay.RunState(Run, Now), processed = Run.Processed, total = Run.Total, changed = Run.Changed });
    }

    /// <summary>The 決定通知書 of everyone this run assessed, one PDF streamed through a temporary file.</summary>
    public async Task<IActionResult> OnGetNoticesAsync(CancellationToken ct)
    {
        var path = Path.GetTempFileName();
        var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        try
        {
            await documents.RunNoticesAsync(TenantId, Id, file, HttpContext.Actor(), ct);
            file.Position = 0;
            return File(file, "application/pdf", CareDocuments.RunNoticesFileName(Id));
        }
        catch (DomainException e) when (e.Status == 404)
        {
            await file.DisposeAsync();
            return NotFound(e.Message);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        try { (Run, Previous) = await runs.GetAsync(TenantId, Id, ct); return true; }
        catch (DomainException e) when (e.Status == 404) { return false; }
    }

    public string Chart(bool premium) => StageChart.Svg(
        Stages.Select(s => new ChartBar($"第{s.Stage}", premium ? s.Current?.Premium ?? 0 : s.Current?.Persons ?? 0,
            PreviousTotals is null ? null : premium ? s.Previous?.Premium ?? 0 : s.Previous?.Persons ?? 0)).ToList(),
        premium ? "段階別の保険料額(今回と前回)" : "段階別の被保険者数(今回と前回)",
        premium ? v => v >= 10_000 ? $"{v / 10_000:N0}万円" : $"{v:N0}円" : v => $"{v:N0}人");
}
