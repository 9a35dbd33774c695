using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jichitai.Migrations.PostgreSql.Registry
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<int>(type: "integer", nullable: false),
                    resident_id = table.Column<long>(type: "bigint", nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    replaces_memo_id = table.Column<long>(type: "bigint", nullable: true),
                    replaced_by_memo_id = table.Column<long>(type: "bigint", nullable: true),
                    written_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    written_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    written_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    deleted_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_memos", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_registry_memos_tenant_id_resident_id",
                table: "registry_memos",
                columns: new[] { "tenant_id", "resident_id" });
        
            migrationBuilder.Sql("SELECT jichitai_enable_tenant_isolation('registry_memos');");
            migrationBuilder.Sql("REVOKE DELETE, TRUNCATE ON registry_memos FROM jichitai_app;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registry_memos");
        }
    }
}
