using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jichitai.Migrations.Sqlite.Registry
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tenant_id = table.Column<int>(type: "INTEGER", nullable: false),
                    files_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    encoding = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    replaced = table.Column<bool>(type: "INTEGER", nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    households = table.Column<int>(type: "INTEGER", nullable: false),
                    residents = table.Column<int>(type: "INTEGER", nullable: false),
                    movements = table.Column<int>(type: "INTEGER", nullable: false),
                    restrictions = table.Column<int>(type: "INTEGER", nullable: false),
                    certificate_issues = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_migration_runs", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_registry_migration_runs_tenant_id_files_hash",
                table: "registry_migration_runs",
                columns: new[] { "tenant_id", "files_hash" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registry_migration_runs");
        }
    }
}
