using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jichitai.Migrations.PostgreSql.Registry
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<int>(type: "integer", nullable: false),
                    household_number = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    created_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_households", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registry_movements",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<int>(type: "integer", nullable: false),
                    reason_code = table.Column<int>(type: "integer", nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false),
                    notified_on = table.Column<DateOnly>(type: "date", nullable: false),
                    processed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    staff_id = table.Column<Guid>(type: "uuid", nullable: true),
                    staff_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    late_notification = table.Column<bool>(type: "boolean", nullable: false),
                    cancels_movement_id = table.Column<long>(type: "bigint", nullable: true),
                    cancelled_by_movement_id = table.Column<long>(type: "bigint", nullable: true),
                    idempotency_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_movements", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registry_number_counters",
                columns: table => new
                {
                    tenant_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    next_value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_number_counters", x => new { x.tenant_id, x.name });
                });

            migrationBuilder.CreateTable(
                name: "registry_resident_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<int>(type: "integer", nullable: false),
                    resident_id = table.Column<long>(type: "bigint", nullable: false),
                    movement_id = table.Column<long>(type: "bigint", nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false),
                    household_id = table.Column<long>(type: "bigint", nullable: true),
                    record = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_resident_versions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registry_residents",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<int>(type: "integer", nullable: false),
                    addressee_number = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    household_id = table.Column<long>(type: "bigint", nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    kana_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    name_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    address_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    personal_number_index = table.Column<string>(type: "text", nullable: true),
                    record = table.Column<string>(type: "text", nullable: false),
                    last_version_id = table.Column<long>(type: "bigint", nullable: false),
                    last_effective_on = table.Column<DateOnly>(type: "date", nullable: false)
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
