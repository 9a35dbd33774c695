using Jichitai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Jichitai.Web.Startup;

public static class SecurityWiring
{
    private const string StaffOrSystem = "StaffOrSystem";

    public static void AddStaffAuthentication(this WebApplicationBuilder builder)
    {
        // Staff sign in with the cookie; consumer systems of 連携 with an API key. The selector picks per request, so the
        // tenant scope middleware sees either principal.
        var auth = builder.Services.AddAuthentication(StaffOrSystem);
        auth.AddPolicyScheme(StaffOrSystem, null, o => o.ForwardDefaultSelector = http =>
            Jichitai.Linkage.Api.ConsumerAuthenticationHandler.HasKey(http.Request) ? Jichitai.Linkage.Api.ConsumerAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme);
        auth.AddIdentityCookies();
        Jichitai.Linkage.LinkageModule.AddLinkageConsumers(auth);
        builder.Services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<JichitaiWebOptions>>((o, web) =>
            {
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/denied";
                o.ExpireTimeSpan = TimeSpan.FromMinutes(web.Value.SessionTimeoutMinutes); // セッションタイムアウト
                o.SlidingExpiration = true;
                o.Cookie.Name = "jichitai.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            });
        // A reset of two-factor authentication or a role change ends existing sessions within a minute.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
    }

    public static void AddStaffAuthorization(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorization(Policies.Configure);
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditedAuthorizationResultHandler>();
    }
}
