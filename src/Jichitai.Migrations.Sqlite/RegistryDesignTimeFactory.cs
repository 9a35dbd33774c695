using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace Jichitai.Migrations.Sqlite;

/// <summary>Used only by `dotnet ef migrations add … --context RegistryDbContext --project src/Jichitai.Migrations.Sqlite`.</summary>
public sealed class RegistryDesignTimeFactory : IDesignTimeDbContextFactory<RegistryDbContext>
{
    public RegistryDbContext CreateDbContext(string[] args) =>
        RegistryDatabase.Create(DatabaseLocation.Parse(Path.Combine(Path.GetTempPath(), "jichitai-design.db"), "/"), TenantScope.System);
}
