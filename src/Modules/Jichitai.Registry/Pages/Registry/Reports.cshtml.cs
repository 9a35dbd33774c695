using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Jichitai.Registry.Features.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>届出期間経過者一覧 and 転入通知未着者一覧 (standard 4.1.3.1.4).</summary>
[Authorize(Policy = RegistryPolicies.Read)]
public sealed class ReportsModel(RegistryReports reports) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? List { get; set; }
    public IReadOnlyList<LateNotificationLine>? Late { get; private set; }
    public IReadOnlyList<UnconfirmedMoveOutLine>? Unconfirmed { get; private set; }
    public FormErrors Errors { get; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        try
        {
            if (List == "late")
            {
                var from = Errors.Date(From, "from", "開始日");
                var to = Errors.Date(To, "to", "終了日");
                if (from is { } f && to is { } t) Late = await reports.LateNotificationsAsync(f, t, HttpContext.Actor(), ct);
            }
            else if (List == "unconfirmed") Unconfirmed = await reports.UnconfirmedMoveOutsAsync(HttpContext.Actor(), ct);
        }
        catch (DomainException e) { Errors.Add(e); }
    }
}
