using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Jichitai.Registry.Features.Restrictions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>
/// 支援対象者照会 (標準2.2.4) and the 加害者 of each 支援措置 (標準3.4; 事務処理要領 第5-10): a 交付請求 by a registered 加害者
/// is refused at the counter. Registry officers only.
/// </summary>
[Authorize(Policy = RegistryPolicies.Restrictions)]
public sealed class SupportMeasuresModel(RestrictionService restrictions, OffenderService offenders) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? Id { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Kana { get; set; }
    [BindProperty] public string? BirthDate { get; set; }
    [BindProperty] public string? Address { get; set; }

    public FormErrors Errors { get; } = new();
    public IReadOnlyList<RestrictionView> Measures { get; private set; } = [];
    public IReadOnlyList<OffenderView>? Offenders { get; private set; }
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var birth = string.IsNullOrWhiteSpace(BirthDate) ? null : Errors.Date(BirthDate, "birthDate", "生年月日", required: false);
        if (Id is null) Errors.Add("restrictionId", "支援措置を選んでください。");
        if (!Errors.Any)
        {
            try
            {
                var added = await offenders.AddAsync(Id!.Value, new OffenderRequest(Name, Kana, birth, Address), HttpContext.Actor(), ct);
                Message = $"加害者 {added.Name} を登録しました。";
                Name = Kana = BirthDate = Address = null;
            }
            catch (DomainException e) { Errors.Add(e); }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        try
        {
            Measures = await restrictions.ListAsync(null, activeOnly: true, HttpContext.Actor(), ct);
            if (Id is { } id) Offenders = await offenders.ListAsync(id, HttpContext.Actor(), ct);
        }
        catch (DomainException e) { Errors.Add(e); }
    }
}
