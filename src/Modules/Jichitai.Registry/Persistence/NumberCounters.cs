using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Persistence;

/// <summary>Per-tenant sequences (宛名番号, 世帯番号, the day's 発行番号) in registry_number_counters.</summary>
internal static class NumberCounters
{
    /// <summary>The next value of a counter, created at 1 on first use.</summary>
    public static async Task<long> NextAsync(RegistryDbContext db, int tenantId, string counter, CancellationToken ct)
    {
        // One statement that both providers run atomically under the transaction's write lock.
        var updated = await db.Database.SqlQuery<long>(
            $"UPDATE registry_number_counters SET next_value = next_value + 1 WHERE tenant_id = {tenantId} AND name = {counter} RETURNING next_value - 1 AS \"Value\"").ToListAsync(ct);
        if (updated.Count == 1) return updated[0];
        db.NumberCounters.Add(new NumberCounterRow { TenantId = tenantId, Name = counter, NextValue = 2 });
        await db.SaveChangesAsync(ct);
        return 1;
    }
}
