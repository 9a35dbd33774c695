using Jichitai.Web.Security;

namespace Jichitai.Web.Api;

public sealed record MeResponse(string UserName, string DisplayName, string? TenantCode, string? TenantName, IReadOnlyList<string> Roles);

public static class MeEndpoints
{
    public static void MapMeEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/me", (HttpContext http) => new MeResponse(
            http.User.Identity!.Name!, http.User.DisplayName(),
            http.User.FindFirst(StaffClaimTypes.TenantCode)?.Value, http.User.FindFirst(StaffClaimTypes.TenantName)?.Value,
            http.User.RoleLabels().ToList()))
            .RequireAuthorization(Policies.AnyStaff).WithTags("Me").WithSummary("サインイン中の職員 / the signed-in staff member");
    }
}
