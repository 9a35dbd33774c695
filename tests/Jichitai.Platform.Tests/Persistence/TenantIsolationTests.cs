using Jichitai.Platform.Persistence;
using Jichitai.Platform.Settings;
using Jichitai.Platform.Tenancy;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Jichitai.Platform.Tests.Persistence;

/// <summary>The two isolation layers, each proven on its own.</summary>
public class TenantIsolationTests
{
    private static async Task<(PlatformTestHost Host, Tenant A, Tenant B)> TwoTenantsWithSettingsAsync(DatabaseProvider provider)
    {
        var host = await PlatformTestHost.CreateAsync(provider);
        var a = await host.CreateTenantAsync("131016", "千代田区");
        var b = await host.CreateTenantAsync("271004", "大阪市");
        foreach (var t in new[] { a, b })
        {
            await using var db = PlatformDatabase.Create(host.Database.Settings.Database, TenantScope.ForTenant(t.Id));
            db.TenantSettings.Add(new TenantSettingValue { Key = "fees.residentRecordCopy", Value = t.Id == a.Id ? "350" : "200", EffectiveFrom = new DateOnly(2026, 4, 1) });
            await db.SaveChangesAsync();
        }
        return (host, a, b);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EfFilter_UnderTenantA_NeverReturnsRowsOfB(DatabaseProvider provider)
    {
        var (host, a, b) = await TwoTenantsWithSettingsAsync(provider);
        await using var _ = host;
        await using var db = PlatformDatabase.Create(host.Database.Settings.Database, TenantScope.ForTenant(a.Id));
        Assert.Empty(await db.TenantSettings.Where(s => s.TenantId == b.Id).ToListAsync());
        Assert.All(await db.TenantSettings.ToListAsync(), s => Assert.Equal(a.Id, s.TenantId));
        // The filter is in the SQL itself, not applied afterwards.
        Assert.Contains("tenant_id", db.TenantSettings.ToQueryString());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveChanges_RowOfAnotherTenant_Refused(DatabaseProvider provider)
    {
        var (host, a, b) = await TwoTenantsWithSettingsAsync(provider);
        await using var _ = host;
        await using var db = PlatformDatabase.Create(host.Database.Settings.Database, TenantScope.ForTenant(a.Id));
        db.TenantSettings.Add(new TenantSettingValue { TenantId = b.Id, Key = "fees.residentRecordCopy", Value = "0", EffectiveFrom = new DateOnly(2026, 4, 1) });
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NoneScope_SeesNoTenantRows(DatabaseProvider provider)
    {
        var (host, _, _) = await TwoTenantsWithSettingsAsync(provider);
        await using var __ = host;
        await using var db = PlatformDatabase.Create(host.Database.Settings.Database, TenantScope.None);
        Assert.Empty(await db.TenantSettings.ToListAsync());
        Assert.Empty(await db.AuditEntries.ToListAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EfFilter_IsPlainEquality_SoTheTenantIndexPrefixApplies(DatabaseProvider provider)
    {
        var (host, a, _) = await TwoTenantsWithSettingsAsync(provider);
        await using var _ = host;
        await using var db = PlatformDatabase.Create(host.Database.Settings.Database, TenantScope.ForTenant(a.Id));
        var sql = db.AuditEntries.Where(e => e.Id > 0).ToQueryString();
        Assert.Matches("chain_id\"? = @", sql);
        Assert.DoesNotContain(" OR ", sql);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SystemScope_SeesEveryTenant_AndItsContextIsRefusedOnceTheScopeBecomesATenant(DatabaseProvider provider)
    {
        var (host, a, _) = await TwoTenantsWithSettingsAsync(provider);
        await using var _ = host;
        var accessor = new TenantScopeAccessor { Scope = TenantScope.System };
        await using var db = new PlatformDbContext(PlatformDatabase.PlatformOptions(host.Database.Settings.Database), accessor);
        Assert.Equal(2, await db.TenantSettings.CountAsync());
        // The unfiltered System model must never serve a tenant's request.
        accessor.Scope = TenantScope.ForTenant(a.Id);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.TenantSettings.CountAsync());
    }

    // --- PostgreSQL row-level security, exercised with raw SQL that carries no filter at all ---

    private static async Task<NpgsqlConnection> AppRoleConnectionAsync(PlatformTestHost host, string? tenantKey)
    {
        var conn = new NpgsqlConnection(host.Database.Settings.Database.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SET ROLE jichitai_app", conn);
        await cmd.ExecuteNonQueryAsync();
        if (tenantKey is not null)
        {
            await using var set = new NpgsqlCommand("SELECT set_config('app.tenant_id', @k, false)", conn);
            set.Parameters.AddWithValue("k", tenantKey);
            await set.ExecuteNonQueryAsync();
        }
        return conn;
    }

    private static async Task<long> CountAsync(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Rls_RawSqlUnderTenantA_ReturnsNoRowOfB()
    {
        var (host, a, b) = await TwoTenantsWithSettingsAsync(DatabaseProvider.PostgreSql);
        await using var _ = host;
        await using var conn = await AppRoleConnectionAsync(host, a.Id.ToString());
        Assert.Equal(0, await CountAsync(conn, $"SELECT count(*) FROM platform_tenant_settings WHERE tenant_id = {b.Id}"));
        Assert.Equal(1, await CountAsync(conn, "SELECT count(*) FROM platform_tenant_settings"));
        Assert.Equal(0, await CountAsync(conn, $"SELECT count(*) FROM platform_audit_entries WHERE chain_id <> {a.Id}"));
    }

    [Fact]
    public async Task Rls_WithoutTenantSetting_ReturnsNothing()
    {
        var (host, _, _) = await TwoTenantsWithSettingsAsync(DatabaseProvider.PostgreSql);
        await using var __ = host;
        await using var conn = await AppRoleConnectionAsync(host, null);
        Assert.Equal(0, await CountAsync(conn, "SELECT count(*) FROM platform_tenant_settings"));
        Assert.Equal(0, await CountAsync(conn, "SELECT count(*) FROM platform_audit_entries"));
    }

    [Fact]
    public async Task Rls_InsertForAnotherTenant_Rejected()
    {
        var (host, a, b) = await TwoTenantsWithSettingsAsync(DatabaseProvider.PostgreSql);
        await using var _ = host;
        await using var conn = await AppRoleConnectionAsync(host, a.Id.ToString());
        await using var cmd = new NpgsqlCommand(
            $"INSERT INTO platform_tenant_settings (tenant_id, key, value, effective_from, changed_by_name, changed_at) VALUES ({b.Id}, 'x', 'y', '2026-04-01', 'x', now())", conn);
        var ex = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
        Assert.Contains("row-level security", ex.MessageText);
    }

    [Theory]
    [InlineData("UPDATE platform_audit_entries SET detail = 'x'")]
    [InlineData("DELETE FROM platform_audit_entries")]
    [InlineData("TRUNCATE platform_audit_entries")]
    [InlineData("DELETE FROM platform_audit_checkpoints")]
    public async Task AppRole_CannotChangeTheAuditLog(string sql)
    {
        var (host, a, _) = await TwoTenantsWithSettingsAsync(DatabaseProvider.PostgreSql);
        await using var __ = host;
        await using var conn = await AppRoleConnectionAsync(host, a.Id.ToString());
        await using var cmd = new NpgsqlCommand(sql, conn);
        var ex = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
        Assert.Equal("42501", ex.SqlState); // insufficient_privilege
    }

    [Fact]
    public async Task Interceptor_SwitchesScopedContextsToTheAppRole()
    {
        var (host, a, _) = await TwoTenantsWithSettingsAsync(DatabaseProvider.PostgreSql);
        await using var __ = host;
        await using var db = PlatformDatabase.Create(host.Database.Settings.Database, TenantScope.ForTenant(a.Id));
        var role = await db.Database.SqlQueryRaw<string>("SELECT current_user AS \"Value\"").SingleAsync();
        var key = await db.Database.SqlQueryRaw<string>("SELECT current_setting('app.tenant_id') AS \"Value\"").SingleAsync();
        Assert.Equal("jichitai_app", role);
        Assert.Equal(a.Id.ToString(), key);
    }
}
