using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jichitai.Migrations.PostgreSql.Registry
{
    /// <inheritdoc />
    public partial class BirthDateKanaIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_registry_residents_tenant_id_birth_date",
                table: "registry_residents");

            migrationBuilder.CreateIndex(
                name: "ix_registry_residents_tenant_id_birth_date_kana_key_id",
                table: "registry_residents",
                columns: new[] { "tenant_id", "birth_date", "kana_key", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_registry_residents_tenant_id_birth_date_kana_key_id",
                table: "registry_residents");

            migrationBuilder.CreateIndex(
                name: "ix_registry_residents_tenant_id_birth_date",
                table: "registry_residents",
                columns: new[] { "tenant_id", "birth_date" });
        }
    }
}
