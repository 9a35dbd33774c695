using Jichitai.Linkage.Api;
using Jichitai.Linkage.Consumers;
using Jichitai.Linkage.Delivery;
using Jichitai.Linkage.Files;
using Jichitai.Linkage.Persistence;
using Jichitai.Platform.Identity;
using Jichitai.Platform.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jichitai.Linkage;

/// <summary>The 連携 module's public surface: services, the consumer sign-in, policies and API routes.</summary>
public static class LinkageModule
{
    public static IServiceCollection AddLinkageModule(this IServiceCollection services, IConfiguration? configuration = null)
    {
        var options = new LinkageOptions();
        configuration?.GetSection("Jichitai:Linkage").Bind(options);
        services.AddSingleton(options);
        services.AddSingleton<IModuleMigrations, LinkageMigrations>();
        services.AddSingleton<LinkageCatalog>();
        services.AddSingleton<PayloadFilter>();
        services.AddSingleton<LinkageMetrics>();
        services.AddSingleton(sp => new WebhookSender(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan },
            sp.GetRequiredService<Platform.Protection.PersonalDataProtector>(), options, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<LinkageDispatcher>();
        services.AddScoped<ConsumerService>();
        services.AddScoped<ConsumerFeeds>();
        services.AddScoped<DeltaFiles>();
        return services;
    }

    /// <summary>The consumer systems' sign-in scheme (API key).</summary>
    public static AuthenticationBuilder AddLinkageConsumers(this AuthenticationBuilder auth) =>
        auth.AddScheme<AuthenticationSchemeOptions, ConsumerAuthenticationHandler>(ConsumerAuthenticationHandler.SchemeName, null);

    public static void AddLinkagePolicies(AuthorizationOptions o) =>
        o.AddPolicy(LinkagePolicies.Consumer, p => p.AddAuthenticationSchemes(ConsumerAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser().RequireClaim(ConsumerAuthenticationHandler.ConsumerIdClaim).RequireClaim(StaffClaimTypes.TenantId));

    public static void MapLinkageApi(this RouteGroupBuilder api) => LinkageEndpoints.Map(api);
}

/// <summary>Who may do what in 連携.</summary>
public static class LinkagePolicies
{
    /// <summary>Registering consumer systems, granting items, replay: the tenant's IT staff (情報担当), never the counter.</summary>
    public const string Manage = "LinkageManage";
    /// <summary>A consumer system signed in with its API key (no staff role can meet it).</summary>
    public const string Consumer = "LinkageConsumer";

    /// <summary>The staff policies, by role (the consumer policy is not a staff policy).</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Roles = new Dictionary<string, IReadOnlyList<string>>
    {
        [Manage] = [StaffRoles.TenantAdmin],
    };
}
