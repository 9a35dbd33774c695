using Jichitai.Platform.Identity;
using Jichitai.Platform.Tenancy;

namespace Jichitai.Web.Security;

/// <summary>The one place a request's tenant is decided: from the signed-in staff member, never from the URL or body.</summary>
public sealed class TenantScopeMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http, ITenantScopeAccessor accessor)
    {
        accessor.Scope = Resolve(http);
        return next(http);
    }

    internal static TenantScope Resolve(HttpContext http)
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated != true) return TenantScope.None;
        if (user.TenantId() is int tenantId) return TenantScope.ForTenant(tenantId);
        return user.IsInRole(StaffRoles.Operator) ? TenantScope.Operator : TenantScope.None;
    }
}
