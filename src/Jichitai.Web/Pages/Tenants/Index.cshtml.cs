using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Settings;
using Jichitai.Platform.Tenancy;
using Jichitai.Web.Security;
using Jichitai.Web.Startup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Web.Pages.Tenants;

public sealed record TenantUsage(Tenant Tenant, int StaffCount);

[Authorize(Policy = Policies.Operator)]
public sealed class IndexModel(TenantService tenants, TenantSettingsService settings, PlatformDbContext db, StartupState state) : PageModel
{
    public IReadOnlyList<TenantUsage> Tenants { get; private set; } = [];
    public IReadOnlyList<SettingDifference> Differences { get; private set; } = [];
    public string Health => state.Status;
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? NameKana { get; set; }
    [BindProperty] public string? Class { get; set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }
    public string? ErrorField { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var t = await tenants.CreateAsync(new TenantDraft(Code ?? "", Name ?? "", NameKana, null, Class), HttpContext.Actor(), ct);
            Message = $"{t.Name}({t.Code})を登録しました。";
            Code = Name = NameKana = null;
        }
        catch (DomainException e) { Error = e.Message; ErrorField = e.Field; }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var counts = await db.Users.Where(u => u.TenantId != null).GroupBy(u => u.TenantId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        Tenants = (await tenants.ListAsync(ct)).Select(t => new TenantUsage(t, counts.GetValueOrDefault(t.Id))).ToList();
        Differences = await settings.DifferencesAsync(null, ct);
    }
}
