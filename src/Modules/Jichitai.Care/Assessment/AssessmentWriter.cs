using System.Data.Common;
using Jichitai.Care.Persistence;
using Jichitai.Platform.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Jichitai.Care.Assessment;

/// <summary>Writes assessment rows in bulk inside the caller's transaction: COPY on PostgreSQL, one prepared INSERT on SQLite.</summary>
internal static class AssessmentWriter
{
    private const string Columns = "tenant_id, fiscal_year, addressee_number, revision, is_current, kind, run_id, ordinance_version, stage, months, annual_premium, reduction, collection, installments, detail, february_special, cause, computed_at, computed_by";

    public static async Task WriteAsync(DbConnection c, DbTransaction tx, DatabaseProvider provider, IReadOnlyList<AssessmentRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        await SupersedeAsync(c, tx, rows, ct);
        if (provider == DatabaseProvider.PostgreSql) await CopyAsync((NpgsqlConnection)c, rows, ct);
        else await InsertAsync(c, tx, rows, ct);
    }

    // The revision in force so far stops being current (one UPDATE per chunk).
    private static async Task SupersedeAsync(DbConnection c, DbTransaction tx, IReadOnlyList<AssessmentRow> rows, CancellationToken ct)
    {
        var revised = rows.Where(r => r.Revision > 1).ToList();
        foreach (var part in revised.Chunk(500))
        {
            await using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            var terms = part.Select((r, n) =>
            {
                Sql.Add(cmd, $"@a{n}", r.AddresseeNumber);
                Sql.Add(cmd, $"@r{n}", r.Revision - 1);
                return $"(addressee_number = @a{n} AND revision = @r{n})";
            });
            cmd.CommandText = $"UPDATE care_assessments SET is_current = @f WHERE tenant_id = @t AND fiscal_year = @y AND ({string.Join(" OR ", terms)})";
            Sql.Add(cmd, "@f", false);
            Sql.Add(cmd, "@t", part[0].TenantId);
            Sql.Add(cmd, "@y", part[0].FiscalYear);
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task CopyAsync(NpgsqlConnection c, IReadOnlyList<AssessmentRow> rows, CancellationToken ct)
    {
        // COPY FROM is refused on a table under row-level security unless the role bypasses it (the application role does
        // not): load a temporary table, then one INSERT … SELECT, which the tenant policy checks.
        var bypass = await BypassesRowSecurityAsync(c, ct);
        var target = bypass ? "care_assessments" : "stage_care_assessments";
        if (!bypass)
        {
            await using var create = c.CreateCommand();
            create.CommandText = $"CREATE TEMP TABLE IF NOT EXISTS stage_care_assessments ON COMMIT DROP AS SELECT {Columns} FROM care_assessments WITH NO DATA";
            await create.ExecuteNonQueryAsync(ct);
        }
        await WriteCopyAsync(c, target, rows, ct);
        if (!bypass)
        {
            await using var move = c.CreateCommand();
            move.CommandText = $"INSERT INTO care_assessments ({Columns}) SELECT {Columns} FROM stage_care_assessments; TRUNCATE stage_care_assessments";
            await move.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task<bool> BypassesRowSecurityAsync(NpgsqlConnection c, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user";
        return await cmd.ExecuteScalarAsync(ct) is true;
    }

    private static async Task WriteCopyAsync(NpgsqlConnection c, string target, IReadOnlyList<AssessmentRow> rows, CancellationToken ct)
    {
        await using var w = await c.BeginBinaryImportAsync($"COPY {target} ({Columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var r in rows)
        {
            await w.StartRowAsync(ct);
            await w.WriteAsync(r.TenantId, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(r.FiscalYear, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(r.AddresseeNumber, NpgsqlDbType.Varchar, ct);
            await w.WriteAsync(r.Revision, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(r.IsCurrent, NpgsqlDbType.Boolean, ct);
            await w.WriteAsync(r.Kind, NpgsqlDbType.Varchar, ct);
            if (r.RunId is { } run) await w.WriteAsync(run, NpgsqlDbType.Bigint, ct); else await w.WriteNullAsync(ct);
            await w.WriteAsync(r.OrdinanceVersion, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(r.Stage, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(r.Months, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(r.AnnualPremium, NpgsqlDbType.Bigint, ct);
            await w.WriteAsync(r.Reduction, NpgsqlDbType.Bigint, ct);
            await w.WriteAsync(r.Collection, NpgsqlDbType.Varchar, ct);
            await w.WriteAsync(r.Installments, NpgsqlDbType.Text, ct);
            await w.WriteAsync(r.Detail, NpgsqlDbType.Text, ct);
            if (r.FebruarySpecial is { } feb) await w.WriteAsync(feb, NpgsqlDbType.Bigint, ct); else await w.WriteNullAsync(ct);
            if (r.Cause is { } cause) await w.WriteAsync(cause, NpgsqlDbType.Varchar, ct); else await w.WriteNullAsync(ct);
            await w.WriteAsync(r.ComputedAt, NpgsqlDbType.TimestampTz, ct);
            await w.WriteAsync(r.ComputedBy, NpgsqlDbType.Varchar, ct);
        }
        await w.CompleteAsync(ct);
    }

    private static async Task InsertAsync(DbConnection c, DbTransaction tx, IReadOnlyList<AssessmentRow> rows, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        var names = Columns.Split(", ");
        cmd.CommandText = $"INSERT INTO care_assessments ({Columns}) VALUES ({string.Join(", ", names.Select(n => "@" + n))})";
        var ps = names.ToDictionary(n => n, n => { var p = cmd.CreateParameter(); p.ParameterName = "@" + n; cmd.Parameters.Add(p); return p; });
        foreach (var r in rows)
        {
            ps["tenant_id"].Value = r.TenantId;
            ps["fiscal_year"].Value = r.FiscalYear;
            ps["addressee_number"].Value = r.AddresseeNumber;
            ps["revision"].Value = r.Revision;
            ps["is_current"].Value = r.IsCurrent;
            ps["kind"].Value = r.Kind;
            ps["run_id"].Value = (object?)r.RunId ?? DBNull.Value;
            ps["ordinance_version"].Value = r.OrdinanceVersion;
            ps["stage"].Value = r.Stage;
            ps["months"].Value = r.Months;
            ps["annual_premium"].Value = r.AnnualPremium;
            ps["reduction"].Value = r.Reduction;
            ps["collection"].Value = r.Collection;
            ps["installments"].Value = r.Installments;
            ps["detail"].Value = r.Detail;
            ps["february_special"].Value = (object?)r.FebruarySpecial ?? DBNull.Value;
            ps["cause"].Value = (object?)r.Cause ?? DBNull.Value;
            ps["computed_at"].Value = r.ComputedAt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
            ps["computed_by"].Value = r.ComputedBy;
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }
}
