using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jichitai.Migrations.PostgreSql.Registry
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    postal_code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    prefecture = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    prefecture_kana = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    municipality = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    municipality_kana = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    town = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    town_kana = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    scheme = table.Column<int>(type: "integer", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    abolished_on = table.Column<DateOnly>(type: "date", nullable: true),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    updated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_address_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registry_building_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<int>(type: "integer", nullable: false),
                    address_entry_id = table.Column<long>(type: "bigint", nullable: false),
                    block_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    block_sort_key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_kana = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    abolished_on = table.Column<DateOnly>(type: "date", nullable: true),
                    updated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                name: "ix_registry_building_entries_tenant_id_address_entry_id_block_",
                table: "registry_building_entries",
                columns: new[] { "tenant_id", "address_entry_id", "block_sort_key" });

            // 住所辞書・方書 are per tenant: row-level security, and entries are abolished, never deleted.
            migrationBuilder.Sql("SELECT jichitai_enable_tenant_isolation('registry_address_entries');");
            migrationBuilder.Sql("SELECT jichitai_enable_tenant_isolation('registry_building_entries');");
            migrationBuilder.Sql("REVOKE DELETE, TRUNCATE ON registry_address_entries, registry_building_entries FROM jichitai_app;");
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
