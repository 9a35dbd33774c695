using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Jichitai.Registry.Features.Certificates;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>
/// 交付履歴照会 (標準2.2.2) with the items of 1.3.8, and per issue 再交付 (4.1.3.0.3: as first issued, marked 再交付) and
/// 処分 (a wrongly issued certificate destroyed: marked, never deleted). Every search is in the access log.
/// </summary>
[Authorize(Policy = RegistryPolicies.Certificates)]
public sealed class CertificateHistoryModel(CertificateHistory history, CertificateService service) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? AddresseeNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? IssueNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? IssuedBy { get; set; }
    [BindProperty(SupportsGet = true)] public string? Terminal { get; set; }
    /// <summary>照会の理由 (written to the access log with the search).</summary>
    [BindProperty(SupportsGet = true)] public string? Reason { get; set; }

    /// <summary>再交付・処分: the reason typed in the row's form, and for 再交付 who receives it.</summary>
    [BindProperty] public string? ActionReason { get; set; }
    [BindProperty] public string? RequesterName { get; set; }
    [BindProperty] public string? IdentityDocument { get; set; }

    public FormErrors Errors { get; } = new();
    public IReadOnlyList<CertificateIssueView>? Results { get; private set; }
    /// <summary>The row whose 再交付 or 処分 failed: its error is shown next to its reason.</summary>
    public long? FailedRow { get; private set; }
    public IssuedCertificate? Reissued { get; private set; }
    public string? Message { get; private set; }

    /// <summary>検索 pressed (even with nothing typed: the service then names the criteria it needs) or criteria in the address.</summary>
    public bool Searched => Request.Query.ContainsKey("search") || new[] { AddresseeNumber, From, To, Kind, IssueNumber, IssuedBy, Terminal }.Any(v => !string.IsNullOrWhiteSpace(v));

    public async Task OnGetAsync(CancellationToken ct) => await SearchAsync(ct);

    public async Task<IActionResult> OnPostReissueAsync(long issueId, CancellationToken ct)
    {
        try
        {
            Reissued = await service.ReissueAsync(issueId, new ReissueRequest(ActionReason, RequesterName, IdentityDocument),
                Features.Certificates.CertificateEndpoints.Context(HttpContext), ct);
            ActionReason = RequesterName = IdentityDocument = null;
        }
        catch (DomainException e) { Errors.Add(e); FailedRow = issueId; }
        await SearchAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDisposeAsync(long issueId, CancellationToken ct)
    {
        try
        {
            var view = await service.DisposeAsync(issueId, new DisposeRequest(ActionReason), HttpContext.Actor(), ct);
            Message = $"発行番号 {view.IssueNumber} を処分済みとして記録しました。";
            ActionReason = null;
        }
        catch (DomainException e) { Errors.Add(e); FailedRow = issueId; }
        await SearchAsync(ct);
        return Page();
    }

    /// <summary>The search as a query string, so that 再交付・処分 come back to the same list.</summary>
    public string QueryString(string handler, long issueId) =>
        $"?handler={handler}&issueId={issueId}" + string.Concat(new Dictionary<string, string?>
        {
            ["AddresseeNumber"] = AddresseeNumber, ["From"] = From, ["To"] = To, ["Kind"] = Kind, ["IssueNumber"] = IssueNumber,
            ["IssuedBy"] = IssuedBy, ["Terminal"] = Terminal, ["Reason"] = Reason,
        }.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).Select(kv => $"&{kv.Key}={Uri.EscapeDataString(kv.Value!)}"));

    private async Task SearchAsync(CancellationToken ct)
    {
        if (!Searched) return;
        var from = string.IsNullOrWhiteSpace(From) ? null : Errors.Date(From, "from", "期間(から)", required: false);
        var to = string.IsNullOrWhiteSpace(To) ? null : Errors.Date(To, "to", "期間(まで)", required: false);
        if (Errors.For("from") is not null || Errors.For("to") is not null) return;
        try
        {
            Results = await history.SearchAsync(new CertificateHistoryQuery
            {
                AddresseeNumber = AddresseeNumber, From = from, To = to, Kind = Kind, IssueNumber = IssueNumber, IssuedBy = IssuedBy, Terminal = Terminal,
                Reason = Reason, Limit = 200,
            }, HttpContext.Actor(), ct);
        }
        catch (DomainException e) { Errors.Add(e); }
    }
}
