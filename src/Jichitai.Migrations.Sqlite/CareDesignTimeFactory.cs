using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Care.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace Jichitai.Migrations.Sqlite;

/// <summary>Used only by `dotnet ef migrations add … --context CareDbContext --project src/Jichitai.Migrations.Sqlite`.</summary>
public sealed class CareDesignTimeFactory : IDesignTimeDbContextFactory<CareDbContext>
{
    public CareDbContext CreateDbContext(string[] args) =>
        CareDatabase.Create(DatabaseLocation.Parse(Path.Combine(Path.GetTempPath(), "jichitai-design.db"), "/"), TenantScope.System);
}
