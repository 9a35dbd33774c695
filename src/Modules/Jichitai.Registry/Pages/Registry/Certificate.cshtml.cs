using Jichitai.Platform.Errors;
using Jichitai.Platform.Identity;
using Jichitai.Registry.Features.Certificates;
using Jichitai.Registry.Features.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jichitai.Registry.Pages.Registry;

/// <summary>
/// 証明書の交付請求 at the counter (標準第5章, 3.1, 3.4): 請求の入力 → 「確認」 (支援措置・抑止, 手数料, 記載できる項目) →
/// 「見本を表示」 → 「交付(印刷)」 — the PDF is handed to the browser for printing and never stored by the product.
/// </summary>
[Authorize(Policy = RegistryPolicies.Certificates)]
public sealed class CertificateModel(CertificateService service, ResidentQueries queries) : PageModel
{
    /// <summary>Common 本人確認書類 (住基法12条3項; 施行規則); free text is accepted too.</summary>
    public static readonly IReadOnlyList<string> IdentityDocuments =
        ["マイナンバーカード", "運転免許証", "旅券", "在留カード", "特別永住者証明書", "健康保険証等(2点)", "職員証", "委任状と代理人の本人確認書類", "弁護士等の身分証明書"];

    public static readonly IReadOnlyList<string> Relations = ["本人", "同一世帯員", "代理人", "その他"];
    public static readonly IReadOnlyList<string> RequesterTypes = ["本人等", "公用", "第三者"];
    public static IReadOnlyList<string> Kinds { get; } = Enum.GetValues<CertificateKind>().Select(CertificateNames.Kind).ToList();

    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Layout { get; set; }
    /// <summary>宛名番号 typed (several separated by spaces or 、).</summary>
    [BindProperty] public string? Numbers { get; set; }
    [BindProperty] public string? HouseholdNumber { get; set; }
    /// <summary>世帯員 ticked after 「世帯員を表示」 (一部); none ticked with a 世帯番号 is the whole household (全部).</summary>
    [BindProperty] public List<string> Members { get; set; } = [];
    [BindProperty] public List<string> Items { get; set; } = [];
    [BindProperty] public string? RequesterType { get; set; }
    [BindProperty] public string? RequesterName { get; set; }
    [BindProperty] public string? RequesterBirthDate { get; set; }
    [BindProperty] public string? RequesterAddress { get; set; }
    [BindProperty] public string? RequesterRelation { get; set; }
    [BindProperty] public string? IdentityDocument { get; set; }
    [BindProperty] public string? Purpose { get; set; }
    [BindProperty] public string? Agency { get; set; }
    [BindProperty] public string? ItemsReason { get; set; }
    /// <summary>記載事項証明書の証明事項, one per line.</summary>
    [BindProperty] public string? CertifiedItems { get; set; }
    [BindProperty] public bool AcknowledgeAlerts { get; set; }
    [BindProperty] public string? ExceptionReason { get; set; }
    /// <summary>Idempotency key of the 交付 button: a resent form (reload, double submit) returns the same certificate.</summary>
    [BindProperty] public string? IssueKey { get; set; }

    public FormErrors Errors { get; } = new();
    public IReadOnlyList<ResidentSummary> HouseholdMembers { get; private set; } = [];
    public CertificateCheck? Check { get; private set; }
    public IReadOnlyList<string> PreviewPages { get; private set; } = [];
    public IReadOnlyList<string> PreviewProblems { get; private set; } = [];
    public IssuedCertificate? Issued { get; private set; }

    public bool IsOfficer => RegistryPolicies.Roles[RegistryPolicies.Restrictions].Any(User.IsInRole);
    public CertificateKind? ParsedKind => CertificateNames.ParseKind(Kind);
    public RequesterType? ParsedRequester => RequesterRules.ParseRequester(RequesterType);
    /// <summary>世帯連記式 is offered only for the kinds that have it (標準5.1, 20.1.2); unknown kind: offered, the server decides.</summary>
    public bool OffersHouseholdLayout => ParsedKind is not { } k || RequesterRules.AllowsHouseholdLayout(k);
    /// <summary>住民票コード・個人番号 are shown only once 本人等 is chosen (住基法12条5項); the service checks again.</summary>
    public bool ShowsSelfOnlyItems => ParsedRequester == Features.Certificates.RequesterType.Self;
    public bool IsItemCertificate => ParsedKind is CertificateKind.ResidentItemCertificate or CertificateKind.RemovedItemCertificate;

    /// <summary>Opens the form, prefilled from the resident page, the 転出 receipt or the 住民票コード receipt.</summary>
    public async Task OnGetAsync(string? kind, string? layout, [FromQuery(Name = "number")] List<string>? numbers, string? household, CancellationToken ct)
    {
        Kind = CertificateNames.ParseKind(kind) is { } k ? CertificateNames.Kind(k) : CertificateNames.Kind(CertificateKind.ResidentRecordCopy);
        Layout = CertificateNames.ParseLayout(layout) is { } l ? CertificateNames.Layout(l) : "個人票";
        Numbers = numbers is { Count: > 0 } ? string.Join(" ", numbers) : null;
        HouseholdNumber = household;
        RequesterType = "本人等";
        RequesterRelation = "本人";
        await LoadMembersAsync(ct);
    }

    /// <summary>請求者の種別・証明書の種類を反映 / 世帯員を表示: redraws the form without checking anything.</summary>
    public async Task<IActionResult> OnPostRefreshAsync(CancellationToken ct) { await LoadMembersAsync(ct); return Page(); }

    /// <summary>確認: the request is checked (支援措置・抑止 first) and nothing is printed.</summary>
    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        await RunAsync(async request => Check = await service.CheckAsync(request, Context(), ct), checkOnRefusal: false, ct);
        IssueKey = Guid.NewGuid().ToString("N");
        await LoadMembersAsync(ct);
        return Page();
    }

    /// <summary>見本を表示: PNG pages marked 見本, no number and no code; refused requests throw as at issue.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        await RunAsync(async request =>
        {
            var preview = await service.PreviewAsync(request, Context(), ct);
            Check = preview.Check;
            PreviewPages = preview.Pages.Select(p => "data:image/png;base64," + Convert.ToBase64String(p)).ToList();
            PreviewProblems = [.. preview.Problems, .. preview.Fallbacks.Select(f => "外字・代替字形: " + f)];
        }, checkOnRefusal: true, ct);
        IssueKey = Guid.NewGuid().ToString("N");
        await LoadMembersAsync(ct);
        return Page();
    }

    /// <summary>交付(印刷): issues, records the 交付履歴 and returns the PDF in the page (not kept by the product).</summary>
    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        var key = string.IsNullOrWhiteSpace(IssueKey) ? null : "counter:" + IssueKey.Trim();
        await RunAsync(async request => Issued = await service.IssueAsync(request, Context(), ct, key), checkOnRefusal: true, ct);
        await LoadMembersAsync(ct);
        return Page();
    }

    private IssueContext Context() => Features.Certificates.CertificateEndpoints.Context(HttpContext);

    /// <summary>Builds the request and runs <paramref name="action"/>; a refusal goes next to its field, and the check is shown again.</summary>
    private async Task RunAsync(Func<CertificateRequest, Task> action, bool checkOnRefusal, CancellationToken ct)
    {
        var request = ToRequest();
        if (Errors.Any) return;
        try { await action(request); }
        catch (DomainException e)
        {
            Errors.Add(e);
            if (checkOnRefusal && e.Status is 403 or 428)
                try { Check = await service.CheckAsync(request, Context(), ct); } catch (DomainException) { }
        }
    }

    public CertificateRequest ToRequest()
    {
        var birth = string.IsNullOrWhiteSpace(RequesterBirthDate) ? null : Errors.Date(RequesterBirthDate, "requesterBirthDate", "請求者の生年月日", required: false);
        var typed = (Numbers ?? "").Split([' ', '　', ',', '、', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // 住民票コード・個人番号 boxes are not rendered unless 本人等 is chosen; whatever is posted, the service checks the requester again.
        return new CertificateRequest
        {
            Kind = Kind, Layout = OffersHouseholdLayout ? Layout : "個人票",
            AddresseeNumbers = typed.Concat(Members.Where(m => !string.IsNullOrWhiteSpace(m))).Distinct().ToList(),
            HouseholdNumber = string.IsNullOrWhiteSpace(HouseholdNumber) ? null : HouseholdNumber.Trim(),
            Items = Items.Where(i => !string.IsNullOrWhiteSpace(i)).ToList(), // an empty value binds as null
            RequesterType = RequesterType, RequesterName = RequesterName, RequesterBirthDate = birth, RequesterAddress = RequesterAddress,
            RequesterRelation = RequesterRelation, IdentityDocument = IdentityDocument, Purpose = Purpose, Agency = Agency, ItemsReason = ItemsReason,
            CertifiedItems = (CertifiedItems ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            AcknowledgeAlerts = AcknowledgeAlerts, ExceptionReason = IsOfficer ? ExceptionReason : null,
        };
    }

    private async Task LoadMembersAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(HouseholdNumber)) return;
        try { HouseholdMembers = await queries.SearchAsync(new ResidentSearchRequest { HouseholdNumber = HouseholdNumber.Trim() }, HttpContext.Actor(), false, ct); }
        catch (DomainException e) { if (Errors.For("householdNumber") is null) Errors.Add("householdNumber", e.Message); }
    }
}
