using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jichitai.Migrations.Sqlite.Registry
{
    /// <inheritdoc />
    public partial class RegistryFuzzyKana : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "fuzzy_kana_key",
                table: "registry_residents",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "given_kana_key",
                table: "registry_residents",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "ix_registry_residents_tenant_id_fuzzy_kana_key",
                table: "registry_residents",
                columns: new[] { "tenant_id", "fuzzy_kana_key" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_residents_tenant_id_given_kana_key",
                table: "registry_residents",
                columns: new[] { "tenant_id", "given_kana_key" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_registry_residents_tenant_id_fuzzy_kana_key",
                table: "registry_residents");

            migrationBuilder.DropIndex(
                name: "ix_registry_residents_tenant_id_given_kana_key",
                table: "registry_residents");

            migrationBuilder.DropColumn(
                name: "fuzzy_kana_key",
                table: "registry_residents");

            migrationBuilder.DropColumn(
                name: "given_kana_key",
                table: "registry_residents");
        }
    }
}
