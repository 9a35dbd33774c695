using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jichitai.Migrations.PostgreSql.Platform
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
                    tenant_id = table.Column<int>(type: "integer", nullable: false),
                    last_sequence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_integration_event_sequences", x => x.tenant_id);
                });

            migrationBuilder.CreateTable(
                name: "platform_integration_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<int>(type: "integer", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    schema_version = table.Column<int>(type: "integer", nullable: false),
                    subject_key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    committed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    payload = table.Column<string>(type: "text", nullable: false)
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

            // The outbox is tenant-owned like every row; the application appends and never rewrites it.
            migrationBuilder.Sql("SELECT jichitai_enable_tenant_isolation('platform_integration_events');");
            migrationBuilder.Sql("SELECT jichitai_enable_tenant_isolation('platform_integration_event_sequences');");
            migrationBuilder.Sql("REVOKE UPDATE, DELETE, TRUNCATE ON platform_integration_events FROM jichitai_app;");
            migrationBuilder.Sql("REVOKE DELETE, TRUNCATE ON platform_integration_event_sequences FROM jichitai_app;");
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
