using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jichitai.Migrations.Sqlite.Registry
{
    /// <inheritdoc />
    public partial class RegistrySearchIndexOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_registry_residents_tenant_id_address_key",
                table: "registry_residents");

            migrationBuilder.DropIndex(
                name: "ix_registry_residents_tenant_id_fuzzy_kana_key",
                table: "registry_residents");

            migrationBuilder.DropIndex(
                name: "ix_registry_residents_tenant_id_given_kana_key",
                table: "registry_residents");

            migrationBuilder.DropIndex(
                name: "ix_registry_residents_tenant_id_kana_key",
                table: "registry_residents");

            migrationBuilder.DropIndex(
                name: "ix_registry_residents_tenant_id_name_key",
                table: "registry_residents");

            migrationBuilder.CreateIndex(
                name: "ix_registry_residents_tenant_id_address_key_id",
                table: "registry_residents",
                columns: new[] { "tenant_id", "address_key", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_residents_tenant_id_fuzzy_kana_key_id",
                table: "registry_residents",
                columns: new[] { "tenant_id", "fuzzy_kana_key", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_residents_tenant_id_given_kana_key_id",
                table: "registry_residents",
                columns: new[] { "tenant_id", "given_kana_key", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_residents_tenant_id_kana_key_id",
                table: "registry_residents",
                columns: new[] { "tenant_id", "kana_key", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_residents_tenant_id_name_key_id",
                table: "registry_residents",
                columns: new[] { "tenant_id", "name_key", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_registry_residents_tenant_id_address_key_id",
                table: "registry_residents");

            migrationBuilder.DropIndex(
                name: "ix_registry_residents_tenant_id_fuzzy_kana_key_id",
                table: "registry_residents");

            migrationBuilder.DropIndex(
                name: "ix_registry_residents_tenant_id_given_kana_key_id",
                table: "registry_residents");

            migrationBuilder.DropIndex(
                name: "ix_registry_residents_tenant_id_kana_key_id",
                table: "registry_residents");

            migrationBuilder.DropIndex(
                name: "ix_registry_residents_tenant_id_name_key_id",
                table: "registry_residents");

            migrationBuilder.CreateIndex(
                name: "ix_registry_residents_tenant_id_address_key",
                table: "registry_residents",
                columns: new[] { "tenant_id", "address_key" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_residents_tenant_id_fuzzy_kana_key",
                table: "registry_residents",
                columns: new[] { "tenant_id", "fuzzy_kana_key" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_residents_tenant_id_given_kana_key",
                table: "registry_residents",
                columns: new[] { "tenant_id", "given_kana_key" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_residents_tenant_id_kana_key",
                table: "registry_residents",
                columns: new[] { "tenant_id", "kana_key" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_residents_tenant_id_name_key",
                table: "registry_residents",
                columns: new[] { "tenant_id", "name_key" });
        }
    }
}
