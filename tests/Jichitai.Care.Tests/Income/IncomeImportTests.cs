using Jichitai.Care.Income;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;
using static Jichitai.Care.Tests.Income.ImportFiles;

namespace Jichitai.Care.Tests.Income;

public class IncomeImportTests
{
    private static readonly DateOnly Born1950 = new(1950, 5, 1);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Income_Lands_WithTheImportRecordAndAnAccessLogLine(DatabaseProvider provider)
    {
        await using var host = await CareTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        await host.PersonAsync(tenant, "000000000001", Born1950);
        await host.PersonAsync(tenant, "000000000002", new DateOnly(1990, 1, 1));

        var result = await host.ImportIncomeAsync(tenant, Utf8(IncomeHeader, "000000000001,-120000,780000,-200000,0,0,1", "000000000002,3500000,0,3500000,1,0,0"));

        Assert.True(result.Succeeded, Describe(result));
        Assert.Equal((2, 2, "income"), (result.RowsRead, result.RowsWritten, result.Kind));
        await using var db = host.Db(tenant);
        var import = await db.Imports.SingleAsync();
        Assert.Equal(("income", 2026, "shotoku.csv", 2, CareTestHost.Officer.Name), (import.Kind, import.FiscalYear, import.FileName, import.Rows, import.Actor));
        Assert.Equal(import.Id, result.ImportId);
        var first = await db.Incomes.SingleAsync(i => i.AddresseeNumber == "000000000001");
        Assert.Equal((2026, -120000L, 780000L, -200000L, false, false, true, import.Id),
            (first.FiscalYear, first.TotalIncome, first.TaxablePensionIncome, first.OtherIncome, first.ResidentTaxable, first.PublicAssistance, first.OldAgeWelfarePension, first.ImportId));
        Assert.True((await db.Incomes.SingleAsync(i => i.AddresseeNumber == "000000000002")).ResidentTaxable);

        await using var platform = PlatformDatabase.Create(host.Database.Settings.Database, TenantScope.System);
        var line = await platform.AuditEntries.SingleAsync(a => a.Action == AuditActions.CareImport);
        Assert.Equal(("care.import", import.Id.ToString(), tenant.Id), (line.TargetType, line.TargetId, line.TenantId));
        Assert.Contains("2026年度 所得情報 取込: shotoku.csv 2件", line.Detail);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task APersonInTheFile_ReplacesOnlyThatPersonsRow_OfThatYear(DatabaseProvider provider)
    {
        await using var host = await CareTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        await host.PersonAsync(tenant, "1", Born1950);
        await host.PersonAsync(tenant, "2", Born1950);
        await host.IncomeAsync(tenant, 2025, "1", 111, 0, 111, false);
        Assert.True((await host.ImportIncomeAsync(tenant, Utf8(IncomeHeader, "1,100000,0,100000,0,0,0", "2,200000,0,200000,0,0,0"))).Succeeded);

        var second = await host.ImportIncomeAsync(tenant, Utf8(IncomeHeader, "1,1500000,1200000,300000,1,0,0"));

        Assert.True(second.Succeeded, Describe(second));
        await using var db = host.Db(tenant);
        var replaced = await db.Incomes.SingleAsync(i => i.FiscalYear == 2026 && i.AddresseeNumber == "1");
        Assert.Equal((1500000L, 1200000L, 300000L, true, second.ImportId!.Value), (replaced.TotalIncome, replaced.TaxablePensionIncome, replaced.OtherIncome, replaced.ResidentTaxable, replaced.ImportId));
        var kept = await db.Incomes.SingleAsync(i => i.FiscalYear == 2026 && i.AddresseeNumber == "2");
        Assert.Equal(200000L, kept.TotalIncome);
        Assert.NotEqual(second.ImportId, kept.ImportId);
        Assert.Equal(111L, (await db.Incomes.SingleAsync(i => i.FiscalYear == 2025)).TotalIncome);
        Assert.Equal(3, await db.Incomes.CountAsync());
        Assert.Equal(2, await db.Imports.CountAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ABadLastRow_LeavesEverythingAsItWas(DatabaseProvider provider)
    {
        await using var host = await CareTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        await host.PersonAsync(tenant, "1", Born1950);
        await host.PersonAsync(tenant, "2", Born1950);
        Assert.True((await host.ImportIncomeAsync(tenant, Utf8(IncomeHeader, "1,100000,0,100000,0,0,0"))).Succeeded);

        var refused = await host.ImportIncomeAsync(tenant, Utf8(IncomeHeader, "1,900000,0,900000,1,0,0", "2,200000,0,200000,0,0,0", "2,300000,0,300000,0,0,0"));

        Assert.False(refused.Succeeded);
        Assert.Equal((3, 0, 1), (refused.RowsRead, refused.RowsWritten, refused.ErrorCount));
        Assert.Null(refused.ImportId);
        await using var db = host.Db(tenant);
        Assert.Equal(1, await db.Incomes.CountAsync());
        Assert.Equal(100000L, (await db.Incomes.SingleAsync()).TotalIncome);
        Assert.Equal(1, await db.Imports.CountAsync());
        await using var platform = PlatformDatabase.Create(host.Database.Settings.Database, TenantScope.System);
        Assert.Equal(1, await platform.AuditEntries.CountAsync(a => a.Action == AuditActions.CareImport));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DryRun_ChecksEverything_AndWritesNothing(DatabaseProvider provider)
    {
        await using var host = await CareTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        await host.PersonAsync(tenant, "1", Born1950);

        var ok = await host.ImportIncomeAsync(tenant, Utf8(IncomeHeader, "1,100000,0,100000,0,0,0"), dryRun: true);
        var bad = await host.ImportIncomeAsync(tenant, Utf8(IncomeHeader, "1,100000,0,100000,0,0,2"), dryRun: true);

        Assert.True(ok.Succeeded, Describe(ok));
        Assert.Equal((true, 1, 0), (ok.DryRun, ok.RowsRead, ok.RowsWritten));
        Assert.Equal("老齢福祉年金", Assert.Single(bad.Errors).Column);
        await using var db = host.Db(tenant);
        Assert.Equal(0, await db.Incomes.CountAsync());
        Assert.Equal(0, await db.Imports.CountAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ACp932File_IsRead_WhenSaid(DatabaseProvider provider)
    {
        await using var host = await CareTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        await host.PersonAsync(tenant, "1", Born1950);
        var file = Cp932(IncomeHeader, "1,100000,0,100000,1,0,0");

        var asUtf8 = await host.ImportIncomeAsync(tenant, file);
        var asCp932 = await host.ImportIncomeAsync(tenant, file, "cp932");

        var header = Assert.Single(asUtf8.Errors);
        Assert.Equal(1, header.Line);
        Assert.Contains("文字コードの指定を確認してください", header.Reason);
        Assert.True(asCp932.Succeeded, Describe(asCp932));
        await using var db = host.Db(tenant);
        Assert.True((await db.Incomes.SingleAsync()).ResidentTaxable);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnUndecodableByte_IsAnErrorNamingItsLineAndColumn(DatabaseProvider provider)
    {
        await using var host = await CareTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        await host.PersonAsync(tenant, "1", Born1950);
        await host.PersonAsync(tenant, "2", Born1950);
        var file = Utf8(IncomeHeader, "1,100000,0,100000,1,0,0", "2,2000X0,0,100000,1,0,0");
        file[Array.LastIndexOf(file, (byte)'X')] = 0xFF;

        var result = await host.ImportIncomeAsync(tenant, file);

        var error = Assert.Single(result.Errors);
        Assert.Equal((3L, "合計所得金額"), (error.Line, error.Column));
        Assert.Contains("文字コード utf-8 として読めないバイトがあります", error.Reason);
        await using var db = host.Db(tenant);
        Assert.Equal(0, await db.Incomes.CountAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnImportAfterTheHonsantei_RevisesTheWholeHousehold(DatabaseProvider provider)
    {
        await using var host = await CareTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        await host.PersonAsync(tenant, "1", Born1950, household: "H1");
        await host.PersonAsync(tenant, "2", new DateOnly(1952, 3, 3), household: "H1");
        await host.PersonAsync(tenant, "3", Born1950, household: "H2");
        foreach (var a in new[] { "1", "2", "3" }) await host.IncomeAsync(tenant, 2026, a, 500000, 700000, 0, false);
        await host.AsTenant<Jichitai.Care.Assessment.AssessmentRuns, Persistence.AssessmentRunRow>(tenant, r => r.RunAsync(tenant.Id, 2026, CareTestHost.Officer, null, default));
        await using (var before = host.Db(tenant))
            Assert.Equal(3, await before.Assessments.CountAsync(a => a.Kind == "本算定" && a.IsCurrent));

        // Person 2 turns out to be taxable: 1 (same household) moves to a higher stage; 3 (another household) does not.
        var result = await host.ImportIncomeAsync(tenant, Utf8(IncomeHeader, "2,3000000,2000000,1000000,1,0,0"));

        Assert.True(result.Succeeded, Describe(result));
        Assert.Equal(2, result.Revisions);
        await using var db = host.Db(tenant);
        var current = await db.Assessments.Where(a => a.IsCurrent).ToDictionaryAsync(a => a.AddresseeNumber);
        Assert.Equal(("更正", 2, CareDataImporter.IncomeCause), (current["1"].Kind, current["1"].Revision, current["1"].Cause));
        Assert.Equal(("更正", 2), (current["2"].Kind, current["2"].Revision));
        Assert.True(current["2"].Stage > current["1"].Stage);
        var old = await db.Assessments.SingleAsync(a => a.AddresseeNumber == "1" && a.Revision == 1);
        Assert.True(current["1"].Stage > old.Stage);
        Assert.Equal(("本算定", 1), (current["3"].Kind, current["3"].Revision));
    }
}
