using Jichitai.Registry.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jichitai.Migrations.PostgreSql.Registry;

/// <summary>
/// Row-level security on every registry table (the platform's jichitai_enable_tenant_isolation), and history that the
/// application role cannot rewrite: versions are insert-only; nothing of the registry can be deleted.
/// </summary>
[DbContext(typeof(RegistryDbContext))]
[Migration("20261126182200_RegistryTenantIsolation")]
public partial class RegistryTenantIsolation : Migration
{
    private static readonly string[] Tables =
        ["registry_residents", "registry_households", "registry_movements", "registry_resident_versions", "registry_number_counters"];

    protected override void Up(MigrationBuilder m)
    {
        foreach (var t in Tables) m.Sql($"SELECT jichitai_enable_tenant_isolation('{t}');");
        m.Sql("""
            REVOKE ALL ON registry_ef_migrations FROM jichitai_app;
            REVOKE DELETE, TRUNCATE ON registry_residents, registry_households, registry_movements, registry_resident_versions FROM jichitai_app;
            REVOKE UPDATE ON registry_resident_versions FROM jichitai_app;
            """);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.Sql("GRANT DELETE, TRUNCATE ON registry_residents, registry_households, registry_movements, registry_resident_versions TO jichitai_app;");
        m.Sql("GRANT UPDATE ON registry_resident_versions TO jichitai_app;");
        foreach (var t in Tables)
            m.Sql($"""
                DROP POLICY IF EXISTS tenant_isolation ON {t};
                DROP POLICY IF EXISTS owner_access ON {t};
                ALTER TABLE {t} NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE {t} DISABLE ROW LEVEL SECURITY;
                """);
    }
}
