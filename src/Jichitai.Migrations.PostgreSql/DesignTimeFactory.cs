using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Microsoft.EntityFrameworkCore.Design;

namespace Jichitai.Migrations.PostgreSql;

/// <summary>Used only by `dotnet ef migrations add … --project src/Jichitai.Migrations.PostgreSql` (no server needed).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PlatformDbContext>
{
    public PlatformDbContext CreateDbContext(string[] args) =>
        PlatformDatabase.Create(DatabaseLocation.Parse("Host=127.0.0.1;Port=5432;Database=jichitai_design;Username=postgres", "/"), TenantScope.System);
}
