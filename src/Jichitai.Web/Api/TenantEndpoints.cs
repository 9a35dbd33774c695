using Jichitai.Platform.Tenancy;
using Jichitai.Web.Security;

namespace Jichitai.Web.Api;

public sealed record TenantResponse(string Code, string Name, string NameKana, string Prefecture, string Class, string Status, DateTime CreatedAt)
{
    public static TenantResponse From(Tenant t) => new(t.Code, t.Name, t.NameKana, t.Prefecture, TenantLabels.Of(t.Class), TenantLabels.Of(t.Status), t.CreatedAt);
}

public sealed record CreateTenantRequest(string? Code, string? Name, string? NameKana, string? Prefecture, string? Class);

/// <summary>Operator only: the municipalities served. No personal data here.</summary>
public static class TenantEndpoints
{
    public static void MapTenantEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/tenants").RequireAuthorization(Policies.Operator).WithTags("Tenants");
        g.MapGet("/", async (TenantService tenants, CancellationToken ct) =>
            (await tenants.ListAsync(ct)).Select(TenantResponse.From)).WithSummary("団体の一覧 / list tenants");
        g.MapGet("/{code}", async (string code, TenantService tenants, CancellationToken ct) =>
            TenantResponse.From(await tenants.GetByCodeAsync(code, ct))).WithSummary("団体の詳細 / one tenant");
        g.MapPost("/", async (CreateTenantRequest body, TenantService tenants, HttpContext http, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(body.Code)) throw ApiErrors.Required("code", "地方公共団体コード");
            if (string.IsNullOrWhiteSpace(body.Name)) throw ApiErrors.Required("name", "団体名");
            var t = await tenants.CreateAsync(new TenantDraft(body.Code, body.Name, body.NameKana, body.Prefecture, body.Class), http.Actor(), ct);
            return Results.Created($"/api/v1/tenants/{t.Code}", TenantResponse.From(t));
        }).WithSummary("団体の登録 / register a tenant");
    }
}
