using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Linkage.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace Jichitai.Migrations.Sqlite;

/// <summary>Used only by `dotnet ef migrations add … --context LinkageDbContext --project src/Jichitai.Migrations.Sqlite`.</summary>
public sealed class LinkageDesignTimeFactory : IDesignTimeDbContextFactory<LinkageDbContext>
{
    public LinkageDbContext CreateDbContext(string[] args) =>
        LinkageDatabase.Create(DatabaseLocation.Parse(Path.Combine(Path.GetTempPath(), "jichitai-design.db"), "/"), TenantScope.System);
}
