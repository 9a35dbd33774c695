using Jichitai.Cli;
using Jichitai.Platform.Persistence;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;
using static Jichitai.Care.Tests.Income.ImportFiles;

namespace Jichitai.Care.Tests.Income;

/// <summary><c>jichitai care import-income | import-pension</c> run in-process against the test database.</summary>
public class CareImportCliTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportCommands_ImportAGoodFile_AndRefuseABadOneWithAnErrorReport(DatabaseProvider provider)
    {
        await using var host = await CareTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        await host.PersonAsync(tenant, "1", new DateOnly(1950, 1, 1));
        var dir = Directory.CreateTempSubdirectory("care-import-cli-").FullName;
        var good = Path.Combine(dir, "shotoku.csv");
        var bad = Path.Combine(dir, "nenkin.csv");
        await File.WriteAllBytesAsync(good, Cp932(IncomeHeader, "1,100000,0,100000,1,0,0"));
        await File.WriteAllBytesAsync(bad, Utf8(PensionHeader, "1,01,100000", "2,001,100000"));

        var dry = await RunAsync(host, "care", "import-income", "--tenant", tenant.Code, "--year", "2026", "--file", good, "--encoding", "cp932", "--dry-run");
        await using (var db = host.Db(tenant)) Assert.Equal(0, await db.Incomes.CountAsync());
        var imported = await RunAsync(host, "care", "import-income", "--tenant", tenant.Code, "--year", "2026", "--file", good, "--encoding", "cp932");
        var refused = await RunAsync(host, "care", "import-pension", "--tenant", tenant.Code, "--year", "2026", "--file", bad);

        Assert.True(dry.Code == 0, dry.Output);
        Assert.Contains("検査のみ", dry.Output);
        Assert.True(imported.Code == 0, imported.Output);
        Assert.Contains("取り込みました", imported.Output);
        Assert.Equal(2, refused.Code);
        Assert.Contains("2件のエラー", refused.Output);
        Assert.Contains("年金保険者コードは3桁の半角数字で入力してください", refused.Output);
        var report = await File.ReadAllLinesAsync(bad + ".errors.csv");
        Assert.Equal(["行,項目,内容", "2,年金保険者コード,年金保険者コードは3桁の半角数字で入力してください(「01」)",
            "3,宛名番号,宛名番号 2 は介護保険の住民情報にありません(住民記録からの連携を確認してください)"], report);
        await using var check = host.Db(tenant);
        Assert.True((await check.Incomes.SingleAsync()).ResidentTaxable);
        Assert.Equal(0, await check.Pensions.CountAsync());
        Directory.Delete(dir, recursive: true);
    }

    private static async Task<(int Code, string Output)> RunAsync(CareTestHost host, params string[] args)
    {
        var settings = host.Database.Settings;
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync([.. args, "--database", settings.Database.SqliteFile ?? settings.Database.ConnectionString, "--keys", settings.KeyDirectory],
            stdout, stderr, new StringReader(""));
        return (code, stdout + "\n" + stderr);
    }
}
