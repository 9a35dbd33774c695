using System.Text;
using Jichitai.Platform.Persistence;
using Jichitai.Registry.Features.Migration.Files;
using Jichitai.Registry.Features.Migration.Import;
using Jichitai.Registry.Features.Migration.Layout;
using Jichitai.Testing;

namespace Jichitai.Registry.Tests.Migration;

/// <summary>
/// Every kind of bad input produces its line in the error report, and nothing is committed: the tenant stays empty.
/// The sample's data lines: residents 2–6 (宛名番号 1–5), movements 2–9.
/// </summary>
public class ImportRejectionTests
{
    private static readonly LayoutFile R = MigrationLayout.Residents, M = MigrationLayout.Movements, H = MigrationLayout.Households;

    /// <summary>name → (how to break the sample, the expected file, line, column and words of the reason).</summary>
    private static readonly Dictionary<string, (Func<SampleFiles, string, Task> Break, string File, long Line, string Column, string Reason)> Cases = new()
    {
        ["wrong column count"] = (async (_, dir) => await EditLineAsync(dir, R, 3, l => l + ",余分"), "residents.csv", 3, "", "項目数が53です"),
        ["unknown header"] = (async (_, dir) => await EditLineAsync(dir, R, 1, l => l.Replace(",氏,", ",姓,")), "residents.csv", 1, "", "定義にない項目があります: 姓"),
        ["bytes not valid UTF-8"] = (async (_, dir) => await EditBytesAsync(dir, R, "花子", [0x82, 0xA0, 0xFF]), "residents.csv", 3, "名", "正しくないバイト列"),
        ["2月30日"] = (Set(R, 1, "生年月日", "20260230"), "residents.csv", 3, "生年月日", "2月30日は存在しません"),
        ["平成31年5月1日"] = (Set(R, 1, "生年月日", "4310501"), "residents.csv", 3, "生年月日", "平成31年5月1日は存在しません"),
        ["bad check digit"] = (Set(R, 0, "個人番号", SampleFiles.PersonalNumberOf(1)[..11] + ((SampleFiles.PersonalNumberOf(1)[11] - '0' + 1) % 10)),
            "residents.csv", 2, "個人番号", "検査用数字"),
        ["duplicate 宛名番号"] = (Set(R, 2, "宛名番号", SampleFiles.Addressee(2)), "residents.csv", 4, "宛名番号", "宛名番号が重複しています"),
        ["member of a missing household"] = (Set(R, 4, "世帯番号", SampleFiles.Household(99)), "residents.csv", 6, "世帯番号", "households.csv にない世帯番号です"),
        ["two heads"] = (Set(R, 1, "続柄", "00"), "residents.csv", 3, "続柄", "既に世帯主"),
        ["household without a head"] = (async (s, dir) => { s[R][4]["続柄"] = "91"; s[M][^1]["異動後続柄"] = "91"; await s.WriteAsync(dir); },
            "households.csv", 3, "世帯番号", "世帯主(続柄 00)がいません"),
        ["history that does not replay"] = (Set(M, 5, "異動後住民状態", "1"), "movements.csv", 7, "異動後住民状態", "住民状態(2)と一致しません"),
        ["history starting with a removal"] = (Set(M, 0, "異動事由", "201"), "movements.csv", 2, "異動事由", "最初の異動は住民となる記載"),
        ["history going back in time"] = (Set(M, 3, "異動年月日", "20090101"), "movements.csv", 5, "異動年月日", "前の異動(20100401)より前"),
        ["history of nobody"] = (Set(M, 6, "宛名番号", SampleFiles.Addressee(7)), "movements.csv", 8, "宛名番号", "residents.csv にない宛名番号"),
        ["person without history"] = (async (s, dir) => { s[M].RemoveAt(6); await s.WriteAsync(dir); }, "residents.csv", 6, "宛名番号", "異動履歴がありません"),
        ["unknown code"] = (Set(R, 1, "続柄", "99"), "residents.csv", 3, "続柄", "続柄「99」はコード表にありません"),
        ["missing required item"] = (Set(R, 0, "氏", ""), "residents.csv", 2, "氏", "日本人住民の氏は必須です"),
        ["private-use 外字"] = (Set(R, 0, "名", "太\uE001"), "residents.csv", 2, "名", "U+E001 は私用領域"),
        ["unsorted households"] = (async (s, dir) => { (s[H][0], s[H][1]) = (s[H][1], s[H][0]); await s.WriteAsync(dir); }, "households.csv", 3, "世帯番号", "昇順に並んでいません"),
        ["missing file"] = (async (s, dir) => { await s.WriteAsync(dir); File.Delete(Path.Combine(dir, "restrictions.csv")); }, "restrictions.csv", 0, "", "ありません"),
    };

    public static TheoryData<DatabaseProvider, string> All()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
            foreach (var name in Cases.Keys) data.Add(provider, name);
        return data;
    }

    [Theory]
    [MemberData(nameof(All))]
    public async Task BadInput_IsReportedWithItsLine_AndNothingIsCommitted(DatabaseProvider provider, string name)
    {
        var (breakIt, file, line, column, reason) = Cases[name];
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var dir = MigrationTestHost.TempDir();
        var sample = SampleFiles.Small();
        await sample.WriteAsync(dir);
        await breakIt(sample, dir);

        var result = await host.ImportAsync(tenant, dir);

        Assert.Equal(ImportOutcome.Rejected, result.Outcome);
        Assert.True(result.Errors.Any(e => e.File == file && e.Line == line && e.Column == column && e.Reason.Contains(reason)), string.Join("\n", result.Errors));
        Assert.Contains(result.Errors, e => e.File == file && e.Line == line && e.Column == column && e.Reason.Contains(reason));
        Assert.Equal(MigrationTestHost.Empty, await host.CountsAsync(tenant));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheValidSample_Imports(DatabaseProvider provider)
    {
        await using var host = await RegistryTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var dir = MigrationTestHost.TempDir();
        await SampleFiles.Small().WriteAsync(dir);

        var result = await host.ImportAsync(tenant, dir);

        Assert.True(result.Outcome == ImportOutcome.Imported, string.Join("\n", result.Errors));
        Assert.Equal("residents=5 households=2 movements=7 versions=7 restrictions=1 issues=1 subjects=2 runs=1", await host.CountsAsync(tenant));
    }

    [Fact]
    public async Task ErrorReport_IsUtf8CsvWithBom_OneLinePerError()
    {
        using var stream = new MemoryStream();
        await ErrorReport.WriteAsync(stream, [new("residents.csv", 3, "生年月日", "20260230", "2026年2月30日は暦にありません")]);
        var bytes = stream.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("ファイル,行,項目,値,理由\r\nresidents.csv,3,生年月日,20260230,2026年2月30日は暦にありません\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    private static Func<SampleFiles, string, Task> Set(LayoutFile file, int row, string column, string value) => async (s, dir) =>
    {
        s[file][row][column] = value;
        await s.WriteAsync(dir);
    };

    private static async Task EditLineAsync(string dir, LayoutFile file, int line, Func<string, string> edit)
    {
        var path = Path.Combine(dir, file.FileName);
        var lines = (await File.ReadAllTextAsync(path)).Split("\r\n");
        lines[line - 1] = edit(lines[line - 1]);
        await File.WriteAllTextAsync(path, string.Join("\r\n", lines), new UTF8Encoding(false));
    }

    private static async Task EditBytesAsync(string dir, LayoutFile file, string replaced, byte[] bytes)
    {
        var path = Path.Combine(dir, file.FileName);
        var data = await File.ReadAllBytesAsync(path);
        var find = Encoding.UTF8.GetBytes(replaced);
        var at = data.AsSpan().IndexOf(find);
        await File.WriteAllBytesAsync(path, [.. data[..at], .. bytes, .. data[(at + find.Length)..]]);
    }
}
