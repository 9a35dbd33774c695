using Jichitai.Platform.Audit;
using Jichitai.Platform.Demo;
using Jichitai.Platform.Identity;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Settings;
using Jichitai.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jichitai.Platform;

public static class PlatformServiceCollectionExtensions
{
    /// <summary>Tenancy, persistence, identity stores, settings and audit: what both the server and the CLI need.</summary>
    public static IdentityBuilder AddJichitaiPlatform(this IServiceCollection services, PlatformSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ITenantScopeAccessor, TenantScopeAccessor>();
        services.AddDbContext<PlatformDbContext>(o => PlatformDatabase.Configure(o, settings.Database, "platform_ef_migrations"));
        services.AddSingleton<IAuditLog, AuditLog>();
        services.AddSingleton(_ => Protection.PersonalDataProtector.FromKeyFile(settings.PersonalDataKeyFile));
        services.AddSingleton<AuditVerifier>();
        services.AddSingleton<AuditCheckpointWriter>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddScoped<TenantService>();
        services.AddScoped<StaffUserService>();
        services.AddScoped<TenantSettingsService>();
        services.AddScoped<AuditSearch>();
        services.AddScoped<Authenticity.DocumentAuthenticity>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoTotp>();
        return services.AddIdentityCore<StaffUser>(IdentityConfiguration.Apply)
            .AddRoles<StaffRoleEntity>()
            .AddEntityFrameworkStores<PlatformDbContext>()
            .AddErrorDescriber<JapaneseIdentityErrors>()
            .AddTokenProvider<AuthenticatorTokenProvider<StaffUser>>(TokenOptions.DefaultAuthenticatorProvider);
    }
}
