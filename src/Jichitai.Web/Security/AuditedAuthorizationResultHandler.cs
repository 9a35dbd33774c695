using Jichitai.Platform.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Jichitai.Web.Security;

/// <summary>Logs every refused request to the access log and answers API callers with Japanese problem details.</summary>
public sealed class AuditedAuthorizationResultHandler(IAuditLog audit) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext http, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Forbidden)
        {
            await audit.AppendAsync(http.User.TenantId(), http.Actor(), new AuditRecord(AuditActions.AccessDenied, AuditOutcome.Denied,
                TargetType: "endpoint", TargetId: $"{http.Request.Method} {http.Request.Path}"), http.RequestAborted);
            if (IsApi(http))
            {
                await Results.Problem(statusCode: 403, title: "権限がありません", detail: "この操作を行う権限がありません。").ExecuteAsync(http);
                return;
            }
        }
        else if (result.Challenged && policy.AuthenticationSchemes.Contains(Jichitai.Linkage.Api.ConsumerAuthenticationHandler.SchemeName))
        {
            // A consumer system without a valid key: refused in the access log of the operator (the key names no tenant).
            await audit.AppendAsync(null, http.Actor(), new AuditRecord(AuditActions.AccessDenied, AuditOutcome.Denied,
                TargetType: "endpoint", TargetId: $"{http.Request.Method} {http.Request.Path}", Detail: "連携先APIキーなし・不正"), http.RequestAborted);
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await Results.Problem(statusCode: 401, title: "認証できません", detail: "連携先のAPIキー(Authorization: Bearer jck_…)が正しくないか、停止されています。").ExecuteAsync(http);
            return;
        }
        else if (result.Challenged && IsApi(http))
        {
            await Results.Problem(statusCode: 401, title: "サインインが必要です", detail: "サインインしてから操作してください。").ExecuteAsync(http);
            return;
        }
        await _default.HandleAsync(next, http, policy, result);
    }

    internal static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api");
}
