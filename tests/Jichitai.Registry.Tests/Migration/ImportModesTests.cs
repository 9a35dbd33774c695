using Jichitai.Platform.Text;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Features.Migration.Files;
using Jichitai.Registry.Features.Migration.Import;
using Jichitai.Registry.Features.Migration.Layout;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Tests.Migration;

/// <summary>Dry run, rerun of the same files, replace mode (audited), and the CP932 encoding both ways.</summary>
public class ImportModesTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DryRun_ChecksEverything_AndCommitsNothing(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var dir = MigrationTestHost.TempDir();
        await SampleFiles.Small().WriteAsync(dir);

        var result = await host.ImportAsync(tenant, dir, dryRun: true);

        Assert.Equal(ImportOutcome.DryRunPassed, result.Outcome);
        Assert.Equal(5, result.Counts.Residents);
        Assert.Equal(MigrationTestHost.Empty, await host.CountsAsync(tenant));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheSameFilesAgain_AreReportedAsDone_NotLoadedTwice(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var dir = MigrationTestHost.TempDir();
        await SampleFiles.Small().WriteAsync(dir);
        Assert.Equal(ImportOutcome.Imported, (await host.ImportAsync(tenant, dir)).Outcome);
        var after = await host.CountsAsync(tenant);

        Assert.Equal(ImportOutcome.AlreadyImported, (await host.ImportAsync(tenant, dir)).Outcome);
        Assert.Equal(after, await host.CountsAsync(tenant));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OtherFiles_IntoATenantWithResidents_AreRefused_UnlessReplaceWithAReason_WhichIsAudited(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var other = await host.CreateTenantAsync("011002", "札幌市");
        var (small, town) = (MigrationTestHost.TempDir(), MigrationTestHost.TempDir());
        await SampleFiles.Small().WriteAsync(small);
        await SampleFiles.Town(3).WriteAsync(town);
        Assert.Equal(ImportOutcome.Imported, (await host.ImportAsync(tenant, small)).Outcome);
        Assert.Equal(ImportOutcome.Imported, (await host.ImportAsync(other, small)).Outcome);
        var before = await host.CountsAsync(tenant);

        var refused = await host.ImportAsync(tenant, town);
        Assert.Equal(ImportOutcome.Rejected, refused.Outcome);
        Assert.Contains("既に5人の住民", Assert.Single(refused.Errors).Reason);
        Assert.Equal(ImportOutcome.Rejected, (await host.ImportAsync(tenant, town, replace: true)).Outcome); // no reason given
        Assert.Equal(before, await host.CountsAsync(tenant));

        var replaced = await host.ImportAsync(tenant, town, replace: true, reason: "移行データの再取込(テスト)");
        Assert.Equal(ImportOutcome.Imported, replaced.Outcome);
        Assert.Equal("residents=9 households=3 movements=10 versions=10 restrictions=0 issues=0 subjects=0 runs=2", await host.CountsAsync(tenant));
        // The other tenant is untouched.
        Assert.Equal("residents=5 households=2 movements=7 versions=7 restrictions=1 issues=1 subjects=2 runs=1", await host.CountsAsync(other));
        await using var platform = PlatformDatabase.Create(host.Database.Settings.Database, TenantScope.System);
        var line = await platform.AuditEntries.SingleAsync(e => e.Action == AuditActions.MigrationImport && e.Reason == "移行データの再取込(テスト)");
        Assert.Contains("置換(既存5人を削除)", line.Detail);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cp932_ImportsNecExtensions_AndExportRefusesCharactersItCannotHold(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var sample = SampleFiles.Small();
        sample[MigrationLayout.Residents][0]["氏"] = "髙山"; // 髙 is in CP932 through the NEC selected IBM extensions
        var dir = MigrationTestHost.TempDir();
        await sample.WriteAsync(dir, StrictEncoding.Cp932);
        var imported = await host.ImportAsync(tenant, dir, StrictEncoding.Cp932);
        Assert.True(imported.Outcome == ImportOutcome.Imported, string.Join("\n", imported.Errors));
        var person = await host.GetAsync(tenant, SampleFiles.Addressee(1));
        Assert.Equal("髙山", person.Record.FamilyName);

        var tenant2 = await host.CreateTenantAsync("011002", "札幌市");
        var yoshida = SampleFiles.Small();
        yoshida[MigrationLayout.Residents][1]["氏"] = "𠮷田";
        var utf8 = MigrationTestHost.TempDir();
        await yoshida.WriteAsync(utf8);
        Assert.Equal(ImportOutcome.Imported, (await host.ImportAsync(tenant2, utf8)).Outcome);
        var outDir = MigrationTestHost.TempDir();
        var export = await host.ExportAsync(tenant2, outDir, StrictEncoding.Cp932);
        Assert.False(export.Written);
        var error = Assert.Single(export.Errors);
        Assert.Equal(("residents.csv", 3L, "氏", "𠮷田"), (error.File, error.Line, error.Column, error.Value));
        Assert.Contains("U+20BB7", error.Reason);
        Assert.Empty(Directory.GetFileSystemEntries(outDir));
    }

    [Fact]
    public async Task PostgreSql_ARoleThatCannotCopyPastRowLevelSecurity_LoadsThroughTemporaryTables()
    {
        await using var host = await RegistryTestHost.CreateAsync(DatabaseProvider.PostgreSql);
        var tenant = await host.CreateTenantAsync();
        var dir = MigrationTestHost.TempDir();
        await SampleFiles.Small().WriteAsync(dir);
        Persistence.BulkWriter.AlwaysStage = true;
        try
        {
            Assert.Equal(ImportOutcome.Imported, (await host.ImportAsync(tenant, dir)).Outcome);
        }
        finally
        {
            Persistence.BulkWriter.AlwaysStage = false;
        }
        Assert.Equal("residents=5 households=2 movements=7 versions=7 restrictions=1 issues=1 subjects=2 runs=1", await host.CountsAsync(tenant));
    }

    [Fact]
    public async Task Cp932_BytesThatAreNotCp932_AreReported()
    {
        await using var host = await RegistryTestHost.CreateAsync(DatabaseProvider.Sqlite);
        var tenant = await host.CreateTenantAsync();
        var dir = MigrationTestHost.TempDir();
        await SampleFiles.Small().WriteAsync(dir, StrictEncoding.Cp932);
        var path = Path.Combine(dir, "residents.csv");
        var bytes = await File.ReadAllBytesAsync(path);
        var hanako = StrictEncoding.Cp932.Writing.GetBytes("花子");
        var at = bytes.AsSpan().IndexOf(hanako);
        bytes[at + 2] = 0x85; bytes[at + 3] = 0x20; // a lead byte followed by an invalid trail byte
        await File.WriteAllBytesAsync(path, bytes);

        var result = await host.ImportAsync(tenant, dir, StrictEncoding.Cp932);

        Assert.Equal(ImportOutcome.Rejected, result.Outcome);
        Assert.Contains(result.Errors, e => e.File == "residents.csv" && e.Line == 3 && e.Column == "名" && e.Reason.Contains("正しくないバイト列"));
        Assert.Equal(MigrationTestHost.Empty, await host.CountsAsync(tenant));
    }
}
