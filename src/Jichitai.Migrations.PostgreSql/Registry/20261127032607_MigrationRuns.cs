using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jichitai.Migrations.PostgreSql.Registry
{
    /// <inheritdoc />
    public partial class MigrationRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "registry_migration_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<int>(type: "integer", nullable: false),
                    files_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    encoding = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    replaced = table.Column<bool>(type: "boolean", nullable: false),
                    actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    households = table.Column<int>(type: "integer", nullable: false),
                    residents = table.Column<int>(type: "integer", nullable: false),
                    movements = table.Column<int>(type: "integer", nullable: false),
                    restrictions = table.Column<int>(type: "integer", nullable: false),
                    certificate_issues = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_migration_runs", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_registry_migration_runs_tenant_id_files_hash",
                table: "registry_migration_runs",
                columns: new[] { "tenant_id", "files_hash" });

            migrationBuilder.Sql("SELECT jichitai_enable_tenant_isolation('registry_migration_runs');");
            migrationBuilder.Sql("REVOKE UPDATE, DELETE, TRUNCATE ON registry_migration_runs FROM jichitai_app;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registry_migration_runs");
        }
    }
}
