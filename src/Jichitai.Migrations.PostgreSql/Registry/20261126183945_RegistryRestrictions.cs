using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jichitai.Migrations.PostgreSql.Registry
{
    /// <inheritdoc />
    public partial class RegistryRestrictions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "registry_restrictions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    resident_id = table.Column<long>(type: "bigint", nullable: true),
                    household_id = table.Column<long>(type: "bigint", nullable: true),
                    movement = table.Column<int>(type: "integer", nullable: false),
                    issuance = table.Column<int>(type: "integer", nullable: false),
                    inquiry = table.Column<int>(type: "integer", nullable: false),
                    start_on = table.Column<DateOnly>(type: "date", nullable: false),
                    end_on = table.Column<DateOnly>(type: "date", nullable: true),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    end_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    released_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    released_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    continued_after_move_out = table.Column<bool>(type: "boolean", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    extensions = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_restrictions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_registry_restrictions_tenant_id_household_id",
                table: "registry_restrictions",
                columns: new[] { "tenant_id", "household_id" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_restrictions_tenant_id_kind_end_on",
                table: "registry_restrictions",
                columns: new[] { "tenant_id", "kind", "end_on" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_restrictions_tenant_id_resident_id",
                table: "registry_restrictions",
                columns: new[] { "tenant_id", "resident_id" });
        
            // Isolation and no deletion, as for the other registry tables (see RegistryTenantIsolation).
            migrationBuilder.Sql("SELECT jichitai_enable_tenant_isolation('registry_restrictions');");
            migrationBuilder.Sql("REVOKE DELETE, TRUNCATE ON registry_restrictions FROM jichitai_app;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registry_restrictions");
        }
    }
}
