using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jichitai.Migrations.Sqlite.Registry
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tenant_id = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    resident_id = table.Column<long>(type: "INTEGER", nullable: true),
                    household_id = table.Column<long>(type: "INTEGER", nullable: true),
                    movement = table.Column<int>(type: "INTEGER", nullable: false),
                    issuance = table.Column<int>(type: "INTEGER", nullable: false),
                    inquiry = table.Column<int>(type: "INTEGER", nullable: false),
                    start_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ended_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    end_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    released_until = table.Column<DateTime>(type: "TEXT", nullable: true),
                    released_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    continued_after_move_out = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    extensions = table.Column<int>(type: "INTEGER", nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registry_restrictions");
        }
    }
}
