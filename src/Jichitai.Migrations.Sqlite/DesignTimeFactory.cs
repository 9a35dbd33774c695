using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Microsoft.EntityFrameworkCore.Design;

namespace Jichitai.Migrations.Sqlite;

/// <summary>Used only by `dotnet ef migrations add … --project src/Jichitai.Migrations.Sqlite`.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PlatformDbContext>
{
    public PlatformDbContext CreateDbContext(string[] args) =>
        PlatformDatabase.Create(DatabaseLocation.Parse(Path.Combine(Path.GetTempPath(), "jichitai-design.db"), "/"), TenantScope.System);
}
