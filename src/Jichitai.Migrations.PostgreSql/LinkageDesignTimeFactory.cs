using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Linkage.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace Jichitai.Migrations.PostgreSql;

/// <summary>Used only by `dotnet ef migrations add … --context LinkageDbContext --project src/Jichitai.Migrations.PostgreSql`.</summary>
public sealed class LinkageDesignTimeFactory : IDesignTimeDbContextFactory<LinkageDbContext>
{
    public LinkageDbContext CreateDbContext(string[] args) =>
        LinkageDatabase.Create(DatabaseLocation.Parse("Host=127.0.0.1;Port=5432;Database=jichitai_design;Username=postgres", "/"), TenantScope.System);
}
