using System.Security.Claims;
using Jichitai.Platform.Identity;
using Jichitai.Platform.Persistence;
using Jichitai.Testing;
using Jichitai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jichitai.Web.Tests.Security;

/// <summary>
/// Every endpoint of the app, checked against the role matrix below. An endpoint added without an entry here,
/// or without a policy, fails this test; so does a policy that admits a role the matrix does not.
/// </summary>
public class EndpointRoleMatrixTests
{
    private const string Public = "(public)";
    private static readonly string[] TenantRoles = [.. StaffRoles.TenantRoles];
    private static readonly string[] Registry = [StaffRoles.Counter, StaffRoles.RegistryOfficer]; // before Matrix: static fields initialise in order
    private static readonly string[] Care = [StaffRoles.CareInsurance];
    /// <summary>Routes for consumer systems signed in with an API key: every staff role (and anonymous) must be refused.</summary>
    private static readonly string[] NoStaff = [];

    /// <summary>"METHOD route" → roles allowed. Keep in step with docs/architecture.md.</summary>
    private static readonly Dictionary<string, string[]> Matrix = new()
    {
        ["GET health/live"] = [Public],
        ["GET health/ready"] = [Public],
        ["GET openapi/{documentname}.json"] = [Public],
        ["GET api/docs/*"] = [Public], // the API reference page and its static assets (Scalar)
        ["GET account/login"] = [Public], ["POST account/login"] = [Public],
        ["GET account/totp"] = [Public], ["POST account/totp"] = [Public],
        ["GET account/denied"] = [Public], ["POST account/denied"] = [Public],
        // 真正性確認: anyone holding a printed code (rate-limited; answers carry no personal data).
        ["GET verify"] = [Public], ["POST verify"] = [Public],
        ["GET api/v1/verify/{code}"] = [Public], ["POST api/v1/verify/{code}"] = [Public],
        ["GET account/password"] = [.. StaffRoles.All], ["POST account/password"] = [.. StaffRoles.All],
        ["GET account/logout"] = [.. StaffRoles.All], ["POST account/logout"] = [.. StaffRoles.All],
        ["GET "] = [.. StaffRoles.All], ["GET index"] = [.. StaffRoles.All],
        ["POST "] = [.. StaffRoles.All], ["POST index"] = [.. StaffRoles.All],
        ["GET api/v1/me"] = [.. StaffRoles.All],
        ["GET settings"] = [StaffRoles.TenantAdmin], ["POST settings"] = [StaffRoles.TenantAdmin],
        ["GET settings/index"] = [StaffRoles.TenantAdmin], ["POST settings/index"] = [StaffRoles.TenantAdmin],
        ["GET users"] = [StaffRoles.TenantAdmin], ["POST users"] = [StaffRoles.TenantAdmin],
        ["GET users/index"] = [StaffRoles.TenantAdmin], ["POST users/index"] = [StaffRoles.TenantAdmin],
        ["GET audit"] = [StaffRoles.Auditor], ["GET audit/index"] = [StaffRoles.Auditor],
        ["POST audit"] = [StaffRoles.Auditor], ["POST audit/index"] = [StaffRoles.Auditor],
        ["GET tenants"] = [StaffRoles.Operator], ["POST tenants"] = [StaffRoles.Operator],
        ["GET tenants/index"] = [StaffRoles.Operator], ["POST tenants/index"] = [StaffRoles.Operator],
        ["GET api/v1/tenants/"] = [StaffRoles.Operator], ["POST api/v1/tenants/"] = [StaffRoles.Operator],
        ["GET api/v1/tenants/{code}"] = [StaffRoles.Operator],
        ["GET api/v1/settings/"] = [StaffRoles.TenantAdmin], ["PUT api/v1/settings/{key}"] = [StaffRoles.TenantAdmin],
        ["GET api/v1/settings/differences"] = [StaffRoles.TenantAdmin],
        ["GET api/v1/operator/settings/differences"] = [StaffRoles.Operator],
        ["GET api/v1/users/"] = [StaffRoles.TenantAdmin], ["POST api/v1/users/"] = [StaffRoles.TenantAdmin],
        ["POST api/v1/users/{username}/reset-2fa"] = [StaffRoles.TenantAdmin],
        ["POST api/v1/users/{username}/reset-password"] = [StaffRoles.TenantAdmin],
        ["GET api/v1/audit"] = [StaffRoles.Auditor],
        // 住民記録: counter and registry officers only; 個人番号 rights are checked inside (RegistryPolicies.PersonalNumber).
        ["GET registry"] = Registry, ["POST registry"] = Registry,
        ["GET registry/residents/{number}"] = Registry, ["POST registry/residents/{number}"] = Registry,
        ["GET registry/move-in"] = Registry, ["POST registry/move-in"] = Registry,
        ["GET registry/relocation"] = Registry, ["POST registry/relocation"] = Registry,
        ["GET registry/birth"] = Registry, ["POST registry/birth"] = Registry,
        ["GET registry/move-out"] = Registry, ["POST registry/move-out"] = Registry,
        ["GET registry/removal"] = Registry, ["POST registry/removal"] = Registry,
        ["GET registry/household-change"] = Registry, ["POST registry/household-change"] = Registry,
        ["GET registry/correction"] = Registry, ["POST registry/correction"] = Registry,
        ["GET registry/foreign-resident"] = Registry, ["POST registry/foreign-resident"] = Registry,
        ["GET registry/cancellation"] = Registry, ["POST registry/cancellation"] = Registry,
        ["GET registry/foreign-entry"] = Registry, ["POST registry/foreign-entry"] = Registry,
        ["GET registry/nationality"] = Registry, ["POST registry/nationality"] = Registry,
        ["GET registry/immigration-removal"] = Registry, ["POST registry/immigration-removal"] = Registry,
        ["GET registry/resident-code"] = Registry, ["POST registry/resident-code"] = Registry,
        ["GET registry/address-establishment"] = Registry, ["POST registry/address-establishment"] = Registry,
        ["GET registry/personal-number"] = [StaffRoles.RegistryOfficer], ["POST registry/personal-number"] = [StaffRoles.RegistryOfficer],
        ["GET api/v1/registry/residents"] = Registry, ["POST api/v1/registry/residents/search"] = Registry,
        ["GET api/v1/registry/residents/{addresseenumber}"] = Registry,
        ["POST api/v1/registry/movements/move-in"] = Registry, ["POST api/v1/registry/movements/birth"] = Registry,
        ["POST api/v1/registry/movements/relocation"] = Registry, ["POST api/v1/registry/movements/move-out"] = Registry,
        ["POST api/v1/registry/movements/removal"] = Registry, ["POST api/v1/registry/movements/household-split"] = Registry,
        ["POST api/v1/registry/movements/household-merge"] = Registry, ["POST api/v1/registry/movements/head-change"] = Registry,
        ["POST api/v1/registry/movements/correction"] = Registry, ["POST api/v1/registry/movements/cancellation"] = Registry,
        ["POST api/v1/registry/movements/move-in-notice"] = Registry,
        ["POST api/v1/registry/movements/foreign-arrival"] = Registry, ["POST api/v1/registry/movements/foreign-registration"] = Registry,
        ["POST api/v1/registry/movements/naturalisation"] = Registry, ["POST api/v1/registry/movements/nationality-acquisition"] = Registry,
        ["POST api/v1/registry/movements/nationality-loss"] = Registry, ["POST api/v1/registry/movements/immigration-notice"] = Registry,
        ["POST api/v1/registry/movements/immigration-removal"] = Registry, ["POST api/v1/registry/movements/common-name"] = Registry,
        ["POST api/v1/registry/movements/address-establishment"] = Registry, ["POST api/v1/registry/movements/resident-code"] = Registry,
        ["POST api/v1/registry/movements/personal-number"] = [StaffRoles.RegistryOfficer],
        ["GET registry/reports"] = Registry, ["POST registry/reports"] = Registry,
        ["GET api/v1/registry/reports/late-notifications"] = Registry, ["GET api/v1/registry/reports/unconfirmed-move-outs"] = Registry,
        ["GET api/v1/registry/restrictions"] = Registry,
        ["POST api/v1/registry/restrictions/"] = [StaffRoles.RegistryOfficer],
        ["POST api/v1/registry/restrictions/{id:long}/extend"] = [StaffRoles.RegistryOfficer],
        ["POST api/v1/registry/restrictions/{id:long}/end"] = [StaffRoles.RegistryOfficer],
        ["POST api/v1/registry/restrictions/{id:long}/release"] = [StaffRoles.RegistryOfficer],
        ["GET registry/households/{number}"] = Registry, ["POST registry/households/{number}"] = Registry,
        ["GET api/v1/registry/residents/{addresseenumber}/memos"] = Registry, ["POST api/v1/registry/residents/{addresseenumber}/memos/"] = Registry,
        ["PUT api/v1/registry/residents/{addresseenumber}/memos/{memoid:long}"] = Registry, ["DELETE api/v1/registry/residents/{addresseenumber}/memos/{memoid:long}"] = Registry,
        ["GET registry/pending"] = Registry, ["POST registry/pending"] = Registry, // deciding is re-checked against RegistryApprove inside
        ["GET api/v1/registry/pending"] = Registry,
        ["POST api/v1/registry/pending/{id:long}/approve"] = [StaffRoles.RegistryOfficer],
        ["POST api/v1/registry/pending/{id:long}/reject"] = [StaffRoles.RegistryOfficer],
        // 住所辞書・方書 (standard 1.3.3, 1.3.4): the counter looks entries up; registry officers maintain them.
        ["GET api/v1/registry/addresses/"] = Registry, ["GET api/v1/registry/addresses/{id:long}"] = Registry,
        ["POST api/v1/registry/addresses/"] = [StaffRoles.RegistryOfficer], ["PUT api/v1/registry/addresses/{id:long}"] = [StaffRoles.RegistryOfficer],
        ["POST api/v1/registry/addresses/{id:long}/abolish"] = [StaffRoles.RegistryOfficer],
        ["POST api/v1/registry/addresses/{id:long}/buildings"] = [StaffRoles.RegistryOfficer],
        ["PUT api/v1/registry/addresses/{id:long}/buildings/{buildingid:long}"] = [StaffRoles.RegistryOfficer],
        ["POST api/v1/registry/addresses/{id:long}/buildings/{buildingid:long}/abolish"] = [StaffRoles.RegistryOfficer],
        ["GET registry/addresses"] = [StaffRoles.RegistryOfficer], ["POST registry/addresses"] = [StaffRoles.RegistryOfficer],
        // Record-level functions (standard 1.1.3, 1.1.4, 1.1.14, 1.3.1, 2.2.3, 4.1.4.3); 改製・特別な事由・入力場所 are officers' work.
        ["GET registry/residents/{number}/sheet"] = Registry, ["POST registry/residents/{number}/sheet"] = Registry, // 改製・特別な事由 re-checked inside
        ["GET registry/households/{number}/sheet"] = Registry, ["POST registry/households/{number}/sheet"] = Registry,
        ["GET registry/characters"] = Registry, ["POST registry/characters"] = Registry,
        ["GET registry/input-places"] = [StaffRoles.RegistryOfficer], ["POST registry/input-places"] = [StaffRoles.RegistryOfficer],
        // 移行 (standard 10.6, 10.8): the tenant's IT staff only.
        ["GET registry/migration"] = [StaffRoles.TenantAdmin], ["POST registry/migration"] = [StaffRoles.TenantAdmin],
        ["GET api/v1/registry/residents/{addresseenumber}/sheet"] = Registry, ["GET api/v1/registry/households/{householdnumber}/sheet"] = Registry,
        ["POST api/v1/registry/residents/{addresseenumber}/record-entries"] = Registry,
        ["DELETE api/v1/registry/residents/{addresseenumber}/record-entries/{entryid:long}"] = Registry,
        ["GET api/v1/registry/households/{householdnumber}/de-facto-heads"] = Registry,
        ["POST api/v1/registry/households/{householdnumber}/de-facto-heads"] = Registry,
        ["POST api/v1/registry/households/{householdnumber}/de-facto-heads/end"] = Registry,
        ["POST api/v1/registry/movements/renewal"] = [StaffRoles.RegistryOfficer],
        ["POST api/v1/registry/movements/{movementid:long}/special-reason"] = [StaffRoles.RegistryOfficer],
        ["GET api/v1/registry/characters"] = Registry, ["GET api/v1/registry/residents/{addresseenumber}/characters"] = Registry,
        ["GET api/v1/registry/input-places"] = Registry,
        ["POST api/v1/registry/input-places/locations"] = [StaffRoles.RegistryOfficer],
        ["POST api/v1/registry/input-places/terminals"] = [StaffRoles.RegistryOfficer],
        ["POST api/v1/registry/input-places/terminals/{id:long}/deactivate"] = [StaffRoles.RegistryOfficer],
        // 証明書の交付・再交付・処分と交付履歴 (標準第5章, 2.2.2): counter and registry officers; a 公用 exception is re-checked inside.
        ["GET registry/certificates"] = Registry, ["POST registry/certificates"] = Registry,
        ["GET registry/certificates/history"] = Registry, ["POST registry/certificates/history"] = Registry,
        ["POST api/v1/registry/certificates/check"] = Registry, ["POST api/v1/registry/certificates/preview"] = Registry,
        ["POST api/v1/registry/certificates/"] = Registry, ["GET api/v1/registry/certificates/"] = Registry,
        ["POST api/v1/registry/certificates/{issueid:long}/reissue"] = Registry,
        ["POST api/v1/registry/certificates/{issueid:long}/dispose"] = Registry,
        // 支援措置の加害者 (標準3.4): registry officers only.
        ["GET registry/support-measures"] = [StaffRoles.RegistryOfficer], ["POST registry/support-measures"] = [StaffRoles.RegistryOfficer],
        ["GET api/v1/registry/restrictions/{restrictionid:long}/offenders/"] = [StaffRoles.RegistryOfficer],
        ["POST api/v1/registry/restrictions/{restrictionid:long}/offenders/"] = [StaffRoles.RegistryOfficer],
        // 連携 (標準7.2): the tenant's IT staff manage consumers; the feeds are for consumer systems (LinkagePolicies.Consumer).
        ["GET linkage"] = [StaffRoles.TenantAdmin], ["POST linkage"] = [StaffRoles.TenantAdmin],
        ["GET linkage/consumer/{id:long}"] = [StaffRoles.TenantAdmin], ["POST linkage/consumer/{id:long}"] = [StaffRoles.TenantAdmin],
        // 介護保険: the 介護担当 only (CarePolicies.Work).
        ["GET care"] = Care, ["POST care"] = Care,
        ["GET care/person/{addressee}"] = Care, ["POST care/person/{addressee}"] = Care,
        ["GET care/ordinance"] = Care, ["POST care/ordinance"] = Care,
        ["GET care/runs"] = Care, ["POST care/runs"] = Care,
        ["GET care/runs/{id:long}"] = Care, ["POST care/runs/{id:long}"] = Care,
        ["GET care/reductions"] = Care, ["POST care/reductions"] = Care,
        ["GET api/v1/linkage/events"] = NoStaff, ["GET api/v1/linkage/snapshot"] = NoStaff,
        // 介護保険 (CarePolicies.Work): the 介護担当 only.
        ["GET care/imports"] = [StaffRoles.CareInsurance], ["POST care/imports"] = [StaffRoles.CareInsurance],
    };

    private static IEnumerable<(string Key, Endpoint Endpoint)> AllEndpoints(WebAppFixture app)
    {
        foreach (var e in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods
                ?? (e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null ? ["GET", "POST"] : ["GET"]);
            foreach (var m in methods)
                yield return ($"{m} {e.RoutePattern.RawText?.TrimStart('/').ToLowerInvariant()}", e);
        }
    }

    private static ClaimsPrincipal StaffWith(string role)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, "x"), new(ClaimTypes.Role, role) };
        if (role != StaffRoles.Operator) claims.Add(new Claim(StaffClaimTypes.TenantId, "1"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    [Fact]
    public async Task EveryEndpoint_IsInTheMatrix_AndAdmitsExactlyItsRoles()
    {
        await using var app = await WebAppFixture.CreateAsync(DatabaseProvider.Sqlite);
        var auth = app.Services.GetRequiredService<IAuthorizationService>();
        var policies = app.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var problems = new List<string>();
        var seen = new HashSet<string>();
        foreach (var (key, endpoint) in AllEndpoints(app))
        {
            seen.Add(key);
            var matrixKey = Matrix.ContainsKey(key) ? key : Matrix.Keys.FirstOrDefault(k => k.EndsWith('*') && key.StartsWith(k[..^1], StringComparison.Ordinal));
            if (matrixKey is null) { problems.Add($"{key}: not in the role matrix"); continue; }
            seen.Add(matrixKey);
            var expected = Matrix[matrixKey];
            var isPublic = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            if (expected.SequenceEqual([Public])) { if (!isPublic) problems.Add($"{key}: expected public"); continue; }
            if (isPublic) { problems.Add($"{key}: is public but the matrix restricts it"); continue; }
            var data = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            if (data.Count == 0 || data.Any(d => string.IsNullOrEmpty(d.Policy))) { problems.Add($"{key}: no named policy"); continue; }
            var policy = await AuthorizationPolicy.CombineAsync(policies, data);
            foreach (var role in StaffRoles.All)
            {
                var allowed = (await auth.AuthorizeAsync(StaffWith(role), null, policy!)).Succeeded;
                if (allowed != expected.Contains(role)) problems.Add($"{key}: role {role} {(allowed ? "admitted" : "refused")}, matrix says {(allowed ? "refuse" : "admit")}");
            }
            if ((await auth.AuthorizeAsync(new ClaimsPrincipal(new ClaimsIdentity()), null, policy!)).Succeeded)
                problems.Add($"{key}: admits anonymous callers");
        }
        problems.AddRange(Matrix.Keys.Except(seen).Select(k => $"{k}: in the matrix but no such endpoint"));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task LinkageFeeds_AdmitAConsumerSystem_ButNoStaffMember()
    {
        // The matrix proves every staff role is refused; this proves the routes are not simply closed to everyone.
        await using var app = await WebAppFixture.CreateAsync(DatabaseProvider.Sqlite);
        var auth = app.Services.GetRequiredService<IAuthorizationService>();
        var policies = app.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var consumer = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(Jichitai.Linkage.Api.ConsumerAuthenticationHandler.ConsumerIdClaim, "1"), new Claim(StaffClaimTypes.TenantId, "1")],
            Jichitai.Linkage.Api.ConsumerAuthenticationHandler.SchemeName));
        foreach (var route in new[] { "GET api/v1/linkage/events", "GET api/v1/linkage/snapshot" })
        {
            var endpoint = AllEndpoints(app).Single(e => e.Key == route).Endpoint;
            var policy = await AuthorizationPolicy.CombineAsync(policies, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>());
            Assert.True((await auth.AuthorizeAsync(consumer, null, policy!)).Succeeded, route);
            Assert.False((await auth.AuthorizeAsync(StaffWith(StaffRoles.TenantAdmin), null, policy!)).Succeeded, route);
        }
    }

    [Fact]
    public async Task EndpointWithoutPolicy_MeetsTheFallback_WhichRefusesEveryRole()
    {
        await using var app = await WebAppFixture.CreateAsync(DatabaseProvider.Sqlite);
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthorizationOptions>>().Value;
        var auth = app.Services.GetRequiredService<IAuthorizationService>();
        Assert.NotNull(options.FallbackPolicy);
        foreach (var role in StaffRoles.All)
        {
            Assert.False((await auth.AuthorizeAsync(StaffWith(role), null, options.FallbackPolicy!)).Succeeded);
            Assert.False((await auth.AuthorizeAsync(StaffWith(role), null, options.DefaultPolicy)).Succeeded);
        }
    }
}
