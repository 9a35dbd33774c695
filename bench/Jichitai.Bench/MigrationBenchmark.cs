using System.Diagnostics;
using System.Globalization;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Features.Migration.Layout;
using Jichitai.Registry.Features.Migration.Synthetic;
using Jichitai.Testing;
using Npgsql;

namespace Jichitai.Bench;

internal sealed record MigrationBenchOptions(int Residents, string Provider, string? DataDirectory, int Seed);

/// <summary>
/// 移行 at scale: `jichitai migrate import` and `export` run as child processes (the product's own path, progress bar and all)
/// on a generated city, with wall time and peak memory (VmHWM). On PostgreSQL two baselines run on the same server in the same
/// run: (A) COPY of the five CSV files into bare text tables, (B) binary COPY of the very rows the import wrote into bare copies
/// of the registry tables (no indexes, no constraints, no row-level security).
/// </summary>
internal sealed class MigrationBenchmark(MigrationBenchOptions options, TextWriter output)
{
    private static readonly string[] Tables =
    [
        "registry_households", "registry_residents", "registry_movements", "registry_resident_versions", "registry_restrictions",
        "registry_certificate_issues", "registry_certificate_subjects",
    ];

    public async Task RunAsync(CancellationToken ct)
    {
        output.WriteLine($"migration benchmark: {options.Residents:N0} residents; {Environment.ProcessorCount} CPUs; load average {Machine.LoadAverage()}");
        var cli = await BuildCliAsync(ct);
        var data = options.DataDirectory ?? Path.Combine(Path.GetTempPath(), $"jc-city-{options.Residents}-{options.Seed}");
        if (!File.Exists(Path.Combine(data, "certificate_issues.csv")))
        {
            var watch = Stopwatch.StartNew();
            var city = await SyntheticCity.WriteAsync(new SyntheticCityOptions(options.Residents, data, new DateOnly(2026, 11, 27), options.Seed), null, ct);
            output.WriteLine($"generated in {watch.Elapsed.TotalSeconds:N1} s: {string.Join(", ", city.Files.Select(f => $"{f.File.FileName} {f.Rows:N0}"))}");
        }
        var bytes = MigrationLayout.Files.Sum(f => new FileInfo(Path.Combine(data, f.FileName)).Length);
        var rows = MigrationLayout.Files.Sum(f => File.ReadLines(Path.Combine(data, f.FileName)).LongCount() - 1);
        output.WriteLine($"input: {data} — {rows:N0} rows, {bytes / 1e6:N0} MB");

        if (options.Provider is "postgresql" or "both") await PostgresAsync(cli, data, rows, ct);
        if (options.Provider is "sqlite" or "both") await SqliteAsync(cli, data, rows, ct);
        output.WriteLine($"load average after: {Machine.LoadAverage()}");
    }

    private async Task PostgresAsync(string cli, string data, long rows, CancellationToken ct)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        var cs = db.Settings.Database.ConnectionString;
        await CreateTenantAsync(cli, db, ct);
        var import = await ChildAsync(cli, db, ["migrate", "import", "--tenant", "131016", "--dir", data], ct);
        var export = await ChildAsync(cli, db, ["migrate", "export", "--tenant", "131016", "--dir", Path.Combine(Path.GetTempPath(), "jc-export-pg")], ct);
        var csvCopy = await CopyCsvAsync(cs, data, ct);
        var (rowCopy, copiedRows) = await CopyRowsAsync(cs, ct);

        output.WriteLine();
        output.WriteLine("PostgreSQL");
        output.WriteLine($"| step | wall | rows/s | peak memory | ratio to (A) | ratio to (B) |");
        output.WriteLine($"|---|---|---|---|---|---|");
        output.WriteLine($"| jichitai migrate import | {S(import.Wall)} | {rows / import.Wall.TotalSeconds:N0} | {import.PeakMb:N0} MB | {import.Wall / csvCopy:N2}× | {import.Wall / rowCopy:N2}× |");
        output.WriteLine($"| jichitai migrate export | {S(export.Wall)} | {rows / export.Wall.TotalSeconds:N0} | {export.PeakMb:N0} MB | {export.Wall / csvCopy:N2}× | {export.Wall / rowCopy:N2}× |");
        output.WriteLine($"| (A) COPY of the CSV files into bare text tables | {S(csvCopy)} | {rows / csvCopy.TotalSeconds:N0} | | 1.00× | |");
        output.WriteLine($"| (B) binary COPY of the {copiedRows:N0} rows the import wrote into bare tables | {S(rowCopy)} | {copiedRows / rowCopy.TotalSeconds:N0} | | | 1.00× |");
    }

    private async Task SqliteAsync(string cli, string data, long rows, CancellationToken ct)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await CreateTenantAsync(cli, db, ct);
        var import = await ChildAsync(cli, db, ["migrate", "import", "--tenant", "131016", "--dir", data], ct);
        var export = await ChildAsync(cli, db, ["migrate", "export", "--tenant", "131016", "--dir", Path.Combine(Path.GetTempPath(), "jc-export-sqlite")], ct);
        var size = new FileInfo(db.Settings.Database.SqliteFile!).Length;
        output.WriteLine();
        output.WriteLine("SQLite");
        output.WriteLine($"| step | wall | rows/s | peak memory |");
        output.WriteLine($"|---|---|---|---|");
        output.WriteLine($"| jichitai migrate import | {S(import.Wall)} | {rows / import.Wall.TotalSeconds:N0} | {import.PeakMb:N0} MB |");
        output.WriteLine($"| jichitai migrate export | {S(export.Wall)} | {rows / export.Wall.TotalSeconds:N0} | {export.PeakMb:N0} MB |");
        output.WriteLine($"database file after import: {size / 1e6:N0} MB");
    }

    private static string S(TimeSpan t) => $"{t.TotalSeconds:N1} s";

    private async Task CreateTenantAsync(string cli, TestDatabase db, CancellationToken ct)
    {
        var r = await ChildAsync(cli, db, ["tenant", "create", "--code", "131016", "--name", "千代田区", "--class", "特別区"], ct);
        if (r.ExitCode != 0) throw new InvalidOperationException("tenant create failed");
    }

    private sealed record ChildResult(int ExitCode, TimeSpan Wall, double PeakMb);

    /// <summary>Runs the CLI; samples the child's VmHWM (peak resident set) until it exits.</summary>
    private async Task<ChildResult> ChildAsync(string cli, TestDatabase db, string[] args, CancellationToken ct)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { cli }.Concat(args).Concat(["--database", db.Settings.Database.SqliteFile ?? db.Settings.Database.ConnectionString, "--keys", db.Settings.KeyDirectory]))
            start.ArgumentList.Add(a);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        double peakKb = 0;
        while (!process.HasExited)
        {
            peakKb = Math.Max(peakKb, VmHwmKb(process.Id));
            await Task.Delay(100, ct);
        }
        await process.WaitForExitAsync(ct);
        watch.Stop();
        var text = (await stdout).Split('\n').Where(l => !l.Contains('%')).TakeLast(3);
        output.WriteLine($"  $ jichitai {string.Join(' ', args)} → exit {process.ExitCode}, {watch.Elapsed.TotalSeconds:N1} s; {string.Join(" / ", text.Select(t => t.Trim()))}{await stderr}");
        return new(process.ExitCode, watch.Elapsed, peakKb / 1024);
    }

    private static double VmHwmKb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException) { return 0; }
        catch (UnauthorizedAccessException) { return 0; }
    }

    /// <summary>Baseline (A): the files as they are, COPY … (FORMAT csv) into tables of text columns, no checks, no indexes.</summary>
    private static async Task<TimeSpan> CopyCsvAsync(string cs, string data, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync(ct);
        foreach (var file in MigrationLayout.Files)
        {
            var columns = string.Join(", ", file.Columns.Select((_, i) => $"c{i} text"));
            await using var create = new NpgsqlCommand($"DROP TABLE IF EXISTS bare_csv_{Name(file)}; CREATE TABLE bare_csv_{Name(file)} ({columns})", conn);
            await create.ExecuteNonQueryAsync(ct);
        }
        var watch = Stopwatch.StartNew();
        await using var tx = await conn.BeginTransactionAsync(ct);
        foreach (var file in MigrationLayout.Files)
        {
            // The server reads the file itself: the rawest load there is (the throwaway server runs as a superuser).
            await using var copy = new NpgsqlCommand($"COPY bare_csv_{Name(file)} FROM '{Path.GetFullPath(Path.Combine(data, file.FileName))}' (FORMAT csv, HEADER true)", conn, tx);
            copy.CommandTimeout = 0;
            await copy.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return watch.Elapsed;
    }

    private static string Name(LayoutFile file) => Path.GetFileNameWithoutExtension(file.FileName);

    /// <summary>
    /// Baseline (B): the rows the import wrote, first dumped by the server to binary files (not timed), then COPY (FORMAT
    /// binary) from those files into bare LIKE-copies of the tables (no index, no constraint, no row-level security).
    /// </summary>
    private static async Task<(TimeSpan, long)> CopyRowsAsync(string cs, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync(ct);
        var dumps = new List<(string Table, string File)>();
        foreach (var table in Tables)
        {
            var file = Path.Combine(Path.GetTempPath(), $"jc-bench-{table}.bin");
            await ExecAsync(conn, $"DROP TABLE IF EXISTS bare_{table}; CREATE TABLE bare_{table} (LIKE {table}); COPY {table} TO '{file}' (FORMAT binary)", ct);
            dumps.Add((table, file));
        }
        var watch = Stopwatch.StartNew();
        await using (var tx = await conn.BeginTransactionAsync(ct))
        {
            foreach (var (table, file) in dumps) await ExecAsync(conn, $"COPY bare_{table} FROM '{file}' (FORMAT binary)", ct);
            await tx.CommitAsync(ct);
        }
        var elapsed = watch.Elapsed;
        long count = 0;
        foreach (var (table, file) in dumps)
        {
            await using var c = new NpgsqlCommand($"SELECT count(*) FROM bare_{table}", conn);
            count += (long)(await c.ExecuteScalarAsync(ct))!;
            File.Delete(file);
        }
        return (elapsed, count);
    }

    private static async Task ExecAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The CLI in Release, built once, run as `dotnet jichitai.dll`.</summary>
    private static async Task<string> BuildCliAsync(CancellationToken ct)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "JichitaiCloud.slnx"))) root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("repository root not found");
        var project = Path.Combine(root, "src", "Jichitai.Cli");
        using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", project, "-c", "Release", "-v", "q", "-nologo"]))!;
        await build.WaitForExitAsync(ct);
        if (build.ExitCode != 0) throw new InvalidOperationException("building the CLI failed");
        return Path.Combine(project, "bin", "Release", "net10.0", "jichitai.dll");
    }
}
