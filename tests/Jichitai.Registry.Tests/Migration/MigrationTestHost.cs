using Jichitai.Platform.Text;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Features.Migration.Export;
using Jichitai.Registry.Features.Migration.Files;
using Jichitai.Registry.Features.Migration.Import;
using Jichitai.Registry.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jichitai.Registry.Tests.Migration;

/// <summary>Import and export through the real services, and a fingerprint of everything a tenant holds.</summary>
internal static class MigrationTestHost
{
    public static async Task<ImportResult> ImportAsync(this RegistryTestHost host, Tenant tenant, string dir, StrictEncoding? encoding = null,
        bool dryRun = false, bool replace = false, string? reason = null)
    {
        await using var s = host.Services.CreateAsyncScope();
        s.ServiceProvider.GetRequiredService<ITenantScopeAccessor>().Scope = TenantScope.System;
        return await s.ServiceProvider.GetRequiredService<MigrationImporter>().ImportAsync(tenant.Id,
            new ImportOptions(dir, encoding ?? StrictEncoding.Utf8, dryRun, replace, reason), RegistryTestHost.Clerk, null, default);
    }

    public static async Task<ExportResult> ExportAsync(this RegistryTestHost host, Tenant tenant, string dir, StrictEncoding? encoding = null)
    {
        await using var s = host.Services.CreateAsyncScope();
        s.ServiceProvider.GetRequiredService<ITenantScopeAccessor>().Scope = TenantScope.System;
        return await s.ServiceProvider.GetRequiredService<MigrationExporter>().ExportAsync(tenant.Id, dir, encoding ?? StrictEncoding.Utf8,
            RegistryTestHost.Clerk, null, default);
    }

    /// <summary>Rows of every personal-data table of the tenant, and its import runs.</summary>
    public static async Task<string> CountsAsync(this RegistryTestHost host, Tenant tenant)
    {
        await using var db = RegistryDatabase.Create(host.Database.Settings.Database, TenantScope.ForTenant(tenant.Id));
        return $"residents={await db.Residents.CountAsync()} households={await db.Households.CountAsync()} movements={await db.Movements.CountAsync()} " +
            $"versions={await db.ResidentVersions.CountAsync()} restrictions={await db.Restrictions.CountAsync()} issues={await db.CertificateIssues.CountAsync()} " +
            $"subjects={await db.CertificateSubjects.CountAsync()} runs={await db.MigrationRuns.CountAsync()}";
    }

    public const string Empty = "residents=0 households=0 movements=0 versions=0 restrictions=0 issues=0 subjects=0 runs=0";

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "jc-mig-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
