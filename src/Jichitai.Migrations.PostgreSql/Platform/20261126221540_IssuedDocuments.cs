using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jichitai.Migrations.PostgreSql.Platform
{
    /// <inheritdoc />
    public partial class IssuedDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "platform_issued_documents",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character(16)", fixedLength: true, maxLength: 16, nullable: false),
                    kind = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    issued_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_issued_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_platform_issued_documents_platform_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "platform_tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_platform_issued_documents_code",
                table: "platform_issued_documents",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_platform_issued_documents_tenant_id_issued_at",
                table: "platform_issued_documents",
                columns: new[] { "tenant_id", "issued_at" });

            // Tenant-owned like every platform row; the record of an issue is never changed or removed by the application.
            migrationBuilder.Sql("SELECT jichitai_enable_tenant_isolation('platform_issued_documents');");
            migrationBuilder.Sql("REVOKE UPDATE, DELETE, TRUNCATE ON platform_issued_documents FROM jichitai_app;");
            // The public check knows a code but no tenant: this owner-run function returns only the row with that exact
            // code (the code is the capability), so row-level security stays on for every other query.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION jichitai_find_issued_document(lookup_code text) RETURNS SETOF platform_issued_documents
                  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
                  $f$ SELECT * FROM platform_issued_documents WHERE code = lookup_code $f$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS jichitai_find_issued_document(text);");
            migrationBuilder.DropTable(
                name: "platform_issued_documents");
        }
    }
}
