using Jichitai.Platform.Errors;
using Jichitai.Platform.Settings;
using Jichitai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Web.Pages.Settings;

[Authorize(Policy = Policies.TenantAdmin)]
public sealed class IndexModel(TenantSettingsService settings) : PageModel
{
    public IReadOnlyList<EffectiveSetting> Settings { get; private set; } = [];
    public IReadOnlyList<SettingDifference> Differences { get; private set; } = [];
    [BindProperty] public string? Key { get; set; }
    [BindProperty] public string? Value { get; set; }
    [BindProperty] public DateOnly EffectiveFrom { get; set; }
    [BindProperty] public string? Reason { get; set; }
    /// <summary>An image setting (電子公印) given as a PNG file instead of typed text.</summary>
    [BindProperty] public IFormFile? ImageFile { get; set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }
    public string? ErrorField { get; private set; }

    private int TenantId => User.TenantId()!.Value;

    public async Task OnGetAsync(CancellationToken ct)
    {
        EffectiveFrom = settings.Today;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var definition = SettingCatalog.Find(Key ?? "");
            if (definition?.Type == SettingType.Image && ImageFile is { Length: > 0 })
            {
                using var buffer = new MemoryStream();
                await ImageFile.CopyToAsync(buffer, ct);
                Value = Convert.ToBase64String(buffer.ToArray());
            }
            var row = await settings.ChangeAsync(TenantId, new SettingChange(Key ?? "", Value ?? "", EffectiveFrom, Reason), HttpContext.Actor(), ct);
            var shown = definition?.Type == SettingType.Image ? (row.Value.Length == 0 ? "(未設定)" : "PNG画像") : row.Value;
            Message = $"「{SettingCatalog.Find(row.Key)!.Label}」を {row.EffectiveFrom:yyyy-MM-dd} から「{shown}」に変更しました。";
            Value = null; Reason = null;
        }
        catch (DomainException e)
        {
            Error = e.Message;
            ErrorField = e.Field;
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Settings = await settings.GetAllAsync(TenantId, null, ct);
        Differences = await settings.DifferencesAsync(TenantId, ct);
    }
}
