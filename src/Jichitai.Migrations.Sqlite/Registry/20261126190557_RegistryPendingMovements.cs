using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jichitai.Migrations.Sqlite.Registry
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tenant_id = table.Column<int>(type: "INTEGER", nullable: false),
                    feature = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    request = table.Column<string>(type: "TEXT", nullable: false),
                    summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    entered_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    entered_by_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    entered_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    decided_by_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    decided_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    reject_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    movement_id = table.Column<long>(type: "INTEGER", nullable: true),
                    idempotency_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registry_pending_movements");
        }
    }
}
