using System.Security.Claims;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Identity;
using Jichitai.Platform.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jichitai.Web.Security;

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
