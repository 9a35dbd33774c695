using System.Data.Common;
using Jichitai.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Platform.Persistence;

/// <summary>Configures any module's DbContext for the resolved database, with its own migration history table.</summary>
public static class PlatformDatabase
{
    public const string SqliteMigrationsAssembly = "Jichitai.Migrations.Sqlite";
    public const string PostgreSqlMigrationsAssembly = "Jichitai.Migrations.PostgreSql";
    private static readonly TenantSessionInterceptor Interceptor = new();
    private static readonly ScopeModelGuard Guard = new();

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseLocation location, string historyTable)
    {
        switch (location.Provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteDirectory(location);
                builder.UseSqlite(location.ConnectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly).MigrationsHistoryTable(historyTable));
                break;
            case DatabaseProvider.PostgreSql:
                builder.UseNpgsql(location.ConnectionString, o => o.MigrationsAssembly(PostgreSqlMigrationsAssembly).MigrationsHistoryTable(historyTable));
                break;
        }
        return Common(builder);
    }

    private static DbContextOptionsBuilder Common(DbContextOptionsBuilder builder) => builder
        .UseSnakeCaseNamingConvention()
        .AddInterceptors(Interceptor, Guard)
        .ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, ScopeKindModelCacheKeyFactory>();

    public static DbContextOptions<PlatformDbContext> PlatformOptions(DatabaseLocation location) =>
        (DbContextOptions<PlatformDbContext>)Configure(new DbContextOptionsBuilder<PlatformDbContext>(), location, "platform_ef_migrations").Options;

    /// <summary>A context bound to an explicit scope (audit appends, CLI commands, background jobs).</summary>
    public static PlatformDbContext Create(DatabaseLocation location, TenantScope scope) =>
        new(PlatformOptions(location), new TenantScopeAccessor { Scope = scope });

    /// <summary>
    /// A platform context on a module's already-open connection, so that a module's change and its access-log line
    /// commit in one transaction (join it with <c>Database.UseTransaction</c>).
    /// </summary>
    public static PlatformDbContext CreateOnConnection(DbConnection connection, TenantScope scope)
    {
        var builder = new DbContextOptionsBuilder<PlatformDbContext>();
        if (connection is Npgsql.NpgsqlConnection) builder.UseNpgsql(connection);
        else builder.UseSqlite(connection);
        Common(builder);
        return new PlatformDbContext(builder.Options, new TenantScopeAccessor { Scope = scope });
    }

    private static void EnsureSqliteDirectory(DatabaseLocation location)
    {
        var dir = Path.GetDirectoryName(location.SqliteFile);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
    }
}
