using Jichitai.Platform.Persistence;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;
using static Jichitai.Care.Tests.Income.ImportFiles;

namespace Jichitai.Care.Tests.Income;

/// <summary>Each kind of refused value, with its line, column and Japanese reason; none of them writes anything.</summary>
public class ValidationTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryIncomeError_NamesItsLineColumnAndReason(DatabaseProvider provider)
    {
        await using var host = await CareTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        foreach (var a in new[] { "1", "2", "3", "4", "5", "6", "7", "8", "9" }) await host.PersonAsync(tenant, a, new DateOnly(1950, 1, 1));
        var result = await host.ImportIncomeAsync(tenant, Utf8(IncomeHeader,
            "1,100000,0,100000,0,0,0",           // 2: fine
            "A1,100000,0,100000,0,0,0",          // 3
            "123456789012345678901,0,0,0,0,0,0", // 4
            "2,\"1,000\",0,0,0,0,0",             // 5
            "3,0,-1,0,0,0,0",                    // 6
            "4,100000000000,0,0,0,0,0",          // 7
            "5,0,0,0,2,0,0",                     // 8
            "1,0,0,0,0,0,0",                     // 9
            "99,0,0,0,0,0,0",                    // 10
            "6,0,0,0,0,0",                       // 11
            "7,,0,0,0,0,0",                      // 12
            "8,0,0,1.5,0,0,0",                   // 13
            ",0,0,0,0,0,0",                      // 14
            "9,０,0,0,0,0,0"));                  // 15

        var expected = new (long Line, string Column, string Reason)[]
        {
            (3, "宛名番号", "宛名番号は20桁以内の半角数字で入力してください(「A1」)"),
            (4, "宛名番号", "宛名番号は20桁以内の半角数字で入力してください"),
            (5, "合計所得金額", "合計所得金額は円単位の整数で入力してください(カンマ・小数点・全角数字は使えません。「1,000」)"),
            (6, "課税年金収入額", "課税年金収入額は0以上で入力してください(「-1」)"),
            (7, "合計所得金額", "合計所得金額が大きすぎます"),
            (8, "住民税課税区分", "住民税課税区分は 1 または 0 で入力してください(「2」)"),
            (9, "宛名番号", "宛名番号 1 が2行目と重複しています"),
            (10, "宛名番号", "宛名番号 99 は介護保険の住民情報にありません"),
            (11, "", "項目数が6です(所得情報ファイルは7項目)"),
            (12, "合計所得金額", "合計所得金額がありません"),
            (13, "その他の合計所得金額", "その他の合計所得金額は円単位の整数で入力してください"),
            (14, "宛名番号", "宛名番号がありません"),
            (15, "合計所得金額", "合計所得金額は円単位の整数で入力してください"),
        };
        Assert.Equal(expected.Length, result.ErrorCount);
        foreach (var (e, actual) in expected.Zip(result.Errors))
        {
            Assert.Equal((e.Line, e.Column), (actual.Line, actual.Column));
            Assert.StartsWith(e.Reason, actual.Reason);
        }
        Assert.Equal(14, result.RowsRead);
        await using var db = host.Db(tenant);
        Assert.Equal(0, await db.Incomes.CountAsync());
        Assert.Equal(0, await db.Imports.CountAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryPensionError_NamesItsLineColumnAndReason(DatabaseProvider provider)
    {
        await using var host = await CareTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        await host.PersonAsync(tenant, "1", new DateOnly(1950, 1, 1));
        await host.PersonAsync(tenant, "2", new DateOnly(1950, 1, 1));
        var result = await host.ImportPensionAsync(tenant, Utf8(PensionHeader, "1,1,100000", "2,001,-5", "1,001,100000", "3,001,100000"));

        Assert.Equal(
            [(2L, "年金保険者コード", "年金保険者コードは3桁の半角数字で入力してください(「1」)"), (3L, "年金額", "年金額は0以上で入力してください(「-5」)"),
             (5L, "宛名番号", "宛名番号 3 は介護保険の住民情報にありません(住民記録からの連携を確認してください)")],
            result.Errors.Select(e => (e.Line, e.Column, e.Reason)));
        // Line 4 repeats 1, whose own line 2 was refused: the file still says one person twice.
        Assert.Equal(3, result.ErrorCount);
        await using var db = host.Db(tenant);
        Assert.Equal(0, await db.Pensions.CountAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AWrongHeader_OrAnEmptyFile_IsRefusedAtLineOne(DatabaseProvider provider)
    {
        await using var host = await CareTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        await host.PersonAsync(tenant, "1", new DateOnly(1950, 1, 1));

        var pensionAsIncome = await host.ImportIncomeAsync(tenant, Utf8(PensionHeader, "1,001,100000"));
        var empty = await host.ImportIncomeAsync(tenant, []);
        var headerOnly = await host.ImportPensionAsync(tenant, Utf8(PensionHeader));
        var swapped = await host.ImportPensionAsync(tenant, Utf8("宛名番号,年金額,年金保険者コード", "1,100000,001"));

        Assert.Equal((1L, "見出しに定義にない項目があります: 年金保険者コード、年金額"), (pensionAsIncome.Errors[0].Line, pensionAsIncome.Errors[0].Reason[..30]));
        Assert.Equal("ファイルが空です(見出し行がありません)", Assert.Single(empty.Errors).Reason);
        Assert.Equal("データ行がありません(見出し行だけのファイルです)", Assert.Single(headerOnly.Errors).Reason);
        Assert.StartsWith("見出しの項目の順序が定義と違います", Assert.Single(swapped.Errors).Reason);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheErrorReport_ListsLineColumnAndReason(DatabaseProvider provider)
    {
        await using var host = await CareTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var result = await host.ImportPensionAsync(tenant, Utf8(PensionHeader, "7,001,100"));
        using var report = new MemoryStream();
        await result.WriteErrorReportAsync(report);

        var text = System.Text.Encoding.UTF8.GetString(report.ToArray());
        Assert.Equal("\uFEFF行,項目,内容\r\n2,宛名番号,宛名番号 7 は介護保険の住民情報にありません(住民記録からの連携を確認してください)\r\n", text);
    }
}
