using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using SQLitePCL;

namespace Jichitai.Registry.Persistence;

/// <summary>
/// Writes many rows of the registry's tables inside the caller's open transaction: binary COPY on PostgreSQL, one prepared
/// INSERT per table on SQLite. Columns come from the EF model (one schema, no second list to keep in step); ids are assigned
/// here, so rows can point at each other before they are written.
/// </summary>
internal abstract class BulkWriter
{
    private const int BatchSize = 5_000;
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

    public TimeSpan WriteTime { get; private set; }
    /// <summary>Time the reader spent waiting for the writer (the writer was the slower side for that long).</summary>
    public TimeSpan WaitTime { get; private set; }

    /// <summary>
    /// Queues a row. When one table's batch is full, every queued row goes to the database (parents before children, so
    /// foreign keys hold), on a background task while the caller reads on: parsing and writing use both cores.
    /// </summary>
    public async ValueTask AddAsync<T>(T row, CancellationToken ct) where T : class
    {
        if (!_pending.TryGetValue(typeof(T), out var list)) _pending[typeof(T)] = list = new List<object>(BatchSize);
        list.Add(row);
        if (list.Count >= BatchSize) await HandOverAsync(ct);
    }

    /// <summary>Writes every queued row, waits for the writes, and finishes the load.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        await HandOverAsync(ct);
        await _writing;
        await CompleteAsync(ct);
    }

    private Task _writing = Task.CompletedTask;

    /// <summary>Waits for the batch in flight (before a rollback: the connection must be idle). Its failure, if any, is thrown.</summary>
    public Task WaitAsync() => _writing;

    private async Task HandOverAsync(CancellationToken ct)
    {
        var types = _maps.Keys.Where(t => _pending.TryGetValue(t, out var l) && l.Count > 0).ToList();
        var batch = types.Select(t => (Map: _maps[t], Rows: _pending[t])).ToList();
        foreach (var t in types) _pending[t] = new List<object>(BatchSize);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        await _writing; // one batch in flight at a time: the connection is not shared
        WaitTime += waited.Elapsed;
        _writing = Task.Run(async () =>
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            foreach (var (map, rows) in batch) await WriteAsync(map, rows, ct);
            WriteTime += sw.Elapsed;
        }, ct);
    }

    /// <summary>The next id of a table (its own sequence on PostgreSQL, max + 1 under the write lock on SQLite).</summary>
    public abstract ValueTask<long> NextIdAsync<T>(CancellationToken ct);

    protected abstract Task WriteAsync(TableMap map, List<object> rows, CancellationToken ct);

    protected virtual Task CompleteAsync(CancellationToken ct) => Task.CompletedTask;

    protected string TableOf<T>() => _maps[typeof(T)].Table;

    protected string TableOf(Type type) => _maps[type].Table;

    protected IEnumerable<Type> Types => _maps.Keys;

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
    /// <summary>Ids come from the tables' sequences on a connection of their own (sequences are not transactional anyway).</summary>
    private readonly NpgsqlConnection _sequences;

    private PostgresBulkWriter(RegistryDbContext db, bool staged) : base(db)
    {
        _staged = staged;
        _sequences = new NpgsqlConnection(db.Database.GetConnectionString());
    }

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
            if (_sequences.State != System.Data.ConnectionState.Open) await _sequences.OpenAsync(ct);
            await using var cmd = _sequences.CreateCommand();
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
        var types = map.Columns.Select(c => DbType(c.StoreType)).ToArray();
        // Synchronous writes with the column's type named: this already runs on the writer task, and an awaited, type-resolved
        // write per field (45 million at a million residents) cost more than the server's work.
        using var importer = connection.BeginBinaryImport($"COPY {target} ({columns}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            importer.StartRow();
            for (var i = 0; i < map.Columns.Count; i++)
            {
                switch (map.Columns[i].Get(row))
                {
                    case null: importer.WriteNull(); break;
                    case string v: importer.Write(v, types[i]); break;
                    case long v: importer.Write(v, types[i]); break;
                    case int v: importer.Write(v, types[i]); break;
                    case short v: importer.Write(v, types[i]); break;
                    case bool v: importer.Write(v, types[i]); break;
                    case DateOnly v: importer.Write(v, types[i]); break;
                    case DateTime v: importer.Write(v, types[i]); break;
                    case Guid v: importer.Write(v, types[i]); break;
                    case var v: importer.Write(v, map.Columns[i].StoreType); break;
                }
            }
        }
        importer.Complete();
    }

    private static NpgsqlTypes.NpgsqlDbType DbType(string storeType) => storeType switch
    {
        "bigint" => NpgsqlTypes.NpgsqlDbType.Bigint,
        "integer" => NpgsqlTypes.NpgsqlDbType.Integer,
        "smallint" => NpgsqlTypes.NpgsqlDbType.Smallint,
        "boolean" => NpgsqlTypes.NpgsqlDbType.Boolean,
        "text" => NpgsqlTypes.NpgsqlDbType.Text,
        "character varying" => NpgsqlTypes.NpgsqlDbType.Varchar,
        "date" => NpgsqlTypes.NpgsqlDbType.Date,
        "timestamp with time zone" => NpgsqlTypes.NpgsqlDbType.TimestampTz,
        "timestamp without time zone" => NpgsqlTypes.NpgsqlDbType.Timestamp,
        "uuid" => NpgsqlTypes.NpgsqlDbType.Uuid,
        _ => NpgsqlTypes.NpgsqlDbType.Unknown,
    };

    protected override async Task CompleteAsync(CancellationToken ct)
    {
        await _sequences.DisposeAsync();
        foreach (var table in _stagedTables)
        {
            await using var cmd = Connection.CreateCommand();
            cmd.Transaction = Transaction;
            cmd.CommandText = $"INSERT INTO {table} SELECT * FROM stage_{table}; TRUNCATE stage_{table}";
            cmd.CommandTimeout = 0;
            await cmd.ExecuteNonQueryAsync(ct);
        }
        // Statistics now: autovacuum would come later, and until then the planner takes the tables for empty and joins
        // them by nested loops (an export right after an import ran for minutes instead of seconds).
        foreach (var table in Types.Select(TableOf))
        {
            await using var analyze = Connection.CreateCommand();
            analyze.Transaction = Transaction;
            analyze.CommandText = $"ANALYZE {table}";
            analyze.CommandTimeout = 0;
            await analyze.ExecuteNonQueryAsync(ct);
        }
    }
}

internal sealed class SqliteBulkWriter : BulkWriter
{
    public SqliteBulkWriter(RegistryDbContext db) : base(db)
    {
        // A load is one long transaction: with the default 2 MB page cache SQLite spills dirty pages (and journals them) all
        // the way; 128 MB keeps the working set in memory (the indexes are rebuilt at the end, see below).
        using var pragma = Connection.CreateCommand();
        pragma.CommandText = "PRAGMA cache_size = -131072";
        pragma.ExecuteNonQuery();
        // An SQLite file has one writer: the load holds it to the end anyway, so its secondary indexes are dropped inside the
        // transaction and built again, sorted, before the commit (a kill rolls the drop back with everything else). Building
        // an index from sorted keys is far cheaper than a million random insertions into each.
        foreach (var table in Types.Select(TableOf))
        {
            using var list = Connection.CreateCommand();
            list.Transaction = Transaction;
            list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $t AND sql IS NOT NULL";
            list.Parameters.Add(new SqliteParameter("$t", table));
            using (var reader = list.ExecuteReader())
                while (reader.Read()) _dropped.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in _dropped)
        {
            using var drop = Connection.CreateCommand();
            drop.Transaction = Transaction;
            drop.CommandText = $"DROP INDEX \"{name}\"";
            drop.ExecuteNonQuery();
        }
        // Read every table's next id now: later the connection belongs to the background writer.
        foreach (var type in Types)
        {
            using var cmd = Connection.CreateCommand();
            cmd.Transaction = Transaction;
            cmd.CommandText = $"SELECT COALESCE(MAX(id), 0) + 1 FROM {TableOf(type)}";
            _next[type] = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    private readonly Dictionary<Type, long> _next = [];
    private readonly Dictionary<string, sqlite3_stmt> _inserts = [];
    private readonly List<(string Name, string Sql)> _dropped = [];

    public override ValueTask<long> NextIdAsync<T>(CancellationToken ct)
    {
        var next = _next[typeof(T)];
        _next[typeof(T)] = next + 1;
        return ValueTask.FromResult(next);
    }

    /// <summary>
    /// One prepared INSERT per table, bound by position through SQLite's own API: Microsoft.Data.Sqlite looks every parameter
    /// up by name on every execution, which was half the time of a load. Runs inside the connection's open transaction.
    /// </summary>
    protected override Task WriteAsync(TableMap map, List<object> rows, CancellationToken ct)
    {
        var handle = ((SqliteConnection)Connection).Handle!;
        if (!_inserts.TryGetValue(map.Table, out var stmt))
        {
            var sql = $"INSERT INTO {map.Table} ({string.Join(", ", map.Columns.Select(c => $"\"{c.Name}\""))}) " +
                $"VALUES ({string.Join(", ", map.Columns.Select(_ => "?"))})";
            Check(handle, raw.sqlite3_prepare_v2(handle, sql, out stmt));
            _inserts[map.Table] = stmt;
        }
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < map.Columns.Count; i++)
            {
                var rc = ToSqlite(map.Columns[i].Get(row)) switch
                {
                    null => raw.sqlite3_bind_null(stmt, i + 1),
                    long l => raw.sqlite3_bind_int64(stmt, i + 1, l),
                    string t => raw.sqlite3_bind_text(stmt, i + 1, t),
                    double d => raw.sqlite3_bind_double(stmt, i + 1, d),
                    var other => throw new InvalidOperationException($"{map.Table}.{map.Columns[i].Name}: no SQLite binding for {other.GetType()}"),
                };
                Check(handle, rc);
            }
            var step = raw.sqlite3_step(stmt);
            raw.sqlite3_reset(stmt);
            if (step != raw.SQLITE_DONE) throw new SqliteException($"{map.Table}: {raw.sqlite3_errmsg(handle).utf8_to_string()}", step);
        }
        return Task.CompletedTask;
    }

    private static void Check(sqlite3 handle, int rc)
    {
        if (rc != raw.SQLITE_OK) throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), rc);
    }

    protected override async Task CompleteAsync(CancellationToken ct)
    {
        foreach (var stmt in _inserts.Values) stmt.Dispose();
        _inserts.Clear();
        await RestoreIndexesAsync(ct);
    }

    /// <summary>Builds the dropped indexes again (a unique one fails, and with it the load, if the rows break it). A rollback needs none of this.</summary>
    private async Task RestoreIndexesAsync(CancellationToken ct)
    {
        foreach (var (_, sql) in _dropped)
        {
            await using var create = Connection.CreateCommand();
            create.Transaction = Transaction;
            create.CommandText = sql;
            await create.ExecuteNonQueryAsync(ct);
        }
        _dropped.Clear();
    }

    // The text forms EF Core's SQLite provider writes, so that rows loaded here read back through the model unchanged.
    private static object? ToSqlite(object? value) => value switch
    {
        null => null,
        string s => s,
        long l => l,
        int i => (long)i,
        short i => (long)i,
        byte i => (long)i,
        bool b => b ? 1L : 0L,
        double d => d,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Guid g => g.ToString().ToUpperInvariant(),
        _ => value,
    };
}
