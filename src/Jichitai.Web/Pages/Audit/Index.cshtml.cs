using System.Reflection;
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
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    public IReadOnlyList<AuditEntry>? Entries { get; private set; }

    public static readonly IReadOnlyList<(string Code, string Label)> ActionChoices = typeof(AuditActions)
        .GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)
        .Select(code => (code, AuditActions.Label(code))).ToList();

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Search is null) return;
        Entries = await search.SearchAsync(new AuditQuery(Subject, Staff, From, To, Action, AuditSearch.MaxLimit), HttpContext.Actor(), ct);
    }
}
