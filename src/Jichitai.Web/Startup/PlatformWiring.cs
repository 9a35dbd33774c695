using Jichitai.Platform;
using Jichitai.Platform.Logging;
using Jichitai.Platform.Persistence;
using Jichitai.Linkage;
using Jichitai.Care;
using Jichitai.Registry;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Jichitai.Web.Startup;

public static class PlatformWiring
{
    /// <summary>The database is named by --database, else JICHITAI_DATABASE, else data/jichitai.db (same rule as the CLI).</summary>
    public static void AddJichitaiPlatform(this WebApplicationBuilder builder)
    {
        var settings = PlatformSettings.Resolve(builder.Configuration["database"], builder.Configuration["keys"], Environment.CurrentDirectory);
        builder.Services.Configure<JichitaiWebOptions>(builder.Configuration.GetSection("Jichitai"));
        builder.Services.AddDataProtection()
            .SetApplicationName("JichitaiCloud")
            .PersistKeysToFileSystem(new DirectoryInfo(settings.DataProtectionDirectory));
        builder.Services.AddJichitaiPlatform(settings)
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<Security.StaffClaimsFactory>();
        builder.Services.AddRegistryModule(); // 住民記録
        builder.Services.AddLinkageModule(builder.Configuration); // 連携: outbox delivery to other business systems
        builder.Services.AddCareModule(); // 介護保険: 資格 from the registry events, 賦課 by ordinance parameters
        builder.Logging.AddPersonalDataRedaction(); // names, numbers and addresses never reach a log provider
    }
}
