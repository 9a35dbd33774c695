using System.Text.RegularExpressions;
using Jichitai.Platform;
using Jichitai.Platform.Demo;
using Jichitai.Platform.Persistence;
using static Microsoft.Playwright.Assertions;

namespace Jichitai.Web.BrowserTests;

/// <summary>情報担当 (tenant admin): role-based navigation, settings and staff accounts.</summary>
public sealed class TenantAdminTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Admin = "demo-joho";
    private const string FeeKey = "fees.residentRecordCopy";

    private static ILocator FeeRow(IPage page) => page.GetByTestId("settings").Locator($"tr[data-key='{FeeKey}']");

    [Fact]
    public async Task Tenant_admin_sees_settings_and_accounts_links_and_opens_settings()
    {
        var app = await SqliteAppAsync(Fixture);
        await InBrowserAsync(app, async page =>
        {
            await SignInAsync(page, app, Admin);
            var menu = MainMenu(page);
            await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "設定", Exact = true })).ToBeVisibleAsync();
            await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "職員アカウント", Exact = true })).ToBeVisibleAsync();
            await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "団体", Exact = true })).ToHaveCountAsync(0);

            await menu.GetByRole(AriaRole.Link, new() { Name = "設定", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/settings$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("設定(デモ市)");
            await Expect(FeeRow(page)).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task Counter_staff_has_no_settings_link_and_settings_url_lands_on_the_denied_page()
    {
        var app = await SqliteAppAsync(Fixture);
        await InBrowserAsync(app, async page =>
        {
            await SignInAsync(page, app, "demo-madoguchi");
            var menu = MainMenu(page);
            await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "ホーム" })).ToBeVisibleAsync();
            await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "設定", Exact = true })).ToHaveCountAsync(0);
            await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "職員アカウント", Exact = true })).ToHaveCountAsync(0);

            await page.GotoAsync("/settings");
            await Expect(page).ToHaveURLAsync(new Regex("/account/denied", RegexOptions.IgnoreCase));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "権限がありません" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("settings")).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task Tenant_admin_changes_the_resident_record_fee_and_it_shows_in_settings_and_differences()
    {
        var app = await SqliteAppAsync(Fixture);
        await InBrowserAsync(app, async page =>
        {
            await SignInAsync(page, app, Admin);
            await page.GotoAsync("/settings");
            var today = JapanTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

            await page.Locator("#Key").SelectOptionAsync(FeeKey);
            await page.Locator("#Value").FillAsync("350");
            await page.Locator("#EffectiveFrom").FillAsync(today);
            await page.Locator("#Reason").FillAsync("手数料条例の改正");
            await page.GetByRole(AriaRole.Button, new() { Name = "変更を記録する" }).ClickAsync();

            await Expect(page.GetByTestId("notice")).ToContainTextAsync("住民票の写しの手数料(円)");
            await Expect(page.GetByTestId("notice")).ToContainTextAsync("350");
            await Expect(page.GetByTestId("error")).ToHaveCountAsync(0);
            await Expect(FeeRow(page).Locator("td").Nth(1)).ToContainTextAsync("350");
            await Expect(FeeRow(page).Locator("td").Nth(1)).ToContainTextAsync("標準と異なる");
            await Expect(FeeRow(page).Locator("td").Nth(2)).ToHaveTextAsync(today);

            var difference = page.GetByTestId("differences").Locator("tr", new() { HasText = "住民票の写しの手数料(円)" });
            await Expect(difference).ToHaveCountAsync(1);
            await Expect(difference.Locator("td").Nth(1)).ToHaveTextAsync("350");
            await Expect(difference.Locator("td").Nth(2)).ToHaveTextAsync("300");

            // The change survives a reload (it is stored, not just echoed).
            await page.GotoAsync("/settings");
            await Expect(FeeRow(page).Locator("td").Nth(1)).ToContainTextAsync("350");
        });
    }

    [Fact]
    public async Task Non_numeric_fee_shows_a_Japanese_field_error_and_changes_nothing()
    {
        var app = await SqliteAppAsync(Fixture);
        await InBrowserAsync(app, async page =>
        {
            await SignInAsync(page, app, Admin);
            await page.GotoAsync("/settings");
            var rowBefore = await FeeRow(page).InnerTextAsync();
            var differencesBefore = await page.Locator("main").InnerTextAsync();
            differencesBefore = differencesBefore[differencesBefore.IndexOf("標準の既定値との差異", StringComparison.Ordinal)..];

            await page.Locator("#Key").SelectOptionAsync(FeeKey);
            await page.Locator("#Value").FillAsync("三百五十");
            await page.GetByRole(AriaRole.Button, new() { Name = "変更を記録する" }).ClickAsync();

            var fieldError = page.Locator("#Value + .field-error");
            await Expect(fieldError).ToHaveTextAsync("住民票の写しの手数料(円)は半角数字で入力してください。");
            await Expect(page.GetByTestId("notice")).ToHaveCountAsync(0);
            await Expect(page.Locator("#Key")).ToHaveValueAsync(FeeKey); // the form keeps what was chosen

            await page.GotoAsync("/settings");
            Assert.Equal(rowBefore, await FeeRow(page).InnerTextAsync());
            var differencesAfter = await page.Locator("main").InnerTextAsync();
            Assert.Equal(differencesBefore, differencesAfter[differencesAfter.IndexOf("標準の既定値との差異", StringComparison.Ordinal)..]);
        });
    }

    [Fact]
    public async Task Tenant_admin_creates_a_staff_account_weak_password_refused_strong_accepted_and_the_new_account_signs_in()
    {
        var app = await SqliteAppAsync(Fixture);
        const string newUser = "test-tanaka";
        const string strong = "Str0ng-Passw0rd!x";
        await InBrowserAsync(app, async page =>
        {
            await SignInAsync(page, app, Admin);
            await MainMenu(page).GetByRole(AriaRole.Link, new() { Name = "職員アカウント", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("職員アカウント(デモ市)");
            var users = page.GetByTestId("users");
            await Expect(users.Locator($"tr[data-user='{Admin}']")).ToBeVisibleAsync();

            async Task SubmitAsync(string password)
            {
                await page.Locator("#NewUserName").FillAsync(newUser);
                await page.Locator("#NewDisplayName").FillAsync("田中 一郎");
                await page.GetByRole(AriaRole.Checkbox, new() { Name = "窓口" }).CheckAsync();
                await page.Locator("#NewPassword").FillAsync(password);
                await page.GetByRole(AriaRole.Button, new() { Name = "作成する" }).ClickAsync();
            }

            await SubmitAsync("weakpass");
            await Expect(page.GetByTestId("error")).ToContainTextAsync("パスワードは12文字以上にしてください。");
            await Expect(page.Locator("#NewPassword + .field-error")).ToContainTextAsync("12文字以上");
            await Expect(page.GetByTestId("notice")).ToHaveCountAsync(0);
            await Expect(users.Locator($"tr[data-user='{newUser}']")).ToHaveCountAsync(0);

            await SubmitAsync(strong);
            await Expect(page.GetByTestId("notice")).ToContainTextAsync($"アカウント「{newUser}」を作成しました");
            await Expect(page.GetByTestId("error")).ToHaveCountAsync(0);
            var row = users.Locator($"tr[data-user='{newUser}']");
            await Expect(row).ToBeVisibleAsync();
            await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("田中 一郎");
            await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("窓口");
            await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("初回サインイン時に登録");
        });

        // The new account signs in in its own browser context: enrolment on first sign-in, then the dashboard.
        await InBrowserAsync(app, async page =>
        {
            await SubmitPasswordAsync(page, newUser, strong);
            await Expect(page.GetByTestId("enrollment")).ToBeVisibleAsync();
            await SubmitTotpAsync(page, app, newUser);
            await Expect(page.GetByTestId("user")).ToHaveTextAsync("田中 一郎");
            await Expect(page.GetByTestId("tenant")).ToContainTextAsync("デモ市");
            await Expect(page.GetByTestId("roles")).ToHaveTextAsync("窓口");
        }, "new-account");
    }
}
