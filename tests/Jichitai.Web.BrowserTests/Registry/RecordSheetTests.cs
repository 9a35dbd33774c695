using System.Text.RegularExpressions;
using Jichitai.Platform.Persistence;
using static Microsoft.Playwright.Assertions;

namespace Jichitai.Web.BrowserTests.Registry;

/// <summary>
/// 住記担当 registers this browser's terminal (standard 1.3.1), enters a 転入 that records it, opens the 個人票 (1.1.3),
/// writes a 備考 into the 統合記載欄 (1.1.14) and prints: the printed page shows the record without menus or forms.
/// </summary>
public sealed class RecordSheetTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Terminal_is_recorded_on_the_movement_and_the_personal_sheet_prints_with_its_record_column(DatabaseProvider provider)
    {
        var app = await Fixture.AppAsync(provider);
        var suffix = provider == DatabaseProvider.Sqlite ? "S" : "P";
        await InBrowserAsync(app, async page =>
        {
            await SignInAsync(page, app, "demo-juki");
            await page.GotoAsync("/registry/input-places");
            var address = (await page.GetByTestId("this-address").InnerTextAsync()).Trim();
            await page.FillAsync("#Location_Code", "9" + suffix);
            await page.FillAsync("#Location_Name", "市民課" + suffix);
            await page.Locator("#Location_Code").PressAsync("Enter");
            await Expect(page.GetByTestId("notice")).ToContainTextAsync("入力場所");
            await page.FillAsync("#Terminal_LocationCode", "9" + suffix);
            await page.FillAsync("#Terminal_Name", "窓口" + suffix);
            await page.FillAsync("#Terminal_ClientAddress", address);
            await page.Locator("#Terminal_ClientAddress").PressAsync("Enter");
            await Expect(page.GetByTestId("input-places")).ToContainTextAsync($"窓口{suffix}({address})");

            var response = await page.Context.APIRequest.PostAsync("/api/v1/registry/movements/move-in", new()
            {
                DataObject = new
                {
                    header = new { effectiveOn = "2026-04-01", notifiedOn = "2026-04-03" }, kind = "通常",
                    address = new { postalCode = "1000011", town = "デモ市本町一丁目", blockNumber = "7番8号" },
                    previousAddress = new { text = "神奈川県横浜市中区本町1丁目1番地", certificateIssuer = "横浜市" },
                    members = new[] { new { familyName = "齋藤", givenName = "葵" + suffix, familyNameKana = "サイトウ", givenNameKana = "アオイ", birthDate = "1990-01-02", gender = "女", relationship = "世帯主", domicile = "なし", domicileHead = "なし" } },
                },
            });
            Assert.True(response.Ok, await response.TextAsync());
            var number = (await response.JsonAsync())!.Value.GetProperty("addresseeNumbers")[0].GetString();

            await page.GotoAsync($"/registry/residents/{number}");
            await Expect(page.GetByTestId("entered-from").First).ToHaveTextAsync($"市民課{suffix} / 窓口{suffix}");
            await page.GetByTestId("sheet-link").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("住民票(個人票)");
            await Expect(page.GetByTestId("record-column")).ToContainTextAsync("令和8年4月1日 転入(令和8年4月3日届出)");

            await page.SelectOptionAsync("#Entry_Type", "備考");
            await page.FillAsync("#Entry_Text", "郵便物は勤務先へ");
            await page.Locator("#Entry_Text").PressAsync("Enter");
            await Expect(page.GetByTestId("remarks")).ToContainTextAsync("郵便物は勤務先へ");

            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await Expect(page.GetByTestId("sheet")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("renewal-form")).ToBeHiddenAsync();
            await Expect(MainMenu(page)).ToBeHiddenAsync();
            await Expect(page.GetByTestId("remarks")).ToBeVisibleAsync();
        }, provider.ToString());
    }
}
