using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jichitai.Migrations.Sqlite.Platform
{
    /// <inheritdoc />
    public partial class IntegrationEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "platform_integration_event_sequences",
                columns: table => new
                {
                    tenant_id = table.Column<int>(type: "INTEGER", nullable: false),
                    last_sequence = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_integration_event_sequences", x => x.tenant_id);
                });

            migrationBuilder.CreateTable(
                name: "platform_integration_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tenant_id = table.Column<int>(type: "INTEGER", nullable: false),
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    event_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    schema_version = table.Column<int>(type: "INTEGER", nullable: false),
                    subject_key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    committed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_integration_events", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_platform_integration_events_event_id",
                table: "platform_integration_events",
                column: "event_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_platform_integration_events_tenant_id_sequence",
                table: "platform_integration_events",
                columns: new[] { "tenant_id", "sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "platform_integration_event_sequences");

            migrationBuilder.DropTable(
                name: "platform_integration_events");
        }
    }
}
