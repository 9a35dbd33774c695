using System.Text.RegularExpressions;
using Jichitai.Platform;
using static Microsoft.Playwright.Assertions;

namespace Jichitai.Web.BrowserTests.Registry;

/// <summary>住所設定 (標準4.2.1.1) on its counter page, on a 申出 (標準4.2.0.5), with the keyboard only.</summary>
public sealed class AddressEstablishmentPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task AddressEstablishment_on_application_writes_unknown_previous_address_and_says_so_in_the_history()
    {
        var app = await SqliteAppAsync(Fixture);
        var on = JapanTime.Today(TimeProvider.System).AddDays(-40); // a 職権記載: no 届出期間, so no 届出期間経過

        await InBrowserAsync(app, async page =>
        {
            await SignInAsync(page, app, "demo-madoguchi");
            await page.GotoAsync("/registry/address-establishment");
            await Expect(page.Locator("#Basis")).ToBeFocusedAsync();
            await Keys.ChooseAsync(page, "#Basis", "申出");
            await Keys.TypeIntoAsync(page, "#EffectiveOn", on.ToString("yyyy-MM-dd"));
            await Keys.TypeIntoAsync(page, "#Address_PostalCode", "190-0012");
            await Keys.TypeIntoAsync(page, "#Address_Town", "曙町二丁目");
            await Keys.TypeIntoAsync(page, "#Address_BlockNumber", "4番5号");
            await Keys.TypeIntoAsync(page, "#LastRegisteredAddress", "北海道札幌市中央区北1条西2丁目");
            await Keys.TypeIntoAsync(page, "#People_Members_0__FamilyName", "北村");
            await Keys.TypeIntoAsync(page, "#People_Members_0__GivenName", "透");
            await Keys.TypeIntoAsync(page, "#People_Members_0__FamilyNameKana", "キタムラ");
            await Keys.TypeIntoAsync(page, "#People_Members_0__GivenNameKana", "トオル");
            await Keys.TypeIntoAsync(page, "#People_Members_0__BirthDate", "S50.7.7");
            await Keys.ChooseAsync(page, "#People_Members_0__Gender", "男");
            await Keys.TypeIntoAsync(page, "#People_Members_0__Relationship", "世帯主");
            await Keys.TypeIntoAsync(page, "#People_Members_0__Domicile", "不明"); // never blank (標準1.1.6, 1.1.12)
            await Keys.TypeIntoAsync(page, "#People_Members_0__DomicileHead", "不明");
            await Keys.TabToAsync(page, page.GetByTestId("confirm"));
            await page.Keyboard.PressAsync("Enter");

            await Expect(page.GetByTestId("confirm-banner")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("errors")).ToHaveCountAsync(0);
            await Expect(page.Locator("#Basis")).ToBeDisabledAsync();
            await Keys.TabToAsync(page, page.GetByTestId("commit"));
            await page.Keyboard.PressAsync("Enter");

            var receipt = page.GetByTestId("receipt");
            await Expect(receipt).ToContainTextAsync("住所設定を登録しました");
            await Expect(page.GetByTestId("late")).ToHaveCountAsync(0);
            await Keys.TabToAsync(page, page.GetByTestId("addressee-number"));
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByTestId("name")).ToHaveTextAsync("北村　透");
            await Expect(page.GetByTestId("record").Locator("tr", new() { HasText = "転入前住所" })).ToContainTextAsync("不明");
            await Expect(page.GetByTestId("record")).Not.ToContainTextAsync("札幌市"); // 最終登録住所地 is not a 住民票記載事項
            var history = page.GetByTestId("history").Locator("tbody tr");
            await Expect(history).ToHaveCountAsync(1);
            await Expect(history.Locator("td").Nth(1)).ToHaveTextAsync(new Regex(@"^\s*住所設定\s*$"));
            await Expect(history).ToContainTextAsync("(申出による)");
        });
    }
}
