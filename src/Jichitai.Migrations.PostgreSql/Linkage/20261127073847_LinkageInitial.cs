using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jichitai.Migrations.PostgreSql.Linkage
{
    /// <inheritdoc />
    public partial class LinkageInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "linkage_consumers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    personal_number_use = table.Column<bool>(type: "boolean", nullable: false),
                    needs_support_measures = table.Column<bool>(type: "boolean", nullable: false),
                    items = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    api_key_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    api_key_prefix = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    webhook_url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    webhook_secret_protected = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    file_encoding = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    cursor = table.Column<long>(type: "bigint", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    max_attempts = table.Column<int>(type: "integer", nullable: false),
                    delivery_interval_minutes = table.Column<int>(type: "integer", nullable: false),
                    failed_attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    last_error_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_delivered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    lease_owner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    lease_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_linkage_consumers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "linkage_delivery_failures",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<int>(type: "integer", nullable: false),
                    consumer_id = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    from_sequence = table.Column<long>(type: "bigint", nullable: false),
                    to_sequence = table.Column<long>(type: "bigint", nullable: false),
                    attempt = table.Column<int>(type: "integer", nullable: false),
                    error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    dead_lettered = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_linkage_delivery_failures", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_linkage_consumers_api_key_hash",
                table: "linkage_consumers",
                column: "api_key_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_linkage_consumers_tenant_id_name",
                table: "linkage_consumers",
                columns: new[] { "tenant_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_linkage_delivery_failures_tenant_id_consumer_id_at",
                table: "linkage_delivery_failures",
                columns: new[] { "tenant_id", "consumer_id", "at" });

            migrationBuilder.Sql("SELECT jichitai_enable_tenant_isolation('linkage_consumers');");
            migrationBuilder.Sql("SELECT jichitai_enable_tenant_isolation('linkage_delivery_failures');");
            migrationBuilder.Sql("REVOKE ALL ON linkage_ef_migrations FROM jichitai_app;");
            migrationBuilder.Sql("REVOKE UPDATE, DELETE, TRUNCATE ON linkage_delivery_failures FROM jichitai_app;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "linkage_consumers");

            migrationBuilder.DropTable(
                name: "linkage_delivery_failures");
        }
    }
}
