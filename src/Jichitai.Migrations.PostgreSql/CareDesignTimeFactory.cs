using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Care.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace Jichitai.Migrations.PostgreSql;

/// <summary>Used only by `dotnet ef migrations add … --context CareDbContext --project src/Jichitai.Migrations.PostgreSql`.</summary>
public sealed class CareDesignTimeFactory : IDesignTimeDbContextFactory<CareDbContext>
{
    public CareDbContext CreateDbContext(string[] args) =>
        CareDatabase.Create(DatabaseLocation.Parse("Host=127.0.0.1;Port=5432;Database=jichitai_design;Username=postgres", "/"), TenantScope.System);
}
