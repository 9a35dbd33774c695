using System.Text.RegularExpressions;
using Jichitai.Platform;
using static Microsoft.Playwright.Assertions;

namespace Jichitai.Web.BrowserTests.Registry;

/// <summary>
/// 住所辞書 (standard 1.3.3, 1.3.4, 4.0.7): a registry officer adds a 町字 and a 方書 on /registry/addresses; the counter
/// clerk then picks that 町字 from the suggestions during 転入 by its kana, which fills 住所コード and 郵便番号, and gets
/// the 方書 registered at the 番地 as a suggestion.
/// </summary>
public sealed class AddressDictionaryBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Officer_adds_a_town_and_the_clerk_picks_it_by_kana_during_move_in()
    {
        var app = await SqliteAppAsync(Fixture);
        await InBrowserAsync(app, async page =>
        {
            await SignInAsync(page, app, "demo-juki");
            await page.GotoAsync("/registry/addresses");
            await page.FillAsync("#Entry_Code", "13999009001");
            await page.FillAsync("#Entry_PostalCode", "1000031");
            await page.FillAsync("#Entry_Prefecture", "東京都");
            await page.FillAsync("#Entry_PrefectureKana", "トウキョウト");
            await page.FillAsync("#Entry_Municipality", "デモ市");
            await page.FillAsync("#Entry_MunicipalityKana", "デモシ");
            await page.FillAsync("#Entry_Town", "寿町一丁目");
            await page.FillAsync("#Entry_TownKana", "コトブキチョウ1チョウメ");
            await page.FillAsync("#Entry_ValidFrom", "H12.4.1");
            await page.GetByTestId("add-entry").ClickAsync();
            await Expect(page.GetByTestId("message")).ToContainTextAsync("13999009001 東京都デモ市寿町一丁目 を追加しました");
            await page.FillAsync("#Building_BlockNumber", "7番8号");
            await page.FillAsync("#Building_Name", "ことぶき荘");
            await page.FillAsync("#Building_ValidFrom", "2000-04-01");
            await page.GetByTestId("add-building").ClickAsync();
            await Expect(page.GetByTestId("buildings")).ToContainTextAsync("ことぶき荘");
        }, "officer");

        await InBrowserAsync(app, async page =>
        {
            await SignInAsync(page, app, "demo-madoguchi");
            await page.GotoAsync("/registry/move-in");
            var today = JapanTime.Today(TimeProvider.System);
            await page.FillAsync("#Form_EffectiveOn", today.ToString("yyyy-MM-dd"));

            // 住所カナ入力: the suggestion for コトブキ is the dictionary's 町字; choosing it with the keyboard fills the rest.
            var town = page.Locator("#Form_Address_Town");
            await Expect(page.Locator("#Form_Address_towns option[value='デモ市寿町一丁目']")).ToHaveAttributeAsync("label", new Regex("13999009001 .*コトブキ"));
            // Headless Chromium draws no suggestion pop-up; choosing one sets the field to the option's value, as typing it does.
            await town.FocusAsync();
            await page.Keyboard.TypeAsync("デモ市寿町一丁目");
            await Expect(town).ToHaveValueAsync("デモ市寿町一丁目");
            await Expect(page.Locator("#Form_Address_AddressCode")).ToHaveValueAsync("13999009001");
            await Expect(page.Locator("#Form_Address_PostalCode")).ToHaveValueAsync("100-0031");
            // Or by 住所コード: typing the code fills the 町字 and 郵便番号.
            await town.FillAsync("");
            await page.Locator("#Form_Address_PostalCode").FillAsync("");
            await page.Locator("#Form_Address_AddressCode").FillAsync("");
            await page.Locator("#Form_Address_AddressCode").FocusAsync();
            await page.Keyboard.TypeAsync("13999009001");
            await Expect(town).ToHaveValueAsync("デモ市寿町一丁目");
            await Expect(page.Locator("#Form_Address_PostalCode")).ToHaveValueAsync("100-0031");

            // 方書入力補助: the 方書 of the 番地 typed are offered (never the other way round).
            await page.FillAsync("#Form_Address_BlockNumber", "7番8号");
            await page.Locator("#Form_Address_Building").FocusAsync();
            await Expect(page.Locator("#Form_Address_buildings option")).ToHaveAttributeAsync("value", "ことぶき荘");
            await page.Keyboard.TypeAsync("ことぶき荘203");

            await page.FillAsync("#Form_PreviousAddress", "東京都千代田区千代田1番1号");
            await page.FillAsync("#Form_CertificateIssuer", "東京都千代田区");
            await page.FillAsync("#Form_Members_0__FamilyName", "寿");
            await page.FillAsync("#Form_Members_0__GivenName", "一郎");
            await page.FillAsync("#Form_Members_0__FamilyNameKana", "コトブキ");
            await page.FillAsync("#Form_Members_0__GivenNameKana", "イチロウ");
            await page.FillAsync("#Form_Members_0__BirthDate", "S50.1.1");
            await page.FillAsync("#Form_Members_0__Gender", "男");
            await page.FillAsync("#Form_Members_0__Relationship", "世帯主");
            // 本籍入力補助: the 現住所 is among the suggestions.
            await page.Locator("#Form_Members_0__Domicile").FocusAsync();
            await Expect(page.Locator("#domicile-candidates option[data-live]").First).ToHaveAttributeAsync("value", "東京都デモ市寿町一丁目7番8号");
            await page.Keyboard.TypeAsync("東京都デモ市寿町一丁目7番8号");
            await page.FillAsync("#Form_Members_0__DomicileHead", "寿一郎");
            await page.GetByTestId("confirm").ClickAsync();

            await Expect(page.GetByTestId("address-dictionary")).ToContainTextAsync("住所コード 13999009001");
            await page.GetByTestId("commit").ClickAsync();
            await Expect(page.GetByTestId("receipt")).ToBeVisibleAsync();
            await page.GetByTestId("addressee-number").First.ClickAsync();
            await Expect(page.GetByTestId("address")).ToContainTextAsync("〒100-0031 デモ市寿町一丁目7番8号　ことぶき荘203");
        }, "clerk");
    }
}
