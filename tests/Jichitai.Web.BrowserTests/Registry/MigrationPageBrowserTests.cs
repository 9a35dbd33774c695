using System.IO.Compression;
using System.Text;
using static Microsoft.Playwright.Assertions;

namespace Jichitai.Web.BrowserTests.Registry;

/// <summary>
/// 移行 page (標準10.6, 10.8): the tenant's IT staff download the registry as a ZIP, upload it again, and see a refusal
/// (the tenant already has residents) and, for a broken file, the error line with file, line, column and reason.
/// </summary>
public sealed class MigrationPageBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task ItStaff_export_a_zip_and_see_errors_of_an_upload_line_by_line()
    {
        await using var app = await Jichitai.Testing.WebAppFixture.CreateAsync(Jichitai.Platform.Persistence.DatabaseProvider.Sqlite, kestrel: true, residents: true);
        await InBrowserAsync(app, async page =>
        {
            await SignInAsync(page, app, "demo-joho");
            await page.GotoAsync("/");
            await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "移行データ" }).ClickAsync();
            await Expect(page.Locator("h1")).ToContainTextAsync("移行データの取込・出力");

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export").ClickAsync());
            Assert.EndsWith("-utf-8.zip", download.SuggestedFilename);
            var zipPath = Path.Combine(Path.GetTempPath(), $"jc-{Guid.NewGuid():N}.zip");
            await download.SaveAsAsync(zipPath);
            using (var zip = ZipFile.OpenRead(zipPath))
            {
                Assert.Equal(["certificate_issues.csv", "households.csv", "movements.csv", "residents.csv", "restrictions.csv"], zip.Entries.Select(e => e.Name).Order());
                using var residents = new StreamReader(zip.GetEntry("residents.csv")!.Open(), Encoding.UTF8);
                Assert.StartsWith("宛名番号,住民票コード,個人番号", await residents.ReadLineAsync());
            }

            // The same ZIP back into the same tenant: refused, nothing changed.
            await page.SetInputFilesAsync("[data-testid=files]", zipPath);
            await page.GetByTestId("dry-run").UncheckAsync();
            await page.GetByTestId("import").ClickAsync();
            await Expect(page.GetByTestId("notice")).ToContainTextAsync("取り込めませんでした。何も登録していません。");
            await Expect(page.GetByTestId("errors")).ToContainTextAsync("住民が登録されています");

            // A broken residents.csv (2月30日) in replace mode, checked only: the error names the file, line and column.
            var dir = Directory.CreateTempSubdirectory("jc-upload-").FullName;
            ZipFile.ExtractToDirectory(zipPath, dir);
            var path = Path.Combine(dir, "residents.csv");
            var lines = (await File.ReadAllTextAsync(path)).Split("\r\n");
            var fields = lines[1].Split(',');
            fields[15] = "20260230"; // 生年月日
            lines[1] = string.Join(',', fields);
            await File.WriteAllTextAsync(path, string.Join("\r\n", lines), new UTF8Encoding(false));
            await page.SetInputFilesAsync("[data-testid=files]", Directory.GetFiles(dir, "*.csv"));
            await page.GetByTestId("replace").CheckAsync();
            await page.FillAsync("#Reason", "テスト");
            await page.GetByTestId("import").ClickAsync();
            var row = page.GetByTestId("errors").Locator("tbody tr").First;
            await Expect(row).ToContainTextAsync("residents.csv");
            await Expect(row).ToContainTextAsync("生年月日");
            await Expect(row).ToContainTextAsync("2月30日は存在しません");
            await Expect(page.GetByTestId("error-report")).ToHaveAttributeAsync("download", "errors.csv");
        }, "it-staff");
    }
}
