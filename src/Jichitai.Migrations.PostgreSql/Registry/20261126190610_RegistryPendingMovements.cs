using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jichitai.Migrations.PostgreSql.Registry
{
    /// <inheritdoc />
    public partial class RegistryPendingMovements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "registry_pending_movements",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<int>(type: "integer", nullable: false),
                    feature = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    request = table.Column<string>(type: "text", nullable: false),
                    summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    entered_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    entered_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    entered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    decided_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    reject_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    movement_id = table.Column<long>(type: "bigint", nullable: true),
                    idempotency_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_pending_movements", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_registry_pending_movements_tenant_id_idempotency_key",
                table: "registry_pending_movements",
                columns: new[] { "tenant_id", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_registry_pending_movements_tenant_id_status",
                table: "registry_pending_movements",
                columns: new[] { "tenant_id", "status" });
        
            migrationBuilder.Sql("SELECT jichitai_enable_tenant_isolation('registry_pending_movements');");
            migrationBuilder.Sql("REVOKE DELETE, TRUNCATE ON registry_pending_movements FROM jichitai_app;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registry_pending_movements");
        }
    }
}
