using Jichitai.Platform.Persistence;
using Npgsql;
using Xunit;

namespace Jichitai.Testing;

/// <summary>A fresh, migrated database on one provider, with its own key directory. Dispose drops it.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public PlatformSettings Settings { get; }
    public DatabaseProvider Provider => Settings.Database.Provider;
    private readonly string _name;
    private readonly string _tempDir;

    private TestDatabase(PlatformSettings settings, string name, string tempDir) { Settings = settings; _name = name; _tempDir = tempDir; }

    /// <summary>Both providers: every persistence test is a theory over this.</summary>
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql };

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true)
    {
        var name = "t" + Guid.NewGuid().ToString("N")[..16];
        var tempDir = Directory.CreateTempSubdirectory("jichitai-test-").FullName;
        DatabaseLocation location;
        if (provider == DatabaseProvider.PostgreSql)
        {
            var server = PostgresServer.Instance;
            await using (var admin = new NpgsqlConnection(server.ConnectionString("postgres")))
            {
                await admin.OpenAsync();
                await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
                await cmd.ExecuteNonQueryAsync();
            }
            location = DatabaseLocation.Parse(server.ConnectionString(name), tempDir);
        }
        else
        {
            location = DatabaseLocation.Parse(Path.Combine(tempDir, "jichitai.db"), tempDir);
        }
        var db = new TestDatabase(new PlatformSettings(location, Path.Combine(tempDir, "keys")), name, tempDir);
        if (migrate) await new DatabaseMigrator(db.Settings, [new Jichitai.Registry.Persistence.RegistryMigrations(), new Jichitai.Linkage.Persistence.LinkageMigrations(), new Jichitai.Care.Persistence.CareMigrations()]).MigrateAsync();
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.PostgreSql)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(PostgresServer.Instance.ConnectionString("postgres"));
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
        try { Directory.Delete(_tempDir, true); } catch (IOException) { /* a file still open: leave it to the OS */ }
    }
}
