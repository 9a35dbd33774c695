using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Jichitai.Registry.Persistence;

/// <summary>
/// Writes many rows of the registry's tables inside the caller's open transaction: binary COPY on PostgreSQL, one prepared
/// INSERT per table on SQLite. Columns come from the EF model (one schema, no second list to keep in step); ids are assigned
/// here, so rows can point at each other before they are written.
/// </summary>
internal abstract class BulkWriter
{
    private const int BatchSize = 10_000;
    private readonly Dictionary<Type, TableMap> _maps = [];
    private readonly Dictionary<Type, List<object>> _pending = [];
    protected readonly DbConnection Connection;
    protected readonly DbTransaction Transaction;

    protected BulkWriter(RegistryDbContext db)
    {
        Connection = db.Database.GetDbConnection();
        Transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("BulkWriter needs an open transaction");
        foreach (var type in new[] { typeof(HouseholdRow), typeof(ResidentRow), typeof(MovementRow), typeof(ResidentVersionRow),
                     typeof(RestrictionRow), typeof(CertificateIssueRow), typeof(CertificateSubjectRow) })
            _maps[type] = TableMap.Of(db.Model.FindEntityType(type)!);
    }

    public static async Task<BulkWriter> OpenAsync(RegistryDbContext db, CancellationToken ct)
    {
        BulkWriter writer = db.Database.IsNpgsql() ? await PostgresBulkWriter.CreateAsync(db, ct) : new SqliteBulkWriter(db);
        return writer;
    }

    /// <summary>Test seam: load through temporary tables even when the role could COPY directly (the path of non-superuser owners).</summary>
    internal static bool AlwaysStage { get; set; }

    public long RowsWritten { get; private set; }

    /// <summary>Queues a row; full batches are written at once.</summary>
    public async ValueTask AddAsync<T>(T row, CancellationToken ct) where T : class
    {
        if (!_pending.TryGetValue(typeof(T), out var list)) _pending[typeof(T)] = list = new List<object>(BatchSize);
        list.Add(row);
        if (list.Count >= BatchSize) await FlushAsync(typeof(T), list, ct);
    }

    /// <summary>Writes every queued row.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        // Parents first: a household before its members, a resident before its versions.
        foreach (var type in _maps.Keys)
            if (_pending.TryGetValue(type, out var list) && list.Count > 0) await FlushAsync(type, list, ct);
        await CompleteAsync(ct);
    }

    private async Task FlushAsync(Type type, List<object> rows, CancellationToken ct)
    {
        await WriteAsync(_maps[type], rows, ct);
        RowsWritten += rows.Count;
        rows.Clear();
    }

    /// <summary>The next id of a table (its own sequence on PostgreSQL, max + 1 under the write lock on SQLite).</summary>
    public abstract ValueTask<long> NextIdAsync<T>(CancellationToken ct);

    protected abstract Task WriteAsync(TableMap map, List<object> rows, CancellationToken ct);

    protected virtual Task CompleteAsync(CancellationToken ct) => Task.CompletedTask;

    protected string TableOf<T>() => _maps[typeof(T)].Table;

    /// <summary>A table's name and its columns with their store type and a getter that applies the model's converter.</summary>
    protected sealed record TableMap(string Table, IReadOnlyList<ColumnMap> Columns)
    {
        public static TableMap Of(Microsoft.EntityFrameworkCore.Metadata.IEntityType entity) => new(entity.GetTableName()!,
            entity.GetProperties().Select(p =>
            {
                var mapping = p.GetRelationalTypeMapping();
                var getter = p.GetGetter();
                var converter = mapping.Converter;
                return new ColumnMap(p.GetColumnName(), BaseType(mapping.StoreType), row =>
                {
                    var value = getter.GetClrValueUsingContainingEntity(row);
                    return value is null ? null : converter is null ? value : converter.ConvertToProvider(value);
                });
            }).ToList());

        private static string BaseType(string storeType) => storeType.IndexOf('(') is var i and > 0 ? storeType[..i] : storeType;
    }

    protected sealed record ColumnMap(string Name, string StoreType, Func<object, object?> Get);
}

internal sealed class PostgresBulkWriter : BulkWriter
{
    private readonly Dictionary<Type, Queue<long>> _ids = [];
    private readonly bool _staged;
    private readonly HashSet<string> _stagedTables = [];

    private PostgresBulkWriter(RegistryDbContext db, bool staged) : base(db) => _staged = staged;

    public static async Task<PostgresBulkWriter> CreateAsync(RegistryDbContext db, CancellationToken ct)
    {
        // COPY FROM is refused on a table under row-level security unless the role bypasses it; other roles load through
        // a temporary table and one INSERT … SELECT per table, which the owner's policy admits.
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user";
        var bypass = await cmd.ExecuteScalarAsync(ct) is true;
        return new PostgresBulkWriter(db, staged: !bypass || AlwaysStage);
    }

    public override async ValueTask<long> NextIdAsync<T>(CancellationToken ct)
    {
        if (!_ids.TryGetValue(typeof(T), out var queue)) _ids[typeof(T)] = queue = new Queue<long>();
        if (queue.Count == 0)
        {
            await using var cmd = (NpgsqlCommand)Connection.CreateCommand();
            cmd.Transaction = (NpgsqlTransaction)Transaction;
            cmd.CommandText = $"SELECT nextval(pg_get_serial_sequence('{TableOf<T>()}', 'id')) FROM generate_series(1, 10000)";
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) queue.Enqueue(reader.GetInt64(0));
        }
        return queue.Dequeue();
    }

    protected override async Task WriteAsync(TableMap map, List<object> rows, CancellationToken ct)
    {
        var target = map.Table;
        var connection = (NpgsqlConnection)Connection;
        if (_staged)
        {
            target = "stage_" + map.Table;
            if (_stagedTables.Add(map.Table))
            {
                await using var create = connection.CreateCommand();
                create.CommandText = $"CREATE TEMP TABLE {target} (LIKE {map.Table}) ON COMMIT DROP";
                await create.ExecuteNonQueryAsync(ct);
            }
        }
        var columns = string.Join(", ", map.Columns.Select(c => $"\"{c.Name}\""));
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {target} ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var column in map.Columns)
            {
                var value = column.Get(row);
                if (value is null) await importer.WriteNullAsync(ct);
                else await importer.WriteAsync(value, column.StoreType, ct);
            }
        }
        await importer.CompleteAsync(ct);
    }

    protected override async Task CompleteAsync(CancellationToken ct)
    {
        foreach (var table in _stagedTables)
        {
            await using var cmd = Connection.CreateCommand();
            cmd.Transaction = Transaction;
            cmd.CommandText = $"INSERT INTO {table} SELECT * FROM stage_{table}; TRUNCATE stage_{table}";
            cmd.CommandTimeout = 0;
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }
}

internal sealed class SqliteBulkWriter(RegistryDbContext db) : BulkWriter(db)
{
    private readonly Dictionary<Type, long> _next = [];
    private readonly Dictionary<string, (SqliteCommand Command, SqliteParameter[] Parameters)> _inserts = [];

    public override async ValueTask<long> NextIdAsync<T>(CancellationToken ct)
    {
        if (!_next.TryGetValue(typeof(T), out var next))
        {
            await using var cmd = Connection.CreateCommand();
            cmd.Transaction = Transaction;
            cmd.CommandText = $"SELECT COALESCE(MAX(id), 0) + 1 FROM {TableOf<T>()}";
            next = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }
        _next[typeof(T)] = next + 1;
        return next;
    }

    protected override async Task WriteAsync(TableMap map, List<object> rows, CancellationToken ct)
    {
        if (!_inserts.TryGetValue(map.Table, out var insert))
        {
            var cmd = (SqliteCommand)Connection.CreateCommand();
            cmd.Transaction = (SqliteTransaction)Transaction;
            cmd.CommandText = $"INSERT INTO {map.Table} ({string.Join(", ", map.Columns.Select(c => $"\"{c.Name}\""))}) " +
                $"VALUES ({string.Join(", ", map.Columns.Select((_, i) => "$p" + i))})";
            var parameters = map.Columns.Select((_, i) => cmd.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
            cmd.Prepare();
            _inserts[map.Table] = insert = (cmd, parameters);
        }
        foreach (var row in rows)
        {
            for (var i = 0; i < map.Columns.Count; i++) insert.Parameters[i].Value = ToSqlite(map.Columns[i].Get(row));
            await insert.Command.ExecuteNonQueryAsync(ct);
        }
    }

    // The text forms EF Core's SQLite provider writes, so that rows loaded here read back through the model unchanged.
    private static object ToSqlite(object? value) => value switch
    {
        null => DBNull.Value,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Guid g => g.ToString().ToUpperInvariant(),
        _ => value,
    };
}
