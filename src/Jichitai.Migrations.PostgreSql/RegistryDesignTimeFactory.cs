using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace Jichitai.Migrations.PostgreSql;

/// <summary>Used only by `dotnet ef migrations add … --context RegistryDbContext --project src/Jichitai.Migrations.PostgreSql`.</summary>
public sealed class RegistryDesignTimeFactory : IDesignTimeDbContextFactory<RegistryDbContext>
{
    public RegistryDbContext CreateDbContext(string[] args) =>
        RegistryDatabase.Create(DatabaseLocation.Parse("Host=127.0.0.1;Port=5432;Database=jichitai_design;Username=postgres", "/"), TenantScope.System);
}
