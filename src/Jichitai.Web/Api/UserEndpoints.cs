using Jichitai.Platform.Identity;
using Jichitai.Web.Security;

namespace Jichitai.Web.Api;

public sealed record CreateUserRequest(string? UserName, string? DisplayName, string? Password, IReadOnlyList<string>? Roles);

public sealed record ResetTwoFactorRequest(string? Reason);

public sealed record ResetPasswordRequest(string? Password, string? Reason);

/// <summary>情報担当 manages the accounts of the own tenant only.</summary>
public static class UserEndpoints
{
    public static void MapUserEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/users").RequireAuthorization(Policies.TenantAdmin).WithTags("Users");
        g.MapGet("/", async (StaffUserService staff, HttpContext http, CancellationToken ct) =>
            await staff.ListAsync(http.User.TenantId(), ct)).WithSummary("職員アカウントの一覧 / staff accounts");
        g.MapPost("/", async (CreateUserRequest body, StaffUserService staff, HttpContext http, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(body.UserName)) throw ApiErrors.Required("userName", "ユーザーID");
            if (string.IsNullOrWhiteSpace(body.Password)) throw ApiErrors.Required("password", "初期パスワード");
            var user = await staff.CreateAsync(new StaffUserDraft(http.User.TenantId(), body.UserName, body.DisplayName ?? "", body.Password, body.Roles ?? []), http.Actor(), ct);
            return Results.Created($"/api/v1/users/{user.UserName}", new { user.UserName, user.DisplayName });
        }).WithSummary("職員アカウントの作成 / create an account");
        g.MapPost("/{userName}/reset-2fa", async (string userName, ResetTwoFactorRequest? body, StaffUserService staff, HttpContext http, CancellationToken ct) =>
        {
            var user = await staff.FindAsync(userName, http.User.TenantId(), ct: ct);
            await staff.ResetTwoFactorAsync(user, http.Actor(), body?.Reason, ct);
            return Results.NoContent();
        }).WithSummary("二要素認証のリセット / reset two-factor sign-in");
        g.MapPost("/{userName}/reset-password", async (string userName, ResetPasswordRequest body, StaffUserService staff, HttpContext http, CancellationToken ct) =>
        {
            var user = await staff.FindAsync(userName, http.User.TenantId(), ct: ct);
            await staff.ResetPasswordAsync(user, body.Password ?? "", http.Actor(), body.Reason, ct);
            return Results.NoContent();
        }).WithSummary("パスワードの初期化(ロック解除を含む) / reset the password and lift a lockout");
    }
}
