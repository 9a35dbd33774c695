using System.Diagnostics;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Features.Migration.Layout;
using Jichitai.Registry.Features.Migration.Synthetic;
using Jichitai.Registry.Persistence;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Jichitai.Cli.Tests.Commands;

/// <summary>
/// `jichitai migrate`: import, export and the layout document through the CLI; and the kill test: an import of about
/// 100,000 rows killed (SIGKILL) at random points, then run again, ends exactly like an import never interrupted.
/// </summary>
public class MigrateCommandsTests(ITestOutputHelper output)
{
    private static readonly DateOnly Reference = new(2026, 11, 27);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_ThenExport_GivesTheSameFiles_AndASecondImportIsADoneJob(DatabaseProvider provider)
    {
        await using var host = await CliTestHost.CreateAsync(provider);
        var input = await CityAsync(300, 5);
        Assert.Equal(0, (await host.RunAsync("tenant", "create", "--code", "131016", "--name", "千代田区")).ExitCode);

        var imported = await host.RunAsync("migrate", "import", "--tenant", "131016", "--dir", input);
        Assert.True(imported.ExitCode == 0, imported.ToString());
        Assert.Contains("取り込みました / imported", imported.Stdout);
        var again = await host.RunAsync("migrate", "import", "--tenant", "131016", "--dir", input);
        Assert.Contains("既に取り込み済み", again.Stdout);

        var exported = Temp();
        var export = await host.RunAsync("migrate", "export", "--tenant", "131016", "--dir", exported);
        Assert.True(export.ExitCode == 0, export.ToString());
        AssertSameFiles(input, exported);
    }

    [Fact]
    public async Task Import_WithErrors_WritesTheJapaneseErrorReport_AndExitsRefused()
    {
        await using var host = await CliTestHost.CreateAsync(DatabaseProvider.Sqlite);
        var input = await CityAsync(50, 6);
        var path = Path.Combine(input, "residents.csv");
        var lines = File.ReadAllLines(path);
        var fields = lines[1].Split(',');
        fields[MigrationLayout.Residents.IndexOf("生年月日")] = "4310501"; // 平成31年5月1日: 平成 had ended
        lines[1] = string.Join(',', fields);
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n");
        await host.RunAsync("tenant", "create", "--code", "131016", "--name", "千代田区");

        var result = await host.RunAsync("migrate", "import", "--tenant", "131016", "--dir", input, "--dry-run");

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Equal([0xEF, 0xBB, 0xBF], File.ReadAllBytes(Path.Combine(input, "errors.csv"))[..3]); // BOM: opens in Japanese in a spreadsheet
        var report = File.ReadAllLines(Path.Combine(input, "errors.csv"));
        Assert.Equal("ファイル,行,項目,値,理由", report[0]);
        Assert.Contains(report, l => l.StartsWith("residents.csv,2,生年月日,4310501,平成31年5月1日は存在しません", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Layout_PrintsTheDocumentOfEveryColumn()
    {
        var result = await Cli.RunAsync(["migrate", "layout"]);
        Assert.Equal(0, result.ExitCode);
        foreach (var file in MigrationLayout.Files)
        {
            Assert.Contains($"`{file.FileName}`", result.Stdout);
            foreach (var column in file.Columns) Assert.Contains($"| {column.Name} |", result.Stdout);
        }
        Assert.Contains("平成31年5月1日", result.Stdout);
    }

    /// <summary>The committed docs/migration-layout.md is what the layout prints today.</summary>
    [Fact]
    public async Task TheLayoutDocumentInDocs_IsUpToDate()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "JichitaiCloud.slnx"))) root = Path.GetDirectoryName(root)!;
        var result = await Cli.RunAsync(["migrate", "layout"]);
        Assert.Equal(LayoutDocument.Markdown(), await File.ReadAllTextAsync(Path.Combine(root, "docs", "migration-layout.md")));
        Assert.Equal(LayoutDocument.Markdown(), result.Stdout);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_KilledAtRandomPoints_AndRunAgain_EndsLikeAnUninterruptedImport(DatabaseProvider provider)
    {
        await using var host = await CliTestHost.CreateAsync(provider);
        var input = await CityAsync(40_000, 7); // ≈ 41,600 people, 62,000 history lines, 18,000 households: over 100,000 rows
        var rows = MigrationLayout.Files.Sum(f => File.ReadLines(Path.Combine(input, f.FileName)).LongCount() - 1);
        Assert.True(rows > 100_000, $"{rows} rows");

        Assert.Equal(0, (await host.RunAsync("tenant", "create", "--code", "131016", "--name", "千代田区")).ExitCode);
        var watch = Stopwatch.StartNew();
        var (code, text) = await ChildAsync(host, ["migrate", "import", "--tenant", "131016", "--dir", input], killAfter: null);
        var uninterrupted = watch.Elapsed;
        Assert.True(code == 0, text);
        var expected = Temp();
        Assert.Equal(0, (await host.RunAsync("migrate", "export", "--tenant", "131016", "--dir", expected)).ExitCode);
        var full = await ResidentsAsync(host, "131016");

        var seed = Environment.TickCount;
        var random = new Random(seed);
        output.WriteLine($"uninterrupted import {uninterrupted.TotalSeconds:N1} s; kill points from seed {seed}");
        foreach (var (tenant, name) in new[] { ("011002", "札幌市"), ("012025", "函館市"), ("012033", "小樽市") })
        {
            Assert.Equal(0, (await host.RunAsync("tenant", "create", "--code", tenant, "--name", name)).ExitCode);
            var killAfter = uninterrupted * (0.1 + 0.85 * random.NextDouble());
            var (killedCode, killedText) = await ChildAsync(host, ["migrate", "import", "--tenant", tenant, "--dir", input], killAfter);
            var after = await ResidentsAsync(host, tenant);
            output.WriteLine($"{tenant}: killed after {killAfter.TotalSeconds:N1} s (exit {killedCode}); residents then: {after}");
            Assert.True(after == 0 || after == full, $"a killed import left {after} of {full} residents");

            var rerun = await host.RunAsync("migrate", "import", "--tenant", tenant, "--dir", input);
            Assert.True(rerun.ExitCode == 0, rerun.ToString());
            var actual = Temp();
            Assert.Equal(0, (await host.RunAsync("migrate", "export", "--tenant", tenant, "--dir", actual)).ExitCode);
            AssertSameFiles(expected, actual);
        }
    }

    private static async Task<int> ResidentsAsync(CliTestHost host, string code)
    {
        var tenant = await host.QueryAsync(db => db.Tenants.SingleAsync(t => t.Code == code));
        await using var db = RegistryDatabase.Create(host.Database.Settings.Database, TenantScope.ForTenant(tenant.Id));
        return await db.Residents.CountAsync();
    }

    /// <summary>Runs the real CLI in its own process; kills it (SIGKILL) after <paramref name="killAfter"/> if it still runs.</summary>
    private static async Task<(int Code, string Output)> ChildAsync(CliTestHost host, string[] args, TimeSpan? killAfter)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "jichitai.dll"));
        foreach (var a in args.Concat(["--database", host.DatabaseArgument, "--keys", host.Database.Settings.KeyDirectory])) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (killAfter is { } delay && !process.WaitForExit(delay)) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static async Task<string> CityAsync(int residents, int seed)
    {
        var dir = Temp();
        await SyntheticCity.WriteAsync(new SyntheticCityOptions(residents, dir, Reference, seed));
        return dir;
    }

    private static void AssertSameFiles(string expected, string actual)
    {
        foreach (var file in MigrationLayout.Files)
            Assert.True(File.ReadAllBytes(Path.Combine(expected, file.FileName)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file.FileName))),
                $"{file.FileName} differs");
    }

    private static string Temp() => Directory.CreateTempSubdirectory("jc-migrate-").FullName;
}
