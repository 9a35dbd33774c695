namespace Jichitai.Platform.Persistence;

public enum DatabaseProvider { Sqlite, PostgreSql }

/// <summary>
/// The one rule for server and CLI alike: <c>--database</c>, else <c>JICHITAI_DATABASE</c>, else
/// the SQLite file data/jichitai.db under the working directory. A value is either an SQLite file
/// path or a PostgreSQL connection string (recognised by its Host= key).
/// </summary>
public sealed record DatabaseLocation(DatabaseProvider Provider, string ConnectionString, string Display)
{
    public const string EnvironmentVariable = "JICHITAI_DATABASE";
    public static readonly string DefaultSqliteFile = Path.Combine("data", "jichitai.db");

    public static DatabaseLocation Resolve(string? option, string? environment, string workingDirectory)
    {
        var value = !string.IsNullOrWhiteSpace(option) ? option
            : !string.IsNullOrWhiteSpace(environment) ? environment
            : Path.Combine(workingDirectory, DefaultSqliteFile);
        return Parse(value, workingDirectory);
    }

    public static DatabaseLocation Parse(string value, string workingDirectory)
    {
        if (LooksLikePostgres(value))
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(value);
            return new DatabaseLocation(DatabaseProvider.PostgreSql, builder.ConnectionString,
                $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}");
        }
        var path = value.StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase)
            ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(value).DataSource
            : value;
        path = Path.GetFullPath(path, workingDirectory);
        var cs = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder
        {
            DataSource = path,
            ForeignKeys = true,
            Pooling = true,
        }.ToString();
        return new DatabaseLocation(DatabaseProvider.Sqlite, cs, $"SQLite {path}");
    }

    public string? SqliteFile => Provider == DatabaseProvider.Sqlite
        ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource : null;

    private static bool LooksLikePostgres(string value) =>
        value.Contains("Host=", StringComparison.OrdinalIgnoreCase)
        || value.Contains("Server=", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);
}
