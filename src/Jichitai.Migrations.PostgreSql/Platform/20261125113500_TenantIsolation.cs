using Jichitai.Platform.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jichitai.Migrations.PostgreSql.Platform;

/// <summary>
/// The database-side isolation layer: the restricted application role, row-level security keyed on the
/// per-session tenant setting, and an access log the application can append to but never change.
/// </summary>
[DbContext(typeof(PlatformDbContext))]
[Migration("20261125113500_TenantIsolation")]
public sealed class TenantIsolation : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.Sql("""
            DO $$ BEGIN
              CREATE ROLE jichitai_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; -- roles are cluster-wide: another database may have created it
            END $$;
            DO $$ BEGIN
              EXECUTE format('GRANT jichitai_app TO %I', current_user);
            EXCEPTION WHEN others THEN NULL; -- already a member
            END $$;

            -- NULL (no row matches) when unset: isolation fails closed.
            CREATE OR REPLACE FUNCTION jichitai_current_tenant() RETURNS int
              LANGUAGE sql STABLE AS $f$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::int $f$;

            -- Every module calls this for each tenant-owned table it creates.
            CREATE OR REPLACE FUNCTION jichitai_enable_tenant_isolation(tbl regclass, key_column text DEFAULT 'tenant_id') RETURNS void
              LANGUAGE plpgsql AS $f$
              BEGIN
                EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
                EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
                EXECUTE format('CREATE POLICY tenant_isolation ON %s TO jichitai_app USING (%I = jichitai_current_tenant()) WITH CHECK (%I = jichitai_current_tenant())', tbl, key_column, key_column);
                -- The migrating owner keeps deliberate, explicit access (FORCE would otherwise lock it out too).
                EXECUTE format('CREATE POLICY owner_access ON %s TO %I USING (true) WITH CHECK (true)', tbl, current_user);
              END $f$;

            GRANT USAGE ON SCHEMA public TO jichitai_app;
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO jichitai_app;
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO jichitai_app;
            ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO jichitai_app;
            ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO jichitai_app;
            REVOKE ALL ON platform_ef_migrations FROM jichitai_app;

            -- The access log is append-only for the application.
            REVOKE UPDATE, DELETE, TRUNCATE ON platform_audit_entries, platform_audit_checkpoints FROM jichitai_app;

            SELECT jichitai_enable_tenant_isolation('platform_audit_entries', 'chain_id');
            SELECT jichitai_enable_tenant_isolation('platform_audit_chain_heads', 'chain_id');
            SELECT jichitai_enable_tenant_isolation('platform_audit_checkpoints', 'chain_id');
            SELECT jichitai_enable_tenant_isolation('platform_tenant_settings');
            -- Settings are configuration, not personal data: the operator (key 0) reads all tenants' for the differences report.
            CREATE POLICY operator_reads_settings ON platform_tenant_settings FOR SELECT TO jichitai_app USING (jichitai_current_tenant() = 0);
            """);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.Sql("""
            DROP POLICY IF EXISTS operator_reads_settings ON platform_tenant_settings;
            DO $$ DECLARE t text; BEGIN
              FOREACH t IN ARRAY ARRAY['platform_audit_entries','platform_audit_chain_heads','platform_audit_checkpoints','platform_tenant_settings'] LOOP
                EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %I', t);
                EXECUTE format('DROP POLICY IF EXISTS owner_access ON %I', t);
                EXECUTE format('ALTER TABLE %I NO FORCE ROW LEVEL SECURITY', t);
                EXECUTE format('ALTER TABLE %I DISABLE ROW LEVEL SECURITY', t);
              END LOOP;
            END $$;
            DROP FUNCTION IF EXISTS jichitai_enable_tenant_isolation(regclass, text);
            DROP FUNCTION IF EXISTS jichitai_current_tenant();
            """);
    }
}
