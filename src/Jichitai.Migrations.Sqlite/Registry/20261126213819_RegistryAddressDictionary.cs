using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jichitai.Migrations.Sqlite.Registry
{
    /// <inheritdoc />
    public partial class RegistryAddressDictionary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "registry_address_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tenant_id = table.Column<int>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    postal_code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    prefecture = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    prefecture_kana = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    municipality = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    municipality_kana = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    town = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    town_kana = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    scheme = table.Column<int>(type: "INTEGER", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    abolished_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_address_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registry_building_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tenant_id = table.Column<int>(type: "INTEGER", nullable: false),
                    address_entry_id = table.Column<long>(type: "INTEGER", nullable: false),
                    block_number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    block_sort_key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    name_kana = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    abolished_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_building_entries", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_registry_address_entries_tenant_id_code",
                table: "registry_address_entries",
                columns: new[] { "tenant_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_registry_address_entries_tenant_id_postal_code",
                table: "registry_address_entries",
                columns: new[] { "tenant_id", "postal_code" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_building_entries_tenant_id_address_entry_id_block_sort_key",
                table: "registry_building_entries",
                columns: new[] { "tenant_id", "address_entry_id", "block_sort_key" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registry_address_entries");

            migrationBuilder.DropTable(
                name: "registry_building_entries");
        }
    }
}
