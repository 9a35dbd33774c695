using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Features.Migration.Import;

/// <summary>One import per tenant at a time: PostgreSQL takes a transaction-scoped advisory lock; SQLite's write lock already is one.</summary>
internal static class MigrationLock
{
    public static async Task TakeAsync(Persistence.RegistryDbContext db, int tenantId, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext('registry.migration'), {tenantId})", ct);
        else
            // Take the write lock now, so that the ids read next (max + 1) stay ours until the commit.
            await db.Database.ExecuteSqlRawAsync("UPDATE registry_number_counters SET next_value = next_value WHERE 0", ct);
    }
}
