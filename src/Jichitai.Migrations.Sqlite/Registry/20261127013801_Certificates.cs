using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jichitai.Migrations.Sqlite.Registry
{
    /// <inheritdoc />
    public partial class Certificates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "registry_certificate_issues",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tenant_id = table.Column<int>(type: "INTEGER", nullable: false),
                    issue_number = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    serial = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    layout = table.Column<int>(type: "INTEGER", nullable: false),
                    items = table.Column<int>(type: "INTEGER", nullable: false),
                    whole_household = table.Column<bool>(type: "INTEGER", nullable: false),
                    requester_type = table.Column<int>(type: "INTEGER", nullable: false),
                    requester_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    requester_address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    requester_relation = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    identity_document = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    agency = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    fee = table.Column<int>(type: "INTEGER", nullable: false),
                    pages = table.Column<int>(type: "INTEGER", nullable: false),
                    issued_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    issued_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    issued_by_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    issued_location = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    issued_terminal = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    client_address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    verification_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    reissue_of_id = table.Column<long>(type: "INTEGER", nullable: true),
                    snapshot = table.Column<string>(type: "TEXT", nullable: false),
                    idempotency_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    request_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    verify_base_url = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    acknowledged_notices = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    exception_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    exception_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    disposed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    disposed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    dispose_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_certificate_issues", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registry_restriction_offenders",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tenant_id = table.Column<int>(type: "INTEGER", nullable: false),
                    restriction_id = table.Column<long>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    name_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kana = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    birth_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_restriction_offenders", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registry_certificate_subjects",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tenant_id = table.Column<int>(type: "INTEGER", nullable: false),
                    issue_id = table.Column<long>(type: "INTEGER", nullable: false),
                    resident_id = table.Column<long>(type: "INTEGER", nullable: false),
                    addressee_number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_certificate_subjects", x => x.id);
                    table.ForeignKey(
                        name: "fk_registry_certificate_subjects_registry_certificate_issues_issue_id",
                        column: x => x.issue_id,
                        principalTable: "registry_certificate_issues",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_registry_certificate_issues_tenant_id_idempotency_key",
                table: "registry_certificate_issues",
                columns: new[] { "tenant_id", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_registry_certificate_issues_tenant_id_issue_number",
                table: "registry_certificate_issues",
                columns: new[] { "tenant_id", "issue_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_registry_certificate_issues_tenant_id_issued_at",
                table: "registry_certificate_issues",
                columns: new[] { "tenant_id", "issued_at" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_certificate_issues_tenant_id_verification_code",
                table: "registry_certificate_issues",
                columns: new[] { "tenant_id", "verification_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_registry_certificate_subjects_issue_id",
                table: "registry_certificate_subjects",
                column: "issue_id");

            migrationBuilder.CreateIndex(
                name: "ix_registry_certificate_subjects_tenant_id_resident_id_issue_id",
                table: "registry_certificate_subjects",
                columns: new[] { "tenant_id", "resident_id", "issue_id" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_restriction_offenders_tenant_id_name_key",
                table: "registry_restriction_offenders",
                columns: new[] { "tenant_id", "name_key" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_restriction_offenders_tenant_id_restriction_id",
                table: "registry_restriction_offenders",
                columns: new[] { "tenant_id", "restriction_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registry_certificate_subjects");

            migrationBuilder.DropTable(
                name: "registry_restriction_offenders");

            migrationBuilder.DropTable(
                name: "registry_certificate_issues");
        }
    }
}
