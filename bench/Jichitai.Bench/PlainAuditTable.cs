using System.Data.Common;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jichitai.Bench;

/// <summary>
/// The baseline: the platform_audit_entries table written and read with plain ADO.NET (no EF, no chain head,
/// no hashing, no tenant session), one pooled connection and one transaction per row, as the platform itself opens them.
/// </summary>
internal abstract class PlainAuditTable : IAsyncDisposable
{
    protected const string InsertSql = """
        INSERT INTO platform_audit_entries (chain_id, seq, at, tenant_id, actor_id, actor_name, action, outcome,
            target_type, target_id, subject_id, reason, client_address, detail, prev_hash, hash)
        VALUES (@chain_id, @seq, @at, @tenant_id, @actor_id, @actor_name, @action, @outcome,
            @target_type, @target_id, @subject_id, @reason, @client_address, @detail, @prev_hash, @hash)
        """;
    protected const string SelectSql = "SELECT * FROM platform_audit_entries WHERE chain_id = @chain_id ORDER BY seq";

    public static PlainAuditTable Create(PlatformSettings settings) => settings.Database.Provider switch
    {
        DatabaseProvider.PostgreSql => new Postgres(settings.Database.ConnectionString),
        _ => new Sqlite(settings.Database.ConnectionString),
    };

    /// <summary>Inserts one row in its own transaction.</summary>
    public abstract Task InsertAsync(int chainId, long seq, string prevHash, string hash, int i, CancellationToken ct);

    /// <summary>Reads a whole chain, every column of every row; returns the row count.</summary>
    public abstract Task<long> ReadChainAsync(int chainId, CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    protected static void Bind(DbCommand cmd, int chainId, long seq, string prevHash, string hash, int i, Func<Guid, object> guid)
    {
        var record = SampleAccess.Record(i);
        var actor = SampleAccess.Actor;
        Add(cmd, "chain_id", chainId);
        Add(cmd, "seq", seq);
        Add(cmd, "at", AuditHashing.Truncate(DateTime.UtcNow));
        Add(cmd, "tenant_id", chainId);
        Add(cmd, "actor_id", guid(actor.Id!.Value));
        Add(cmd, "actor_name", actor.Name);
        Add(cmd, "action", record.Action);
        Add(cmd, "outcome", (int)record.Outcome);
        Add(cmd, "target_type", record.TargetType);
        Add(cmd, "target_id", record.TargetId);
        Add(cmd, "subject_id", record.SubjectId);
        Add(cmd, "reason", record.Reason);
        Add(cmd, "client_address", actor.ClientAddress);
        Add(cmd, "detail", record.Detail);
        Add(cmd, "prev_hash", prevHash);
        Add(cmd, "hash", hash);
    }

    private static void Add(DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
    }

    private static long Drain(DbDataReader reader)
    {
        var values = new object[reader.FieldCount];
        long rows = 0;
        while (reader.Read())
        {
            reader.GetValues(values);
            rows++;
        }
        return rows;
    }

    private sealed class Postgres(string connectionString) : PlainAuditTable
    {
        // A pool of its own with the same connection string; the login role (the platform's System scope).
        private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

        public override async Task InsertAsync(int chainId, long seq, string prevHash, string hash, int i, CancellationToken ct)
        {
            await using var conn = await _source.OpenConnectionAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            await using var cmd = new NpgsqlCommand(InsertSql, conn, tx);
            Bind(cmd, chainId, seq, prevHash, hash, i, g => g);
            await cmd.ExecuteNonQueryAsync(ct);
            await tx.CommitAsync(ct);
        }

        public override async Task<long> ReadChainAsync(int chainId, CancellationToken ct)
        {
            await using var conn = await _source.OpenConnectionAsync(ct);
            await using var cmd = new NpgsqlCommand(SelectSql, conn);
            cmd.Parameters.AddWithValue("chain_id", chainId);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            return Drain(reader);
        }

        public override ValueTask DisposeAsync() => _source.DisposeAsync();
    }

    private sealed class Sqlite(string connectionString) : PlainAuditTable
    {
        // EF Core's SQLite provider stores Guid as upper-case TEXT; Microsoft.Data.Sqlite alone would write a BLOB.
        private static object GuidText(Guid g) => g.ToString().ToUpperInvariant();

        // Microsoft.Data.Sqlite is synchronous underneath; the writers run on their own thread-pool threads.
        public override Task InsertAsync(int chainId, long seq, string prevHash, string hash, int i, CancellationToken ct)
        {
            using var conn = new SqliteConnection(connectionString);
            conn.Open();
            using var tx = conn.BeginTransaction(); // BEGIN IMMEDIATE, as EF's BeginTransaction
            using var cmd = new SqliteCommand(InsertSql, conn, tx);
            Bind(cmd, chainId, seq, prevHash, hash, i, GuidText);
            cmd.ExecuteNonQuery();
            tx.Commit();
            return Task.CompletedTask;
        }

        public override Task<long> ReadChainAsync(int chainId, CancellationToken ct)
        {
            using var conn = new SqliteConnection(connectionString);
            conn.Open();
            using var cmd = new SqliteCommand(SelectSql, conn);
            cmd.Parameters.AddWithValue("chain_id", chainId);
            using var reader = cmd.ExecuteReader();
            return Task.FromResult(Drain(reader));
        }

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
