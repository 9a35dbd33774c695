using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Persistence;

public static class RegistryDatabase
{
    public static DbContextOptions<RegistryDbContext> Options(DatabaseLocation location) =>
        (DbContextOptions<RegistryDbContext>)PlatformDatabase.Configure(new DbContextOptionsBuilder<RegistryDbContext>(), location, RegistryDbContext.MigrationsHistoryTable).Options;

    public static RegistryDbContext Create(DatabaseLocation location, TenantScope scope) =>
        new(Options(location), new TenantScopeAccessor { Scope = scope });
}

/// <summary>Applies the registry's migrations (called by the platform's DatabaseMigrator after its own).</summary>
public sealed class RegistryMigrations : IModuleMigrations
{
    public async Task<IReadOnlyList<string>> MigrateAsync(PlatformSettings settings, CancellationToken ct)
    {
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.System);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Select(m => "registry:" + m).ToList();
        await db.Database.MigrateAsync(ct);
        return pending;
    }
}
