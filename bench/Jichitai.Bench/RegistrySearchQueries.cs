using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Jichitai.Platform;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Platform.Dates;
using Jichitai.Registry.Domain.Text;
using Jichitai.Registry.Features.Restrictions;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Persistence;
using Jichitai.Registry.Residents;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Jichitai.Bench;

/// <summary>The query kinds of the mix (standard 2.1.3 基本検索 as clerks use it).</summary>
internal enum SearchKind { Kana, KanaFuzzy, Name, BirthDate, KanaBirthDate, AddresseeNumber }

internal static class SearchKinds
{
    public static readonly SearchKind[] All = Enum.GetValues<SearchKind>();

    public static string Option(this SearchKind kind) => kind switch
    {
        SearchKind.Kana => "kana",
        SearchKind.KanaFuzzy => "kana-fuzzy",
        SearchKind.Name => "name",
        SearchKind.BirthDate => "birth",
        SearchKind.KanaBirthDate => "kana-birth",
        _ => "addressee",
    };

    public static string Label(this SearchKind kind) => kind switch
    {
        SearchKind.Kana => "kana prefix (2–4 chars)",
        SearchKind.KanaFuzzy => "kana prefix, あいまい (2–4 chars)",
        SearchKind.Name => "name prefix (2–3 chars)",
        SearchKind.BirthDate => "birth date (exact)",
        SearchKind.KanaBirthDate => "kana prefix + birth date",
        _ => "addressee number (exact)",
    };
}

/// <summary>One search as a clerk types it (hiragana or katakana, 和暦 or 西暦), drawn from a current resident of the measured tenant.</summary>
internal sealed record SearchCase(SearchKind Kind, ResidentSearchRequest Request, long SampleId)
{
    public override string ToString() => Kind switch
    {
        SearchKind.Kana => $"kana={Request.Kana}",
        SearchKind.KanaFuzzy => $"kana={Request.Kana} fuzzy",
        SearchKind.Name => $"name={Request.Name}",
        SearchKind.BirthDate => $"birthDate={Request.BirthDate}",
        SearchKind.KanaBirthDate => $"kana={Request.Kana} birthDate={Request.BirthDate}",
        _ => $"addresseeNumber={Request.AddresseeNumber}",
    };

    /// <summary>
    /// Cases per kind. Residents are sampled uniformly, so common surnames are searched as often as they occur
    /// (a 2-character kana prefix of サトウ matches ~5% of the tenant).
    /// </summary>
    public static List<SearchCase> Generate(SearchKind kind, IReadOnlyList<ResidentRow> current, int count, Random random)
    {
        var cases = new List<SearchCase>(count);
        for (var i = 0; i < count; i++)
        {
            var r = current[random.Next(current.Count)];
            var kana = KanaPrefix(r.KanaKey, random);
            var birth = random.Next(2) == 0 ? r.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : WarekiFormatter.Format(r.BirthDate);
            var request = kind switch
            {
                SearchKind.Kana => new ResidentSearchRequest { Kana = kana },
                SearchKind.KanaFuzzy => new ResidentSearchRequest { Kana = kana, Fuzzy = true },
                SearchKind.Name => new ResidentSearchRequest { Name = RunePrefix(r.NameKey, random.Next(2, 4)) },
                SearchKind.BirthDate => new ResidentSearchRequest { BirthDate = birth },
                SearchKind.KanaBirthDate => new ResidentSearchRequest { Kana = kana, BirthDate = birth },
                _ => new ResidentSearchRequest { AddresseeNumber = r.AddresseeNumber },
            };
            cases.Add(new SearchCase(kind, request, r.Id));
        }
        return cases;
    }

    /// <summary>2–4 characters of the フリガナ key; half of the clerks type them in hiragana (the key folds it to katakana).</summary>
    private static string KanaPrefix(string key, Random random)
    {
        var prefix = RunePrefix(key, random.Next(2, 5));
        if (random.Next(2) == 1) return prefix;
        var hiragana = new StringBuilder(prefix.Length);
        foreach (var c in prefix) hiragana.Append(c is >= 'ァ' and <= 'ヶ' ? (char)(c - 0x60) : c);
        return hiragana.ToString();
    }

    private static string RunePrefix(string text, int runes)
    {
        var length = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (runes-- == 0) break;
            length += rune.Utf16SequenceLength;
        }
        return text[..length];
    }
}

/// <summary>
/// The subjects and the baseline. All three normalise the input with the product's <see cref="NameSearchKey"/>, parse the
/// date with <see cref="JapaneseDateParser"/>, read the same two columns of the same ≤ 100 rows and turn each record into a
/// <see cref="ResidentSummary"/>, so the differences are EF + the tenant session (SET ROLE, RLS) and, for SearchAsync, the audit append.
/// </summary>
internal static class RegistrySearchSubjects
{
    // Constants of ResidentQueries (private there).
    private const int MaxResults = 200;
    private static readonly string Top = char.ConvertFromUtf32(0x10FFFF);

    /// <summary>
    /// (a) The query alone: a verbatim copy of <see cref="ResidentQueries.SearchAsync"/> up to (not including) the
    /// audit append: same context factory and tenant scope (RLS role on PostgreSQL), same LINQ, same captured variable
    /// names, hence the same SQL (checked at run time against the SQL SearchAsync sends): the residents, ordered by the
    /// searched key, then their active restrictions (抑止・支援措置, shown in the result list). 世帯番号 and 個人番号
    /// conditions are not in the mix.
    /// </summary>
    public static async Task<IReadOnlyList<ResidentSummary>> QueryOnlyAsync(PlatformSettings settings, TimeProvider clock, int tenantId, ResidentSearchRequest q, CancellationToken ct)
    {
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        IQueryable<ResidentRow> rows = db.Residents.AsNoTracking();
        var used = new List<string>();
        if (!q.IncludeRemoved) rows = rows.Where(r => r.Status == ResidentStatus.Resident);
        if (Key(q.Kana) is { } kana)
        {
            var fuzzy = q.Fuzzy ? NameSearchKey.FuzzyKana(q.Kana) : kana;
            var column = q.Fuzzy ? nameof(ResidentRow.FuzzyKanaKey) : nameof(ResidentRow.KanaKey);
            rows = q.KanaMatch switch
            {
                KanaMatch.Exact => q.Fuzzy ? rows.Where(r => r.FuzzyKanaKey == fuzzy) : rows.Where(r => r.KanaKey == fuzzy),
                KanaMatch.Partial => q.Fuzzy ? rows.Where(r => r.FuzzyKanaKey.Contains(fuzzy)) : rows.Where(r => r.KanaKey.Contains(fuzzy)),
                _ => Prefix(rows, column, fuzzy),
            };
            used.Add(q.Fuzzy ? "カナ(あいまい)" : "カナ");
        }
        if (Key(q.GivenNameKana) is { } given) { rows = Prefix(rows, nameof(ResidentRow.GivenKanaKey), given); used.Add("名カナ"); }
        if (Key(q.Name) is { } name) { rows = Prefix(rows, nameof(ResidentRow.NameKey), name); used.Add("氏名"); }
        if (Key(q.Address) is { } address) { rows = Prefix(rows, nameof(ResidentRow.AddressKey), address); used.Add("住所"); }
        if (!string.IsNullOrWhiteSpace(q.BirthDate))
        {
            if (!JapaneseDateParser.TryParse(q.BirthDate, out var birth, out var error))
                throw new DomainException("registry.search.birth-date", $"生年月日: {error}", "birthDate");
            rows = rows.Where(r => r.BirthDate == birth);
            used.Add("生年月日");
        }
        if (!string.IsNullOrWhiteSpace(q.AddresseeNumber)) { var n = q.AddresseeNumber.Trim(); rows = rows.Where(r => r.AddresseeNumber == n); used.Add("宛名番号"); }
        if (!string.IsNullOrWhiteSpace(q.HouseholdNumber) || !string.IsNullOrWhiteSpace(q.PersonalNumber))
            throw new NotSupportedException("the benchmark's mix does not search by 世帯番号 or 個人番号");
        if (used.Count == 0) throw new DomainException("registry.search.empty", "検索条件を1つ以上入力してください。", "kana");

        var limit = Math.Clamp(q.Limit, 1, MaxResults);
        IOrderedQueryable<ResidentRow> ordered =
            Key(q.Kana) is not null && q.KanaMatch == KanaMatch.Prefix ? (q.Fuzzy ? rows.OrderBy(r => r.FuzzyKanaKey) : rows.OrderBy(r => r.KanaKey))
            : Key(q.Name) is not null ? rows.OrderBy(r => r.NameKey)
            : Key(q.GivenNameKana) is not null ? rows.OrderBy(r => r.GivenKanaKey)
            : Key(q.Address) is not null ? rows.OrderBy(r => r.AddressKey)
            : rows.OrderBy(r => r.KanaKey);
        var found = await ordered.ThenBy(r => r.Id).Take(limit)
            .Select(r => new { r.Id, r.HouseholdId, r.Record }).ToListAsync(ct);
        var restrictions = await RestrictionChecks.ActiveAsync(db, found.Select(f => (f.Id, f.HouseholdId)).ToList(), JapanTime.Today(clock), ct);
        var records = found.Select(f => (f.Id, Record: MovementSession.Deserialize(f.Record))).ToList();
        return records.Select(f => ResidentQueries.Summarise(f.Record) with
        {
            Restriction = restrictions[f.Id] is { Count: > 0 } rs ? string.Join("・", rs.Select(r => RestrictionRules.KindLabel(r.Kind)).Distinct()) : null,
        }).ToList();
    }

    private static string? Key(string? text) => string.IsNullOrWhiteSpace(text) ? null : NameSearchKey.Normalize(text) is { Length: > 0 } k ? k : null;

    private static IQueryable<ResidentRow> Prefix(IQueryable<ResidentRow> rows, string column, string prefix)
    {
        var upper = prefix + Top;
        return column switch
        {
            nameof(ResidentRow.KanaKey) => rows.Where(r => string.Compare(r.KanaKey, prefix) >= 0 && string.Compare(r.KanaKey, upper) < 0),
            nameof(ResidentRow.NameKey) => rows.Where(r => string.Compare(r.NameKey, prefix) >= 0 && string.Compare(r.NameKey, upper) < 0),
            nameof(ResidentRow.FuzzyKanaKey) => rows.Where(r => string.Compare(r.FuzzyKanaKey, prefix) >= 0 && string.Compare(r.FuzzyKanaKey, upper) < 0),
            nameof(ResidentRow.GivenKanaKey) => rows.Where(r => string.Compare(r.GivenKanaKey, prefix) >= 0 && string.Compare(r.GivenKanaKey, upper) < 0),
            _ => rows.Where(r => string.Compare(r.AddressKey, prefix) >= 0 && string.Compare(r.AddressKey, upper) < 0),
        };
    }

    /// <summary>The baseline's SQL: the same predicate and order, written by hand, tenant as an explicit condition instead of RLS (前方一致 only).</summary>
    public static (string Sql, List<(string Name, object Value)> Parameters) PlainSql(ResidentSearchRequest q, int tenantId, bool sqlite)
    {
        if (q.KanaMatch != KanaMatch.Prefix) throw new NotSupportedException("the benchmark's mix searches フリガナ by 前方一致 only");
        var sql = new StringBuilder("SELECT r.id, r.household_id, r.record FROM registry_residents AS r WHERE r.tenant_id = @tenant AND r.status = 1");
        var parameters = new List<(string, object)> { ("tenant", tenantId) };
        string? Range(string column, string? key)
        {
            if (key is null) return null;
            sql.Append(CultureInfo.InvariantCulture, $" AND r.{column} >= @{column}_lo AND r.{column} < @{column}_hi");
            parameters.Add(($"{column}_lo", key));
            parameters.Add(($"{column}_hi", key + Top));
            return column;
        }
        var kana = Key(q.Kana) is not { } k ? null : Range(q.Fuzzy ? "fuzzy_kana_key" : "kana_key", q.Fuzzy ? NameSearchKey.FuzzyKana(q.Kana) : k);
        var given = Range("given_kana_key", Key(q.GivenNameKana));
        var name = Range("name_key", Key(q.Name));
        var address = Range("address_key", Key(q.Address));
        if (!string.IsNullOrWhiteSpace(q.BirthDate))
        {
            if (!JapaneseDateParser.TryParse(q.BirthDate, out var birth, out var error)) throw new InvalidOperationException(error);
            sql.Append(" AND r.birth_date = @birth");
            parameters.Add(("birth", sqlite ? birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : birth));
        }
        if (!string.IsNullOrWhiteSpace(q.AddresseeNumber))
        {
            sql.Append(" AND r.addressee_number = @number");
            parameters.Add(("number", q.AddresseeNumber.Trim()));
        }
        // SearchAsync's order: the searched key (フリガナ 前方一致 first, then 氏名, 名カナ, 住所), else the kana key; then id.
        sql.Append(CultureInfo.InvariantCulture, $" ORDER BY r.{kana ?? name ?? given ?? address ?? "kana_key"}, r.id LIMIT @limit");
        parameters.Add(("limit", Math.Clamp(q.Limit, 1, MaxResults)));
        return (sql.ToString(), parameters);
    }

    public const string PrimaryKeySql = "SELECT r.id, r.household_id, r.record FROM registry_residents AS r WHERE r.id = @id";

    /// <summary>The restriction lookup of SearchAsync, by hand: active rows on any of the people or their households.</summary>
    public static (string Sql, List<(string Name, object Value)> Parameters) RestrictionSql(IReadOnlyList<FoundRow> found, int tenantId, DateOnly today, bool sqlite)
    {
        var residents = found.Select(f => f.Id).Distinct().ToList();
        var households = found.Where(f => f.HouseholdId is not null).Select(f => f.HouseholdId!.Value).Distinct().ToList();
        var parameters = new List<(string, object)> { ("tenant", tenantId), ("today", sqlite ? today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : today) };
        string List(string prefix, List<long> ids)
        {
            if (!sqlite)
            {
                parameters.Add((prefix, ids.ToArray()));
                return $"= ANY(@{prefix})";
            }
            for (var i = 0; i < ids.Count; i++) parameters.Add(($"{prefix}{i}", ids[i]));
            return $"IN ({string.Join(", ", ids.Select((_, i) => $"@{prefix}{i}"))})";
        }
        var sql = "SELECT x.id, x.resident_id, x.household_id, x.kind FROM registry_restrictions AS x WHERE x.tenant_id = @tenant AND x.ended_on IS NULL " +
                  $"AND x.start_on <= @today AND (x.resident_id {List("r", residents)} OR x.household_id {List("h", households)})";
        return (sql, parameters);
    }

    /// <summary>What SearchAsync makes of the rows: summaries, with the kinds of the restrictions on each person or household.</summary>
    public static IReadOnlyList<ResidentSummary> Summarise(IReadOnlyList<FoundRow> found, IReadOnlyList<(long? ResidentId, long? HouseholdId, RestrictionKind Kind)> restrictions) =>
        found.Select(f => ResidentQueries.Summarise(MovementSession.Deserialize(f.Record)) with
        {
            Restriction = restrictions.Where(x => x.ResidentId == f.Id || (f.HouseholdId is not null && x.HouseholdId == f.HouseholdId)).ToList() is { Count: > 0 } rs
                ? string.Join("・", rs.Select(x => RestrictionRules.KindLabel(x.Kind)).Distinct())
                : null,
        }).ToList();
}

internal sealed record FoundRow(long Id, long? HouseholdId, string Record);

/// <summary>
/// The baseline: plain ADO.NET on a pool of its own, in the login role (no SET ROLE, no RLS), no EF: the same two statements
/// as SearchAsync (the residents, then their active restrictions) on one connection, the same post-processing.
/// </summary>
internal abstract class PlainResidentReader(int tenantId, TimeProvider clock) : IAsyncDisposable
{
    protected int TenantId { get; } = tenantId;
    protected DateOnly Today => JapanTime.Today(clock);

    public static PlainResidentReader Create(DatabaseLocation location, int tenantId, TimeProvider clock) => location.Provider switch
    {
        DatabaseProvider.PostgreSql => new Postgres(location.ConnectionString, tenantId, clock),
        _ => new Sqlite(location.ConnectionString, tenantId, clock),
    };

    /// <summary>The same predicate as SearchAsync, by hand.</summary>
    public abstract Task<IReadOnlyList<ResidentSummary>> SearchAsync(ResidentSearchRequest q, CancellationToken ct);
    /// <summary>The cost floor of reading one row: by primary key (no restriction lookup).</summary>
    public abstract Task<IReadOnlyList<ResidentSummary>> ByIdAsync(long id, CancellationToken ct);
    public abstract ValueTask DisposeAsync();

    private sealed class Postgres(string connectionString, int tenantId, TimeProvider clock) : PlainResidentReader(tenantId, clock)
    {
        private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

        public override async Task<IReadOnlyList<ResidentSummary>> SearchAsync(ResidentSearchRequest q, CancellationToken ct)
        {
            var (sql, parameters) = RegistrySearchSubjects.PlainSql(q, TenantId, sqlite: false);
            await using var conn = await _source.OpenConnectionAsync(ct);
            List<FoundRow> found;
            await using (var cmd = Command(conn, sql, parameters)) found = await ReadAsync(cmd, ct);
            var (rsql, rparameters) = RegistrySearchSubjects.RestrictionSql(found, TenantId, Today, sqlite: false);
            var restrictions = new List<(long?, long?, RestrictionKind)>();
            await using (var cmd = Command(conn, rsql, rparameters))
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct))
                    restrictions.Add((reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), (RestrictionKind)reader.GetInt32(3)));
            return RegistrySearchSubjects.Summarise(found, restrictions);
        }

        public override async Task<IReadOnlyList<ResidentSummary>> ByIdAsync(long id, CancellationToken ct)
        {
            await using var conn = await _source.OpenConnectionAsync(ct);
            await using var cmd = Command(conn, RegistrySearchSubjects.PrimaryKeySql, [("id", id)]);
            return RegistrySearchSubjects.Summarise(await ReadAsync(cmd, ct), []);
        }

        private static NpgsqlCommand Command(NpgsqlConnection conn, string sql, List<(string Name, object Value)> parameters)
        {
            var cmd = new NpgsqlCommand(sql, conn);
            foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
            return cmd;
        }

        private static async Task<List<FoundRow>> ReadAsync(NpgsqlCommand cmd, CancellationToken ct)
        {
            var rows = new List<FoundRow>();
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                rows.Add(new FoundRow(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetString(2)));
            return rows;
        }

        public override ValueTask DisposeAsync() => _source.DisposeAsync();
    }

    private sealed class Sqlite(string connectionString, int tenantId, TimeProvider clock) : PlainResidentReader(tenantId, clock)
    {
        // Microsoft.Data.Sqlite is synchronous underneath, as EF's SQLite provider is.
        public override Task<IReadOnlyList<ResidentSummary>> SearchAsync(ResidentSearchRequest q, CancellationToken ct)
        {
            var (sql, parameters) = RegistrySearchSubjects.PlainSql(q, TenantId, sqlite: true);
            using var conn = new SqliteConnection(connectionString);
            conn.Open();
            List<FoundRow> found;
            using (var cmd = Command(conn, sql, parameters)) found = Read(cmd);
            var (rsql, rparameters) = RegistrySearchSubjects.RestrictionSql(found, TenantId, Today, sqlite: true);
            var restrictions = new List<(long?, long?, RestrictionKind)>();
            using (var cmd = Command(conn, rsql, rparameters))
            using (var reader = cmd.ExecuteReader())
                while (reader.Read())
                    restrictions.Add((reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), (RestrictionKind)reader.GetInt32(3)));
            return Task.FromResult(RegistrySearchSubjects.Summarise(found, restrictions));
        }

        public override Task<IReadOnlyList<ResidentSummary>> ByIdAsync(long id, CancellationToken ct)
        {
            using var conn = new SqliteConnection(connectionString);
            conn.Open();
            using var cmd = Command(conn, RegistrySearchSubjects.PrimaryKeySql, [("id", id)]);
            return Task.FromResult(RegistrySearchSubjects.Summarise(Read(cmd), []));
        }

        private static SqliteCommand Command(SqliteConnection conn, string sql, List<(string Name, object Value)> parameters)
        {
            var cmd = new SqliteCommand(sql, conn);
            foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue("@" + name, value);
            return cmd;
        }

        private static List<FoundRow> Read(SqliteCommand cmd)
        {
            var rows = new List<FoundRow>();
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) rows.Add(new FoundRow(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetString(2)));
            return rows;
        }

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>
/// Records the SQL (and parameter values) EF sends to the registry tables, through EF's DiagnosticSource events;
/// subscribed only while checking, never while measuring.
/// </summary>
internal sealed class EfSqlCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable _all;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly List<CapturedCommand> _commands = [];

    public EfSqlCapture() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    public IReadOnlyList<CapturedCommand> Take()
    {
        lock (_commands)
        {
            var taken = _commands.ToList();
            _commands.Clear();
            return taken;
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name) lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> e)
    {
        if (e.Key != RelationalEventId.CommandExecuting.Name || e.Value is not CommandEventData { Command: var command }) return;
        if (!command.CommandText.Contains("registry_", StringComparison.Ordinal)) return;
        var parameters = command.Parameters.Cast<DbParameter>().Select(p => p switch
        {
            NpgsqlParameter n => (DbParameter)n.Clone(),
            SqliteParameter s => new SqliteParameter(s.ParameterName, s.Value) { SqliteType = s.SqliteType },
            _ => p,
        }).ToList();
        lock (_commands) _commands.Add(new CapturedCommand(command.CommandText, parameters));
    }

    public void OnCompleted() { }
    public void OnError(Exception error) { }

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions) foreach (var s in _subscriptions) s.Dispose();
    }
}

internal sealed record CapturedCommand(string Sql, IReadOnlyList<DbParameter> Parameters)
{
    public string ParameterText => string.Join(", ", Parameters.Select(p => $"{p.ParameterName}={Format(p.Value)}"));

    private static string Format(object? v) => v switch
    {
        null or DBNull => "NULL",
        string s => "'" + s.Replace("\U0010FFFF", "\\u{10FFFF}", StringComparison.Ordinal) + "'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable e => "[" + string.Join(",", e.Cast<object?>().Select(Format)) + "]",
        _ => v.ToString() ?? "",
    };
}

/// <summary>Query plans of the real statements: EF's under the tenant role (RLS applies), the baseline's in the login role.</summary>
internal static class RegistrySearchExplain
{
    public static async Task<IReadOnlyList<string>> PostgresAsync(string connectionString, string sql, IEnumerable<DbParameter> parameters, int? tenantRole, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        if (tenantRole is int tenant)
        {
            // As TenantSessionInterceptor does for every connection of a tenant-scoped context.
            await using var role = new NpgsqlCommand($"SET ROLE {TenantIsolation.ApplicationRole}; SELECT set_config('{TenantIsolation.SessionSetting}', @key, false);", conn);
            role.Parameters.AddWithValue("key", tenant.ToString(CultureInfo.InvariantCulture));
            await role.ExecuteNonQueryAsync(ct);
        }
        await using var cmd = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, conn);
        foreach (var p in parameters)
            cmd.Parameters.Add(p is NpgsqlParameter n ? n.Clone() : new NpgsqlParameter(p.ParameterName, p.Value));
        var lines = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) lines.Add(reader.GetString(0));
        return lines;
    }

    public static IReadOnlyList<string> Sqlite(string connectionString, string sql, IEnumerable<DbParameter> parameters)
    {
        using var conn = new SqliteConnection(connectionString);
        conn.Open();
        using var cmd = new SqliteCommand("EXPLAIN QUERY PLAN " + sql, conn);
        foreach (var p in parameters) cmd.Parameters.Add(new SqliteParameter(p.ParameterName, p.Value));
        var lines = new List<string>();
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) lines.Add(reader.GetString(3));
        return lines;
    }
}
