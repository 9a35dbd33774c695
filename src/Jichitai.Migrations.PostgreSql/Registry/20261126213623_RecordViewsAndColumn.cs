using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jichitai.Migrations.PostgreSql.Registry
{
    /// <inheritdoc />
    public partial class RecordViewsAndColumn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "client_address",
                table: "registry_movements",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "input_location",
                table: "registry_movements",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "input_terminal",
                table: "registry_movements",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "special_reason",
                table: "registry_movements",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "registry_de_facto_heads",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<int>(type: "integer", nullable: false),
                    household_id = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    from_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    end_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ended_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_de_facto_heads", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registry_input_locations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    ward = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_input_locations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registry_input_terminals",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<int>(type: "integer", nullable: false),
                    location_id = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    client_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_input_terminals", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registry_record_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<int>(type: "integer", nullable: false),
                    resident_id = table.Column<long>(type: "bigint", nullable: false),
                    type = table.Column<int>(type: "integer", nullable: false),
                    category = table.Column<int>(type: "integer", nullable: false),
                    movement_id = table.Column<long>(type: "bigint", nullable: true),
                    item = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    recorded_on = table.Column<DateOnly>(type: "date", nullable: false),
                    de_facto_head_id = table.Column<long>(type: "bigint", nullable: true),
                    written_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    written_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    deleted_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_record_entries", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_registry_de_facto_heads_tenant_id_household_id",
                table: "registry_de_facto_heads",
                columns: new[] { "tenant_id", "household_id" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_input_locations_tenant_id_code",
                table: "registry_input_locations",
                columns: new[] { "tenant_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_registry_input_terminals_tenant_id_client_address",
                table: "registry_input_terminals",
                columns: new[] { "tenant_id", "client_address" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_input_terminals_tenant_id_name",
                table: "registry_input_terminals",
                columns: new[] { "tenant_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_registry_record_entries_tenant_id_de_facto_head_id",
                table: "registry_record_entries",
                columns: new[] { "tenant_id", "de_facto_head_id" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_record_entries_tenant_id_resident_id",
                table: "registry_record_entries",
                columns: new[] { "tenant_id", "resident_id" });

            migrationBuilder.Sql("SELECT jichitai_enable_tenant_isolation('registry_record_entries');");
            migrationBuilder.Sql("REVOKE DELETE, TRUNCATE ON registry_record_entries FROM jichitai_app;");
            migrationBuilder.Sql("SELECT jichitai_enable_tenant_isolation('registry_de_facto_heads');");
            migrationBuilder.Sql("REVOKE DELETE, TRUNCATE ON registry_de_facto_heads FROM jichitai_app;");
            migrationBuilder.Sql("SELECT jichitai_enable_tenant_isolation('registry_input_locations');");
            migrationBuilder.Sql("REVOKE DELETE, TRUNCATE ON registry_input_locations FROM jichitai_app;");
            migrationBuilder.Sql("SELECT jichitai_enable_tenant_isolation('registry_input_terminals');");
            migrationBuilder.Sql("REVOKE DELETE, TRUNCATE ON registry_input_terminals FROM jichitai_app;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registry_de_facto_heads");

            migrationBuilder.DropTable(
                name: "registry_input_locations");

            migrationBuilder.DropTable(
                name: "registry_input_terminals");

            migrationBuilder.DropTable(
                name: "registry_record_entries");

            migrationBuilder.DropColumn(
                name: "client_address",
                table: "registry_movements");

            migrationBuilder.DropColumn(
                name: "input_location",
                table: "registry_movements");

            migrationBuilder.DropColumn(
                name: "input_terminal",
                table: "registry_movements");

            migrationBuilder.DropColumn(
                name: "special_reason",
                table: "registry_movements");
        }
    }
}
