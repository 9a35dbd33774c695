using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jichitai.Migrations.Sqlite.Care
{
    /// <inheritdoc />
    public partial class CareInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "care_assessments",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tenant_id = table.Column<int>(type: "INTEGER", nullable: false),
                    fiscal_year = table.Column<int>(type: "INTEGER", nullable: false),
                    addressee_number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    is_current = table.Column<bool>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    run_id = table.Column<long>(type: "INTEGER", nullable: true),
                    ordinance_version = table.Column<int>(type: "INTEGER", nullable: false),
                    stage = table.Column<int>(type: "INTEGER", nullable: false),
                    months = table.Column<int>(type: "INTEGER", nullable: false),
                    annual_premium = table.Column<long>(type: "INTEGER", nullable: false),
                    reduction = table.Column<long>(type: "INTEGER", nullable: false),
                    collection = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    installments = table.Column<string>(type: "TEXT", nullable: false),
                    detail = table.Column<string>(type: "TEXT", nullable: false),
                    february_special = table.Column<long>(type: "INTEGER", nullable: true),
                    cause = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    computed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    computed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_assessments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "care_certificate_issues",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tenant_id = table.Column<int>(type: "INTEGER", nullable: false),
                    addressee_number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    insured_number = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    issued_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    issued_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_certificate_issues", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "care_counters",
                columns: table => new
                {
                    tenant_id = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_counters", x => new { x.tenant_id, x.name });
                });

            migrationBuilder.CreateTable(
                name: "care_imports",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tenant_id = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    fiscal_year = table.Column<int>(type: "INTEGER", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    rows = table.Column<int>(type: "INTEGER", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_imports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "care_incomes",
                columns: table => new
                {
                    tenant_id = table.Column<int>(type: "INTEGER", nullable: false),
                    fiscal_year = table.Column<int>(type: "INTEGER", nullable: false),
                    addressee_number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    total_income = table.Column<long>(type: "INTEGER", nullable: false),
                    taxable_pension_income = table.Column<long>(type: "INTEGER", nullable: false),
                    other_income = table.Column<long>(type: "INTEGER", nullable: false),
                    resident_taxable = table.Column<bool>(type: "INTEGER", nullable: false),
                    public_assistance = table.Column<bool>(type: "INTEGER", nullable: false),
                    old_age_welfare_pension = table.Column<bool>(type: "INTEGER", nullable: false),
                    import_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_incomes", x => new { x.tenant_id, x.fiscal_year, x.addressee_number });
                });

            migrationBuilder.CreateTable(
                name: "care_insured",
                columns: table => new
                {
                    tenant_id = table.Column<int>(type: "INTEGER", nullable: false),
                    addressee_number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    insured_number = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    periods = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    officer_periods = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    cancelled = table.Column<bool>(type: "INTEGER", nullable: false),
                    address_exceptions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    exclusions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_insured", x => new { x.tenant_id, x.addressee_number });
                });

            migrationBuilder.CreateTable(
                name: "care_ordinance_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tenant_id = table.Column<int>(type: "INTEGER", nullable: false),
                    fiscal_year = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    parameters = table.Column<string>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_ordinance_versions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "care_pensions",
                columns: table => new
                {
                    tenant_id = table.Column<int>(type: "INTEGER", nullable: false),
                    fiscal_year = table.Column<int>(type: "INTEGER", nullable: false),
                    addressee_number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    insurer_code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    annual_pension = table.Column<long>(type: "INTEGER", nullable: false),
                    import_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_pensions", x => new { x.tenant_id, x.fiscal_year, x.addressee_number });
                });

            migrationBuilder.CreateTable(
                name: "care_people",
                columns: table => new
                {
                    tenant_id = table.Column<int>(type: "INTEGER", nullable: false),
                    addressee_number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    household_number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    household_history = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    name_kana = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    gender = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    birth_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    postal_code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    became_resident_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    became_resident_reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    removed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    removal_reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    applied_sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_people", x => new { x.tenant_id, x.addressee_number });
                });

            migrationBuilder.CreateTable(
                name: "care_qualification_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tenant_id = table.Column<int>(type: "INTEGER", nullable: false),
                    addressee_number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    before = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    after = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_qualification_changes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "care_reductions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tenant_id = table.Column<int>(type: "INTEGER", nullable: false),
                    fiscal_year = table.Column<int>(type: "INTEGER", nullable: false),
                    addressee_number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    rule_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    from_month = table.Column<int>(type: "INTEGER", nullable: false),
                    to_month = table.Column<int>(type: "INTEGER", nullable: false),
                    details = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    entered_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    entered_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    entered_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    decided_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    decision_note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_reductions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "care_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tenant_id = table.Column<int>(type: "INTEGER", nullable: false),
                    fiscal_year = table.Column<int>(type: "INTEGER", nullable: false),
                    ordinance_version = table.Column<int>(type: "INTEGER", nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    started_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    total = table.Column<int>(type: "INTEGER", nullable: false),
                    processed = table.Column<int>(type: "INTEGER", nullable: false),
                    cursor = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    changed = table.Column<int>(type: "INTEGER", nullable: false),
                    totals = table.Column<string>(type: "TEXT", nullable: true),
                    lease_owner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    lease_until = table.Column<DateTime>(type: "TEXT", nullable: true),
                    error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_runs", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_care_assessments_tenant_id_fiscal_year_addressee_number_revision",
                table: "care_assessments",
                columns: new[] { "tenant_id", "fiscal_year", "addressee_number", "revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_care_assessments_tenant_id_fiscal_year_is_current",
                table: "care_assessments",
                columns: new[] { "tenant_id", "fiscal_year", "is_current" });

            migrationBuilder.CreateIndex(
                name: "ix_care_certificate_issues_tenant_id_addressee_number",
                table: "care_certificate_issues",
                columns: new[] { "tenant_id", "addressee_number" });

            migrationBuilder.CreateIndex(
                name: "ix_care_insured_tenant_id_insured_number",
                table: "care_insured",
                columns: new[] { "tenant_id", "insured_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_care_ordinance_versions_tenant_id_fiscal_year_version",
                table: "care_ordinance_versions",
                columns: new[] { "tenant_id", "fiscal_year", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_care_people_tenant_id_household_number",
                table: "care_people",
                columns: new[] { "tenant_id", "household_number" });

            migrationBuilder.CreateIndex(
                name: "ix_care_qualification_changes_tenant_id_addressee_number_at",
                table: "care_qualification_changes",
                columns: new[] { "tenant_id", "addressee_number", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_care_reductions_tenant_id_fiscal_year_addressee_number",
                table: "care_reductions",
                columns: new[] { "tenant_id", "fiscal_year", "addressee_number" });

            migrationBuilder.CreateIndex(
                name: "ix_care_runs_tenant_id_fiscal_year_started_at",
                table: "care_runs",
                columns: new[] { "tenant_id", "fiscal_year", "started_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "care_assessments");

            migrationBuilder.DropTable(
                name: "care_certificate_issues");

            migrationBuilder.DropTable(
                name: "care_counters");

            migrationBuilder.DropTable(
                name: "care_imports");

            migrationBuilder.DropTable(
                name: "care_incomes");

            migrationBuilder.DropTable(
                name: "care_insured");

            migrationBuilder.DropTable(
                name: "care_ordinance_versions");

            migrationBuilder.DropTable(
                name: "care_pensions");

            migrationBuilder.DropTable(
                name: "care_people");

            migrationBuilder.DropTable(
                name: "care_qualification_changes");

            migrationBuilder.DropTable(
                name: "care_reductions");

            migrationBuilder.DropTable(
                name: "care_runs");
        }
    }
}
