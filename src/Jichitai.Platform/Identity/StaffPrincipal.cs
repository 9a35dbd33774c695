using System.Security.Claims;
using Jichitai.Platform.Audit;
using Microsoft.AspNetCore.Http;

namespace Jichitai.Platform.Identity;

public static class StaffClaimTypes
{
    public const string TenantId = "jichitai:tenant_id";
    public const string TenantCode = "jichitai:tenant_code";
    public const string TenantName = "jichitai:tenant_name";
    public const string DisplayName = "jichitai:display_name";
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
