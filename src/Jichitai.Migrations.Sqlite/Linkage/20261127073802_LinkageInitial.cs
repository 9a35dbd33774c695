using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jichitai.Migrations.Sqlite.Linkage
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tenant_id = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    personal_number_use = table.Column<bool>(type: "INTEGER", nullable: false),
                    needs_support_measures = table.Column<bool>(type: "INTEGER", nullable: false),
                    items = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    api_key_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    api_key_prefix = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    webhook_url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    webhook_secret_protected = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    file_encoding = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    cursor = table.Column<long>(type: "INTEGER", nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    max_attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    delivery_interval_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    failed_attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    last_error_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_delivered_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    lease_owner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    lease_until = table.Column<DateTime>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_linkage_consumers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "linkage_delivery_failures",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tenant_id = table.Column<int>(type: "INTEGER", nullable: false),
                    consumer_id = table.Column<long>(type: "INTEGER", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    from_sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    to_sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    dead_lettered = table.Column<bool>(type: "INTEGER", nullable: false)
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
