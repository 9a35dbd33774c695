using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jichitai.Migrations.Sqlite.Registry
{
    /// <inheritdoc />
    public partial class RegistryInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "registry_households",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tenant_id = table.Column<int>(type: "INTEGER", nullable: false),
                    household_number = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    created_on = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_households", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registry_movements",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tenant_id = table.Column<int>(type: "INTEGER", nullable: false),
                    reason_code = table.Column<int>(type: "INTEGER", nullable: false),
                    effective_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    notified_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    processed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    staff_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    staff_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    late_notification = table.Column<bool>(type: "INTEGER", nullable: false),
                    cancels_movement_id = table.Column<long>(type: "INTEGER", nullable: true),
                    cancelled_by_movement_id = table.Column<long>(type: "INTEGER", nullable: true),
                    idempotency_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_movements", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registry_number_counters",
                columns: table => new
                {
                    tenant_id = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    next_value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_number_counters", x => new { x.tenant_id, x.name });
                });

            migrationBuilder.CreateTable(
                name: "registry_resident_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tenant_id = table.Column<int>(type: "INTEGER", nullable: false),
                    resident_id = table.Column<long>(type: "INTEGER", nullable: false),
                    movement_id = table.Column<long>(type: "INTEGER", nullable: false),
                    effective_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    household_id = table.Column<long>(type: "INTEGER", nullable: true),
                    record = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_resident_versions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registry_residents",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tenant_id = table.Column<int>(type: "INTEGER", nullable: false),
                    addressee_number = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    household_id = table.Column<long>(type: "INTEGER", nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    kana_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    name_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    address_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    personal_number_index = table.Column<string>(type: "TEXT", nullable: true),
                    record = table.Column<string>(type: "TEXT", nullable: false),
                    last_version_id = table.Column<long>(type: "INTEGER", nullable: false),
                    last_effective_on = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_residents", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_registry_households_tenant_id_household_number",
                table: "registry_households",
                columns: new[] { "tenant_id", "household_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_registry_movements_tenant_id_idempotency_key",
                table: "registry_movements",
                columns: new[] { "tenant_id", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_registry_movements_tenant_id_late_notification",
                table: "registry_movements",
                columns: new[] { "tenant_id", "late_notification" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_movements_tenant_id_reason_code_effective_on",
                table: "registry_movements",
                columns: new[] { "tenant_id", "reason_code", "effective_on" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_resident_versions_tenant_id_household_id",
                table: "registry_resident_versions",
                columns: new[] { "tenant_id", "household_id" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_resident_versions_tenant_id_movement_id",
                table: "registry_resident_versions",
                columns: new[] { "tenant_id", "movement_id" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_resident_versions_tenant_id_resident_id_id",
                table: "registry_resident_versions",
                columns: new[] { "tenant_id", "resident_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_residents_tenant_id_address_key",
                table: "registry_residents",
                columns: new[] { "tenant_id", "address_key" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_residents_tenant_id_addressee_number",
                table: "registry_residents",
                columns: new[] { "tenant_id", "addressee_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_registry_residents_tenant_id_birth_date",
                table: "registry_residents",
                columns: new[] { "tenant_id", "birth_date" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_residents_tenant_id_household_id",
                table: "registry_residents",
                columns: new[] { "tenant_id", "household_id" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_residents_tenant_id_kana_key",
                table: "registry_residents",
                columns: new[] { "tenant_id", "kana_key" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_residents_tenant_id_name_key",
                table: "registry_residents",
                columns: new[] { "tenant_id", "name_key" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_residents_tenant_id_personal_number_index",
                table: "registry_residents",
                columns: new[] { "tenant_id", "personal_number_index" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registry_households");

            migrationBuilder.DropTable(
                name: "registry_movements");

            migrationBuilder.DropTable(
                name: "registry_number_counters");

            migrationBuilder.DropTable(
                name: "registry_resident_versions");

            migrationBuilder.DropTable(
                name: "registry_residents");
        }
    }
}
