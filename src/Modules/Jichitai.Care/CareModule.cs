using Jichitai.Care.Assessment;
using Jichitai.Care.Ordinance;
using Jichitai.Care.Persistence;
using Jichitai.Care.Qualification;
using Jichitai.Platform.Identity;
using Jichitai.Platform.Linkage;
using Jichitai.Platform.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Jichitai.Care;

/// <summary>The 介護保険 module's public surface: services, its registry subscription and policies.</summary>
public static class CareModule
{
    public static IServiceCollection AddCareModule(this IServiceCollection services)
    {
        services.AddSingleton<IModuleMigrations, CareMigrations>();
        services.AddSingleton<Reassessment>();
        services.AddSingleton<IIntegrationEventSubscriber, RegistrySubscriber>(); // 住民異動 → 資格 → 更正
        services.AddScoped<RegistrySync>();
        services.AddScoped<QualificationService>();
        services.AddScoped<InsuredSearch>();
        services.AddScoped<OrdinanceService>();
        services.AddScoped<AssessmentRuns>();
        services.AddScoped<AssessmentQueries>();
        services.AddScoped<Jichitai.Platform.Demo.IDemoDataSeeder, Demo.CareDemoSeeder>(); // after the registry's: it reads the demo residents
        services.AddScoped<Reductions.ReductionService>();
        services.AddScoped<Income.CareDataImporter>(); // 所得情報・特別徴収対象者の取込
        services.AddScoped<Notices.CareDocuments>(); // 被保険者証, 決定・変更通知書 (PDF)
        services.AddSingleton<Pages.Care.CareRunLauncher>(); // 本算定 started from the page runs after the response
        return services;
    }
}

/// <summary>Who may do what in 介護保険 (標準: 操作権限 per business).</summary>
public static class CarePolicies
{
    /// <summary>資格・賦課 work and inquiry: the 介護担当.</summary>
    public const string Work = "CareWork";

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Roles = new Dictionary<string, IReadOnlyList<string>>
    {
        [Work] = [StaffRoles.CareInsurance],
    };
}
