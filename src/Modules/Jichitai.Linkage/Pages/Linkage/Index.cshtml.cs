using Jichitai.Linkage.Consumers;
using Jichitai.Linkage.Persistence;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Linkage.Pages.Linkage;

/// <summary>
/// 連携先の一覧と登録 for the tenant's IT staff (情報担当). A registration answers with the API key and webhook secret
/// once, in that response only (not redirected: nothing secret goes into a cookie or a URL).
/// </summary>
[Authorize(Policy = LinkagePolicies.Manage)]
public sealed class IndexModel(ConsumerService consumers, LinkageCatalog catalog) : PageModel
{
    public const string RegisterForm = "register";

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public ConsumerKind Kind { get; set; } = ConsumerKind.Pull;
    [BindProperty] public List<string> Items { get; set; } = [];
    [BindProperty] public bool PersonalNumberUse { get; set; }
    [BindProperty] public bool NeedsSupportMeasures { get; set; }
    [BindProperty] public string? WebhookUrl { get; set; }
    [BindProperty] public string FileEncoding { get; set; } = "utf-8";
    [BindProperty] public int MaxAttempts { get; set; } = 16;
    [BindProperty] public int DeliveryIntervalMinutes { get; set; }

    public IReadOnlyList<ConsumerStatus> Consumers { get; private set; } = [];
    public ConsumerCreated? Created { get; private set; }
    public FormError? Error { get; private set; }
    public LinkageCatalog Catalog => catalog;

    private int TenantId => User.TenantId()!.Value;

    public async Task OnGetAsync(CancellationToken ct) => Consumers = await consumers.ListAsync(TenantId, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            if (ModelState[nameof(MaxAttempts)]?.ValidationState == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
                throw new DomainException("linkage.consumer.max-attempts", "再送回数の上限は1から100の間の数字で入力してください。", "maxAttempts");
            if (ModelState[nameof(Kind)]?.ValidationState == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
                throw new DomainException("linkage.consumer.kind", "連携方式を選んでください。", "kind");
            var request = new ConsumerRequest(Name ?? "", Kind, Items, PersonalNumberUse, NeedsSupportMeasures,
                Kind == ConsumerKind.Webhook ? WebhookUrl : null, Kind == ConsumerKind.File ? FileEncoding : null, MaxAttempts,
                DeliveryIntervalMinutes: DeliveryIntervalMinutes);
            Created = await consumers.CreateAsync(TenantId, request, HttpContext.Actor(), ct);
            Response.Headers.CacheControl = "no-store"; // the page holds the only copy of the key and secret
            Name = WebhookUrl = null;
            Items = [];
            PersonalNumberUse = NeedsSupportMeasures = false;
        }
        catch (DomainException e)
        {
            Error = FormError.Of(RegisterForm, e);
        }
        Consumers = await consumers.ListAsync(TenantId, ct);
        return Page();
    }
}
