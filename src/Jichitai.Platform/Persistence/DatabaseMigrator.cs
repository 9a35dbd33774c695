using Jichitai.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Platform.Persistence;

/// <summary>Applies the migrations of the platform and of every registered module, in System scope.</summary>
public sealed class DatabaseMigrator(PlatformSettings settings, IEnumerable<IModuleMigrations> modules)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct = default)
    {
        var applied = new List<string>();
        await using (var db = PlatformDatabase.Create(settings.Database, TenantScope.System))
        {
            if (db.Database.IsSqlite())
            {
                await db.Database.OpenConnectionAsync(ct);
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }
            applied.AddRange((await db.Database.GetPendingMigrationsAsync(ct)).Select(m => "platform:" + m));
            await db.Database.MigrateAsync(ct);
        }
        foreach (var module in modules) applied.AddRange(await module.MigrateAsync(settings, ct));
        return applied;
    }

    public async Task<bool> CanConnectAsync(CancellationToken ct = default)
    {
        await using var db = PlatformDatabase.Create(settings.Database, TenantScope.System);
        return await db.Database.CanConnectAsync(ct);
    }
}

/// <summary>A business module's own DbContext migrations.</summary>
public interface IModuleMigrations
{
    Task<IReadOnlyList<string>> MigrateAsync(PlatformSettings settings, CancellationToken ct);
}
