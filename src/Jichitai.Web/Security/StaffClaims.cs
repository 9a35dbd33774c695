using System.Security.Claims;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Identity;
using Jichitai.Platform.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jichitai.Web.Security;

public static class StaffClaimTypes
{
    public const string TenantId = "jichitai:tenant_id";
    public const string TenantCode = "jichitai:tenant_code";
    public const string TenantName = "jichitai:tenant_name";
    public const string DisplayName = "jichitai:display_name";
}

/// <summary>Puts the staff member's tenant and display name into the sign-in cookie.</summary>
public sealed class StaffClaimsFactory(UserManager<StaffUser> users, RoleManager<StaffRoleEntity> roles, IOptions<IdentityOptions> options, PlatformDbContext db)
    : UserClaimsPrincipalFactory<StaffUser, StaffRoleEntity>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffClaimTypes.DisplayName, user.DisplayName));
        if (user.TenantId is int tenantId)
        {
            var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId);
            identity.AddClaim(new Claim(StaffClaimTypes.TenantId, tenantId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            identity.AddClaim(new Claim(StaffClaimTypes.TenantCode, tenant.Code));
            identity.AddClaim(new Claim(StaffClaimTypes.TenantName, tenant.Name));
        }
        return identity;
    }
}

public static class ClaimsPrincipalExtensions
{
    public static int? TenantId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(StaffClaimTypes.TenantId), out var id) ? id : null;

    public static Guid? StaffId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue(StaffClaimTypes.DisplayName) ?? user.Identity?.Name ?? "";

    public static IEnumerable<string> RoleLabels(this ClaimsPrincipal user) =>
        StaffRoles.All.Where(user.IsInRole).Select(StaffRoles.Label);
}

public static class HttpContextAuditExtensions
{
    /// <summary>The signed-in staff member (or an anonymous caller) and the client address, for the access log.</summary>
    public static AuditActor Actor(this HttpContext http) => http.User.Identity?.IsAuthenticated == true
        ? new AuditActor(http.User.StaffId(), http.User.Identity!.Name ?? "", http.Connection.RemoteIpAddress?.ToString())
        : AuditActor.Anonymous(http.Connection.RemoteIpAddress?.ToString());
}
