using System.Security.Claims;
using System.Text.Encodings.Web;
using Jichitai.Linkage.Consumers;
using Jichitai.Linkage.Persistence;
using Jichitai.Platform.Identity;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jichitai.Linkage.Api;

/// <summary>
/// A consumer system signs in with its API key (<c>Authorization: Bearer jck_…</c>). The principal carries the
/// consumer's tenant, so the platform's tenant scope (and row-level security) applies as for staff; it has no staff role.
/// </summary>
public sealed class ConsumerAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, PlatformSettings settings)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "LinkageApiKey";
    public const string ConsumerIdClaim = "jichitai:linkage-consumer";

    /// <summary>Used by the host's scheme selector: a request with a consumer key is authenticated by this handler.</summary>
    public static bool HasKey(HttpRequest request) => KeyOf(request) is not null;

    private static string? KeyOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer " + ConsumerSecrets.ApiKeyPrefix, StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (KeyOf(Request) is not { } key) return AuthenticateResult.NoResult();
        var hash = ConsumerSecrets.Hash(key);
        await using var db = LinkageDatabase.Create(settings.Database, TenantScope.System); // the key names the tenant; nothing else does
        var consumer = await db.Consumers.AsNoTracking().Where(c => c.ApiKeyHash == hash)
            .Select(c => new { c.Id, c.TenantId, c.Name, c.State }).SingleOrDefaultAsync(Context.RequestAborted);
        if (consumer is null) return AuthenticateResult.Fail("unknown key");
        if (consumer.State == ConsumerState.Paused) return AuthenticateResult.Fail("paused");
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, "linkage:" + consumer.Name),
            new Claim(StaffClaimTypes.TenantId, consumer.TenantId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ConsumerIdClaim, consumer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(statusCode: 401, title: "認証できません", detail: "連携先のAPIキーが正しくないか、停止されています。").ExecuteAsync(Context);
    }
}
