using Jichitai.Platform.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Jichitai.Web.Security;

/// <summary>
/// Every endpoint names exactly one of these policies (or is on the short public list). An endpoint with no
/// policy meets the fallback policy, which denies: authorisation fails closed.
/// </summary>
public static class Policies
{
    public const string AnyStaff = nameof(AnyStaff);       // any signed-in staff member, operator included
    public const string TenantStaff = nameof(TenantStaff); // staff of a tenant, any business role
    public const string TenantAdmin = nameof(TenantAdmin); // 情報担当: settings and accounts of the own tenant
    public const string AuditRead = nameof(AuditRead);     // 監査: read-only access log search
    public const string Operator = nameof(Operator);       // 運用者: tenants, health and usage; no personal data

    /// <summary>Which roles each policy admits. The endpoint × role matrix test reads this.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Roles = new Dictionary<string, IReadOnlyList<string>>
    {
        [AnyStaff] = StaffRoles.All,
        [TenantStaff] = StaffRoles.TenantRoles,
        [TenantAdmin] = [StaffRoles.TenantAdmin],
        [AuditRead] = [StaffRoles.Auditor],
        [Operator] = [StaffRoles.Operator],
    }.Concat(Jichitai.Registry.RegistryPolicies.Roles).Concat(Jichitai.Linkage.LinkagePolicies.Roles).Concat(Jichitai.Care.CarePolicies.Roles).ToDictionary(); // business modules declare their own policies

    public static void Configure(AuthorizationOptions o)
    {
        foreach (var (name, roles) in Roles)
            o.AddPolicy(name, p =>
            {
                p.RequireAuthenticatedUser().RequireRole(roles);
                if (name is not (AnyStaff or Operator)) p.RequireClaim(StaffClaimTypes.TenantId);
            });
        Jichitai.Linkage.LinkageModule.AddLinkagePolicies(o); // consumer systems: API key, no staff role
        o.FallbackPolicy = new AuthorizationPolicyBuilder().AddRequirements(new DenyUnlessDeclaredRequirement()).Build();
        o.DefaultPolicy = o.FallbackPolicy; // a bare [Authorize] with no policy name also fails closed
    }
}

/// <summary>Never satisfied: the fallback for endpoints that forgot to declare a policy.</summary>
public sealed class DenyUnlessDeclaredRequirement : IAuthorizationRequirement, IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context) => Task.CompletedTask;
}
