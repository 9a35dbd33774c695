using Jichitai.Platform.Demo;
using Jichitai.Platform.Identity;
using Jichitai.Platform.Persistence;
using Jichitai.Registry.Demo;
using Jichitai.Registry.Features;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Persistence;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jichitai.Registry;

/// <summary>The 住民記録 module's public surface: its services, its policies and its API routes.</summary>
public static class RegistryModule
{
    public static IServiceCollection AddRegistryModule(this IServiceCollection services)
    {
        services.AddSingleton<IModuleMigrations, RegistryMigrations>();
        services.AddScoped<RegistryMovements>();
        services.AddScoped<ResidentQueries>();
        services.AddScoped<Features.Reports.RegistryReports>();
        services.AddScoped<Features.Restrictions.RestrictionService>();
        services.AddScoped<Features.Migration.Import.MigrationImporter>();
        services.AddScoped<Features.Migration.Export.MigrationExporter>();
        services.AddScoped<Features.Cancellation.MovementLookup>();
        services.AddScoped<Features.Approval.ApprovalPolicy>();
        services.AddScoped<Features.Approval.ApprovalService>();
        services.AddScoped<Features.Memos.MemoService>();
        services.AddScoped<Features.AddressDictionary.AddressDictionaryService>();
        services.AddScoped<Features.RecordColumn.RecordColumnService>();
        services.AddScoped<Features.RecordColumn.DeFactoHeadService>();
        services.AddScoped<Features.Renewal.SpecialReasonService>();
        services.AddScoped<Features.InputPlaces.InputPlaceService>();
        services.AddScoped<Features.RecordSheets.RecordSheetQueries>();
        services.AddScoped<Features.CharacterCodes.CharacterLookup>();
        services.AddScoped<Features.Certificates.CertificateService>();
        services.AddSingleton(sp => new Features.Certificates.IssuanceLimiter(
            (int.TryParse(sp.GetService<Microsoft.Extensions.Configuration.IConfiguration>()?["Jichitai:CertificateConcurrency"], out var permits) ? permits : (int?)null) ?? Features.Certificates.IssuanceLimiter.DefaultPermits));
        services.AddScoped<Features.Certificates.CertificateHistory>();
        services.AddScoped<Features.Restrictions.OffenderService>();
        services.AddScoped<IDemoDataSeeder, RegistryDemoSeeder>();
        services.AddSingleton<Platform.Linkage.ILinkageEventSource, Features.Linkage.RegistryLinkageSource>(); // 連携: 住民異動 events and 全件
        return services;
    }

    public static void MapRegistryApi(this RouteGroupBuilder api) => RegistryEndpoints.Map(api);
}

/// <summary>Who may do what in the registry (standard 10.3: 操作権限 per business).</summary>
public static class RegistryPolicies
{
    public const string Read = "RegistryRead";
    public const string Write = "RegistryWrite";
    /// <summary>個人番号: shown unmasked and searchable only for the registry officers whose work needs it (番号法19条).</summary>
    public const string PersonalNumber = "RegistryPersonalNumber";
    /// <summary>Setting, ending and temporarily releasing 抑止・支援措置: a right of its own (standard 3.1).</summary>
    public const string Restrictions = "RegistryRestrictions";
    /// <summary>本登録 of a 仮登録: a registry officer other than the one who entered it (standard 4.0.8).</summary>
    public const string Approve = "RegistryApprove";
    /// <summary>住所辞書・方書 maintenance (standard 1.3.3, 1.3.4: 職員が管理): registry officers. The counter only looks entries up.</summary>
    public const string AddressDictionary = "RegistryAddressDictionary";
    /// <summary>Record-level work of the registry officers: 改製, 特別な事由, 入力場所・入力端末 (standard 1.1.4, 1.3.1).</summary>
    public const string Officer = "RegistryOfficerWork";
    /// <summary>証明書の交付・再交付・処分と交付履歴照会 (標準第5章, 2.2.2): the counter and the registry officers.</summary>
    public const string Certificates = "RegistryCertificates";
    /// <summary>移行 import and export of the whole registry (標準10.6, 10.8): the tenant's IT staff, never the counter.</summary>
    public const string Migration = "RegistryMigration";

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Roles = new Dictionary<string, IReadOnlyList<string>>
    {
        [Read] = [StaffRoles.Counter, StaffRoles.RegistryOfficer],
        [Write] = [StaffRoles.Counter, StaffRoles.RegistryOfficer],
        [PersonalNumber] = [StaffRoles.RegistryOfficer],
        [Restrictions] = [StaffRoles.RegistryOfficer],
        [Approve] = [StaffRoles.RegistryOfficer],
        [AddressDictionary] = [StaffRoles.RegistryOfficer],
        [Officer] = [StaffRoles.RegistryOfficer],
        [Certificates] = [StaffRoles.Counter, StaffRoles.RegistryOfficer],
        [Migration] = [StaffRoles.TenantAdmin],
    };

    public static bool MayUsePersonalNumber(System.Security.Claims.ClaimsPrincipal user) => Roles[PersonalNumber].Any(user.IsInRole);
}
