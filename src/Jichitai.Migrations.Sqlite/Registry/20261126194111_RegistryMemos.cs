using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jichitai.Migrations.Sqlite.Registry
{
    /// <inheritdoc />
    public partial class RegistryMemos : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "registry_memos",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tenant_id = table.Column<int>(type: "INTEGER", nullable: false),
                    resident_id = table.Column<long>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    replaces_memo_id = table.Column<long>(type: "INTEGER", nullable: true),
                    replaced_by_memo_id = table.Column<long>(type: "INTEGER", nullable: true),
                    written_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    written_by_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    written_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    deleted_by_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    deleted_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_memos", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_registry_memos_tenant_id_resident_id",
                table: "registry_memos",
                columns: new[] { "tenant_id", "resident_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registry_memos");
        }
    }
}
