using System.Diagnostics;
using System.Globalization;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Jichitai.Bench;

/// <summary>
/// Bulk load of the generated rows, as a migration from a predecessor system would do it: PostgreSQL binary COPY in the
/// owner/System role (the login role of the throwaway server, which is not subject to row-level security), SQLite one
/// transaction with one prepared INSERT. The baseline is the same load into an unindexed copy of the table
/// (same columns, types and collations; no primary key, no index, no row-level security).
/// </summary>
internal abstract class RegistrySearchLoader
{
    public const string PlainTable = "bench_registry_residents_plain";
    protected const string ResidentColumns =
        "id, tenant_id, addressee_number, household_id, status, kind, kana_key, name_key, address_key, fuzzy_kana_key, given_kana_key, birth_date, " +
        "personal_number_index, record, last_version_id, last_effective_on";

    public static RegistrySearchLoader Create(DatabaseLocation location) => location.Provider switch
    {
        DatabaseProvider.PostgreSql => new Postgres(location),
        _ => new Sqlite(location),
    };

    protected RegistrySearchLoader(DatabaseLocation location) => Location = location;
    protected DatabaseLocation Location { get; }

    /// <summary>The few restriction rows, through the product's context in the System scope (ids assigned by the database).</summary>
    public async Task LoadRestrictionsAsync(IReadOnlyList<RestrictionRow> rows, CancellationToken ct)
    {
        await using var db = RegistryDatabase.Create(Location, TenantScope.System);
        db.Restrictions.AddRange(rows);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Creates the unindexed copy of registry_residents.</summary>
    public abstract Task CreatePlainTableAsync(CancellationToken ct);
    public abstract Task DropPlainTableAsync(CancellationToken ct);
    /// <summary>Loads <paramref name="rows"/> into <paramref name="table"/>; returns the wall time of the load (commit included).</summary>
    public abstract Task<TimeSpan> LoadResidentsAsync(string table, IReadOnlyList<ResidentRow> rows, CancellationToken ct);
    public abstract Task<TimeSpan> LoadHouseholdsAsync(IReadOnlyList<HouseholdRow> rows, CancellationToken ct);
    /// <summary>registry_number_counters and the identity sequences, so that the product could go on numbering.</summary>
    public abstract Task FinishAsync(IReadOnlyDictionary<int, (long Addressee, long Household)> next, CancellationToken ct);
    /// <summary>Statistics (and, on PostgreSQL, the visibility map and a checkpoint); returns the wall time.</summary>
    public abstract Task<TimeSpan> AnalyzeAsync(CancellationToken ct);
    /// <summary>Table and index sizes, for the record.</summary>
    public abstract Task<string> DescribeSizesAsync(CancellationToken ct);

    private sealed class Postgres(DatabaseLocation location) : RegistrySearchLoader(location)
    {
        private readonly string _connectionString = location.ConnectionString;

        private async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
        {
            var conn = new NpgsqlConnection(_connectionString);
            await conn.OpenAsync(ct);
            return conn;
        }

        private async Task ExecuteAsync(string sql, CancellationToken ct)
        {
            await using var conn = await OpenAsync(ct);
            await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
            await cmd.ExecuteNonQueryAsync(ct);
        }

        public override Task CreatePlainTableAsync(CancellationToken ct) =>
            ExecuteAsync($"DROP TABLE IF EXISTS {PlainTable}; CREATE TABLE {PlainTable} (LIKE registry_residents)", ct);

        public override Task DropPlainTableAsync(CancellationToken ct) => ExecuteAsync($"DROP TABLE IF EXISTS {PlainTable}", ct);

        public override async Task<TimeSpan> LoadResidentsAsync(string table, IReadOnlyList<ResidentRow> rows, CancellationToken ct)
        {
            await using var conn = await OpenAsync(ct);
            var wall = Stopwatch.StartNew();
            await using (var writer = await conn.BeginBinaryImportAsync($"COPY {table} ({ResidentColumns}) FROM STDIN (FORMAT BINARY)", ct))
            {
                writer.Timeout = TimeSpan.Zero;
                foreach (var r in rows)
                {
                    await writer.StartRowAsync(ct);
                    await writer.WriteAsync(r.Id, NpgsqlDbType.Bigint, ct);
                    await writer.WriteAsync(r.TenantId, NpgsqlDbType.Integer, ct);
                    await writer.WriteAsync(r.AddresseeNumber, NpgsqlDbType.Varchar, ct);
                    if (r.HouseholdId is long h) await writer.WriteAsync(h, NpgsqlDbType.Bigint, ct); else await writer.WriteNullAsync(ct);
                    await writer.WriteAsync((int)r.Status, NpgsqlDbType.Integer, ct);
                    await writer.WriteAsync((int)r.Kind, NpgsqlDbType.Integer, ct);
                    await writer.WriteAsync(r.KanaKey, NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(r.NameKey, NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(r.AddressKey, NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(r.FuzzyKanaKey, NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(r.GivenKanaKey, NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(r.BirthDate, NpgsqlDbType.Date, ct);
                    if (r.PersonalNumberIndex is { } p) await writer.WriteAsync(p, NpgsqlDbType.Text, ct); else await writer.WriteNullAsync(ct);
                    await writer.WriteAsync(r.Record, NpgsqlDbType.Text, ct);
                    await writer.WriteAsync(r.LastVersionId, NpgsqlDbType.Bigint, ct);
                    await writer.WriteAsync(r.LastEffectiveOn, NpgsqlDbType.Date, ct);
                }
                await writer.CompleteAsync(ct);
            }
            return wall.Elapsed;
        }

        public override async Task<TimeSpan> LoadHouseholdsAsync(IReadOnlyList<HouseholdRow> rows, CancellationToken ct)
        {
            await using var conn = await OpenAsync(ct);
            var wall = Stopwatch.StartNew();
            await using (var writer = await conn.BeginBinaryImportAsync("COPY registry_households (id, tenant_id, household_number, created_on) FROM STDIN (FORMAT BINARY)", ct))
            {
                writer.Timeout = TimeSpan.Zero;
                foreach (var h in rows)
                {
                    await writer.StartRowAsync(ct);
                    await writer.WriteAsync(h.Id, NpgsqlDbType.Bigint, ct);
                    await writer.WriteAsync(h.TenantId, NpgsqlDbType.Integer, ct);
                    await writer.WriteAsync(h.HouseholdNumber, NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(h.CreatedOn, NpgsqlDbType.Date, ct);
                }
                await writer.CompleteAsync(ct);
            }
            return wall.Elapsed;
        }

        public override async Task FinishAsync(IReadOnlyDictionary<int, (long Addressee, long Household)> next, CancellationToken ct)
        {
            await using var conn = await OpenAsync(ct);
            foreach (var (tenant, (addressee, household)) in next)
            {
                await using var cmd = new NpgsqlCommand(
                    "INSERT INTO registry_number_counters (tenant_id, name, next_value) VALUES (@t, 'addressee', @a), (@t, 'household', @h)", conn);
                cmd.Parameters.AddWithValue("t", tenant);
                cmd.Parameters.AddWithValue("a", addressee);
                cmd.Parameters.AddWithValue("h", household);
                await cmd.ExecuteNonQueryAsync(ct);
            }
            await using var seq = new NpgsqlCommand("""
                SELECT setval(pg_get_serial_sequence('registry_residents', 'id'), (SELECT max(id) FROM registry_residents));
                SELECT setval(pg_get_serial_sequence('registry_households', 'id'), (SELECT max(id) FROM registry_households));
                """, conn);
            await seq.ExecuteNonQueryAsync(ct);
        }

        public override async Task<TimeSpan> AnalyzeAsync(CancellationToken ct)
        {
            var wall = Stopwatch.StartNew();
            // VACUUM as autovacuum would after a load (visibility map for index-only scans, hint bits), then ANALYZE;
            // a checkpoint so that none starts during the measurement.
            await ExecuteAsync("VACUUM (ANALYZE) registry_residents", ct);
            await ExecuteAsync("VACUUM (ANALYZE) registry_households", ct);
            await ExecuteAsync("ANALYZE registry_number_counters", ct);
            await ExecuteAsync("VACUUM (ANALYZE) registry_restrictions", ct);
            await ExecuteAsync("CHECKPOINT", ct);
            return wall.Elapsed;
        }

        public override async Task<string> DescribeSizesAsync(CancellationToken ct)
        {
            await using var conn = await OpenAsync(ct);
            await using var cmd = new NpgsqlCommand("""
                SELECT pg_size_pretty(pg_relation_size('registry_residents')),
                       pg_size_pretty(pg_total_relation_size('registry_residents') - pg_relation_size('registry_residents') - pg_indexes_size('registry_residents')),
                       pg_size_pretty(pg_indexes_size('registry_residents')),
                       (SELECT count(*) FROM pg_indexes WHERE tablename = 'registry_residents'),
                       (SELECT avg(pg_column_size(record))::int FROM (SELECT record FROM registry_residents TABLESAMPLE SYSTEM (1)) s)
                """, conn);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            return $"registry_residents: heap {reader.GetString(0)}, TOAST {reader.GetString(1)}, {reader.GetInt64(3)} indexes {reader.GetString(2)}; " +
                   $"record column ~{(reader.IsDBNull(4) ? 0 : reader.GetInt32(4)):N0} bytes stored per row";
        }
    }

    private sealed class Sqlite(DatabaseLocation location) : RegistrySearchLoader(location)
    {
        private readonly string _connectionString = location.ConnectionString;

        private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private SqliteConnection Open()
        {
            var conn = new SqliteConnection(_connectionString);
            conn.Open();
            return conn;
        }

        private void Execute(string sql)
        {
            using var conn = Open();
            using var cmd = new SqliteCommand(sql, conn) { CommandTimeout = 0 };
            cmd.ExecuteNonQuery();
        }

        public override Task CreatePlainTableAsync(CancellationToken ct)
        {
            // The same columns and affinities as the migrated table; the rowid (INTEGER PRIMARY KEY) is the table itself, not an index.
            Execute($"""
                DROP TABLE IF EXISTS {PlainTable};
                CREATE TABLE {PlainTable} (id INTEGER NOT NULL PRIMARY KEY, tenant_id INTEGER NOT NULL, addressee_number TEXT NOT NULL,
                    household_id INTEGER NULL, status INTEGER NOT NULL, kind INTEGER NOT NULL, kana_key TEXT NOT NULL, name_key TEXT NOT NULL,
                    address_key TEXT NOT NULL, fuzzy_kana_key TEXT NOT NULL, given_kana_key TEXT NOT NULL, birth_date TEXT NOT NULL, personal_number_index TEXT NULL, record TEXT NOT NULL,
                    last_version_id INTEGER NOT NULL, last_effective_on TEXT NOT NULL);
                """);
            return Task.CompletedTask;
        }

        public override Task DropPlainTableAsync(CancellationToken ct)
        {
            Execute($"DROP TABLE IF EXISTS {PlainTable}");
            return Task.CompletedTask;
        }

        public override Task<TimeSpan> LoadResidentsAsync(string table, IReadOnlyList<ResidentRow> rows, CancellationToken ct)
        {
            using var conn = Open();
            var wall = Stopwatch.StartNew();
            using var tx = conn.BeginTransaction();
            using var cmd = new SqliteCommand($"INSERT INTO {table} ({ResidentColumns}) VALUES ({string.Join(", ", ResidentColumns.Split(", ").Select(c => "$" + c))})", conn, tx);
            var p = ResidentColumns.Split(", ").ToDictionary(c => c, c => cmd.Parameters.Add(new SqliteParameter("$" + c, null)));
            cmd.Prepare();
            foreach (var r in rows)
            {
                p["id"].Value = r.Id;
                p["tenant_id"].Value = r.TenantId;
                p["addressee_number"].Value = r.AddresseeNumber;
                p["household_id"].Value = r.HouseholdId is long h ? h : DBNull.Value;
                p["status"].Value = (int)r.Status;
                p["kind"].Value = (int)r.Kind;
                p["kana_key"].Value = r.KanaKey;
                p["name_key"].Value = r.NameKey;
                p["address_key"].Value = r.AddressKey;
                p["fuzzy_kana_key"].Value = r.FuzzyKanaKey;
                p["given_kana_key"].Value = r.GivenKanaKey;
                p["birth_date"].Value = Date(r.BirthDate);
                p["personal_number_index"].Value = (object?)r.PersonalNumberIndex ?? DBNull.Value;
                p["record"].Value = r.Record;
                p["last_version_id"].Value = r.LastVersionId;
                p["last_effective_on"].Value = Date(r.LastEffectiveOn);
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
            return Task.FromResult(wall.Elapsed);
        }

        public override Task<TimeSpan> LoadHouseholdsAsync(IReadOnlyList<HouseholdRow> rows, CancellationToken ct)
        {
            using var conn = Open();
            var wall = Stopwatch.StartNew();
            using var tx = conn.BeginTransaction();
            using var cmd = new SqliteCommand("INSERT INTO registry_households (id, tenant_id, household_number, created_on) VALUES ($id, $t, $n, $c)", conn, tx);
            var (id, t, n, c) = (cmd.Parameters.Add(new SqliteParameter("$id", null)), cmd.Parameters.Add(new SqliteParameter("$t", null)),
                cmd.Parameters.Add(new SqliteParameter("$n", null)), cmd.Parameters.Add(new SqliteParameter("$c", null)));
            cmd.Prepare();
            foreach (var h in rows)
            {
                (id.Value, t.Value, n.Value, c.Value) = (h.Id, h.TenantId, h.HouseholdNumber, Date(h.CreatedOn));
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
            return Task.FromResult(wall.Elapsed);
        }

        public override Task FinishAsync(IReadOnlyDictionary<int, (long Addressee, long Household)> next, CancellationToken ct)
        {
            using var conn = Open();
            foreach (var (tenant, (addressee, household)) in next)
            {
                using var cmd = new SqliteCommand("INSERT INTO registry_number_counters (tenant_id, name, next_value) VALUES ($t, 'addressee', $a), ($t, 'household', $h)", conn);
                cmd.Parameters.AddWithValue("$t", tenant);
                cmd.Parameters.AddWithValue("$a", addressee);
                cmd.Parameters.AddWithValue("$h", household);
                cmd.ExecuteNonQuery();
            }
            return Task.CompletedTask;
        }

        public override Task<TimeSpan> AnalyzeAsync(CancellationToken ct)
        {
            var wall = Stopwatch.StartNew();
            Execute("ANALYZE");
            return Task.FromResult(wall.Elapsed);
        }

        public override Task<string> DescribeSizesAsync(CancellationToken ct)
        {
            using var conn = Open();
            using var cmd = new SqliteCommand("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()", conn);
            var bytes = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
            return Task.FromResult($"database file {bytes / (1024.0 * 1024):N0} MB (tables and indexes)");
        }
    }
}
