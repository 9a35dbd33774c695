using System.Text.RegularExpressions;
using Jichitai.Platform;
using Jichitai.Platform.Persistence;
using static Microsoft.Playwright.Assertions;

namespace Jichitai.Web.BrowserTests.Registry;

/// <summary>
/// 法第30条の46転入 at the counter (標準4.5.1), keyboard only (標準2.3.2): a rule violation is named next to its field and
/// registers nobody; the corrected entry is read back, registered, and the 受理通知 leads to the new 外国人住民票.
/// </summary>
public sealed class ForeignEntryTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Clerk = "demo-madoguchi";

    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Arrival_from_abroad_typed_with_the_keyboard_is_refused_without_the_stay_expiry_then_read_back_and_registered(DatabaseProvider provider)
    {
        var app = await Fixture.AppAsync(provider);
        var arrivedOn = JapanTime.Today(TimeProvider.System).AddDays(-2);
        var name = provider == DatabaseProvider.Sqlite ? "NGUYEN VAN AN" : "NGUYEN VAN BINH";

        await InBrowserAsync(app, async page =>
        {
            await SignInAsync(page, app, Clerk);
            await page.GotoAsync("/registry");
            await Keys.TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "外国人住民の転入・届出" }), backwards: true);
            await page.Keyboard.PressAsync("Enter");
            await Expect(page).ToHaveURLAsync(new Regex("/registry/foreign-entry$"));
            await Expect(page.Locator("#Kind")).ToBeFocusedAsync();
            await Expect(page.Locator("#Kind")).ToHaveValueAsync("法第30条の46転入");

            await Keys.TypeIntoAsync(page, "#EffectiveOn", arrivedOn.ToString("yyyy-MM-dd"));
            await Keys.TypeIntoAsync(page, "#OtherDate", arrivedOn.AddDays(-1).ToString("yyyy-MM-dd")); // 上陸許可の日
            await Keys.TypeIntoAsync(page, "#Address_PostalCode", "190-0004");
            await Keys.TypeIntoAsync(page, "#Address_Town", "柴崎町一丁目");
            await Keys.TypeIntoAsync(page, "#Address_BlockNumber", "2番3号");
            await Keys.TypeIntoAsync(page, "#PreviousAddress", "ベトナム社会主義共和国");
            await Keys.TypeIntoAsync(page, "#Members_0__Items_AlphabetName", name.ToLowerInvariant());
            await Keys.TypeIntoAsync(page, "#Members_0__Items_Nationality", "ベトナム");
            await Keys.ChooseAsync(page, "#Members_0__Items_Category", "中長期在留者");
            await Keys.TypeIntoAsync(page, "#Members_0__Items_ResidenceStatus", "技術・人文知識・国際業務");
            await Keys.TypeIntoAsync(page, "#Members_0__Items_PeriodOfStay", "3年");
            // 在留期間の満了日 left out: required of a 中長期在留者 (住基法30条の45).
            await Keys.TypeIntoAsync(page, "#Members_0__Items_CardNumber", "ab12345678cd");
            await Keys.TypeIntoAsync(page, "#Members_0__BirthDate", "1995-04-10");
            await Keys.ChooseAsync(page, "#Members_0__Gender", "男");
            await Keys.TypeIntoAsync(page, "#Members_0__Relationship", "世帯主");
            await Keys.TabToAsync(page, page.GetByTestId("confirm"));
            await page.Keyboard.PressAsync("Enter");

            // Refused with the reason next to the field; the entry stays editable and nobody is registered.
            await Expect(page.GetByTestId("errors")).ToContainTextAsync("中長期在留者は在留期間の満了日を入力してください");
            var expiry = page.Locator("#Members_0__Items_StayExpiresOn");
            await Expect(page.Locator("#Members_0__Items_StayExpiresOn + .field-error")).ToContainTextAsync("在留期間の満了日");
            await Expect(expiry).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(expiry).ToBeEditableAsync();
            await Expect(page.GetByTestId("commit")).ToHaveCountAsync(0);
            await Expect(page.Locator("#Members_0__Items_ResidenceStatus")).ToHaveValueAsync("技術・人文知識・国際業務");
            var search = await page.Context.NewPageAsync();
            await search.GotoAsync($"/registry?Name={Uri.EscapeDataString(name)}");
            await Expect(search.GetByTestId("result-count")).ToHaveTextAsync("0 件");
            await search.CloseAsync();

            await Keys.TypeIntoAsync(page, "#Members_0__Items_StayExpiresOn", "2029-03-31");
            await Keys.TabToAsync(page, page.GetByTestId("confirm"));
            await page.Keyboard.PressAsync("Enter");

            // 確認: read back, nothing editable; the name and card number as they will be recorded.
            await Expect(page.GetByTestId("confirm-banner")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("errors")).ToHaveCountAsync(0);
            foreach (var input in await page.GetByTestId("foreign-entry-form").Locator("input[type=text]").AllAsync())
                await Expect(input).Not.ToBeEditableAsync();
            await Expect(page.Locator("#Kind")).ToBeDisabledAsync();
            await Expect(page.Locator("#Members_0__Items_Category")).ToBeDisabledAsync();
            await Expect(page.Locator("#Members_0__Items_AlphabetName")).ToHaveValueAsync(name);
            await Expect(page.Locator("#Members_0__Items_CardNumber")).ToHaveValueAsync("AB12345678CD");
            await Expect(page.GetByTestId("member-1")).ToHaveCountAsync(0);
            await Keys.TabToAsync(page, page.GetByTestId("commit"));
            await page.Keyboard.PressAsync("Enter");

            var receipt = page.GetByTestId("receipt");
            await Expect(receipt.GetByRole(AriaRole.Heading)).ToHaveTextAsync("住民異動届 受理通知");
            var movementId = (await page.GetByTestId("movement-id").InnerTextAsync()).Trim();
            await Expect(receipt).ToContainTextAsync($"法第30条の46転入を登録しました(異動番号 {movementId})。");
            await Expect(receipt.Locator("tr", new() { HasText = "異動事由" }).Locator("td")).ToHaveTextAsync("法第30条の46転入");
            await Expect(page.GetByTestId("late")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("household-number")).ToHaveTextAsync(new Regex(@"^\d{10}$"));
            await Expect(page.GetByTestId("addressee-number")).ToHaveCountAsync(1);

            await Keys.TabToAsync(page, page.GetByTestId("addressee-number"));
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByTestId("name")).ToHaveTextAsync(name);
            await Expect(page.GetByTestId("relationship")).ToHaveTextAsync("世帯主");
            await Expect(page.GetByTestId("address")).ToHaveTextAsync("〒190-0004 柴崎町一丁目2番3号");
            await Expect(page.GetByTestId("history").Locator("tbody tr")).ToHaveCountAsync(1);
            await Expect(page.GetByTestId("history").Locator("tbody tr td").Nth(1)).ToHaveTextAsync(new Regex(@"^\s*法第30条の46転入\s*$"));

            // The same name search that found nobody before the 登録 finds the new resident now.
            await page.GotoAsync($"/registry?Name={Uri.EscapeDataString(name)}");
            await Expect(page.GetByTestId("result-count")).ToHaveTextAsync("1 件");
        }, provider.ToString());
    }
}

/// <summary>Keyboard-only operation of the counter pages, as a clerk without a mouse works (標準2.3.2).</summary>
internal static class Keys
{
    /// <summary>Tabs forward to the field, types the text (replacing a prefilled value, which Tab selects) and checks it.</summary>
    public static async Task TypeIntoAsync(IPage page, string selector, string text)
    {
        var field = page.Locator(selector);
        await TabToAsync(page, field);
        await page.Keyboard.TypeAsync(text);
        await Expect(field).ToHaveValueAsync(text);
    }

    /// <summary>Tabs to a drop-down and moves through its options with the arrow key until <paramref name="option"/> is chosen.</summary>
    public static async Task ChooseAsync(IPage page, string selector, string option)
    {
        var field = page.Locator(selector);
        await TabToAsync(page, field);
        for (var i = 0; i < 10 && await field.InputValueAsync() != option; i++) await page.Keyboard.PressAsync("ArrowDown");
        await Expect(field).ToHaveValueAsync(option);
    }

    /// <summary>Presses Tab (or Shift+Tab) until <paramref name="target"/> has the focus; fails if it cannot be reached that way.</summary>
    public static async Task TabToAsync(IPage page, ILocator target, bool backwards = false, int maxPresses = 150)
    {
        await Expect(target).ToBeVisibleAsync();
        for (var i = 0; i < maxPresses; i++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement")) return;
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
        }
        Assert.Fail($"{target} was not reached with {maxPresses} presses of {(backwards ? "Shift+Tab" : "Tab")}.");
    }
}
