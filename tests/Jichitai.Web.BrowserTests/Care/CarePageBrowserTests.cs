using Jichitai.Testing;
using static Microsoft.Playwright.Assertions;

namespace Jichitai.Web.BrowserTests.Care;

/// <summary>介護保険 for the 介護担当: find an insured person, read how the premium was reached, and download the 決定通知書.</summary>
public sealed class CarePageBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task CareOfficer_searches_a_person_reads_the_premium_explanation_and_downloads_the_notice()
    {
        await using var app = await WebAppFixture.CreateAsync(Jichitai.Platform.Persistence.DatabaseProvider.Sqlite, kestrel: true);
        var tenantId = await CareSeed.DemoTenantIdAsync(app);
        await CareSeed.PersonAsync(app, tenantId, "700001", "介護 花子", "カイゴ ハナコ", new DateOnly(1950, 5, 1), totalIncome: 1_500_000);
        await CareSeed.RunAsync(app, tenantId);
        await InBrowserAsync(app, async page =>
        {
            await SignInAsync(page, app, "demo-kaigo");
            await MainMenu(page).GetByRole(AriaRole.Link, new() { Name = "介護保険", Exact = true }).ClickAsync();
            await Expect(page.Locator("h1")).ToContainTextAsync("介護保険");

            await page.GetByTestId("term").FillAsync("カイゴ");
            await page.GetByTestId("search").ClickAsync();
            await Expect(page.GetByTestId("hit")).ToHaveCountAsync(1);
            await page.GetByTestId("hit-link").ClickAsync();

            await Expect(page.Locator("h1")).ToContainTextAsync("介護 花子");
            await Expect(page.GetByTestId("stage")).ToHaveTextAsync("第7段階");
            await Expect(page.GetByTestId("annual")).ToHaveTextAsync("96,700円");
            await Expect(page.GetByTestId("explanation")).ToContainTextAsync("基準額(年額)74,400円 × 保険料率 1.3");
            await Expect(page.GetByTestId("explanation")).ToContainTextAsync("納付書または口座振替で納めていただきます(普通徴収)");
            await SaveScreenshotAsync(page, "care-person");

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("notice-link").ClickAsync());
            Assert.EndsWith(".pdf", download.SuggestedFilename);
            var path = await download.PathAsync();
            var bytes = await File.ReadAllBytesAsync(path!);
            Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        });
    }
}
