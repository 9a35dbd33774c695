using System.Text.RegularExpressions;
using Jichitai.Platform.Demo;
using Jichitai.Platform.Persistence;
using static Microsoft.Playwright.Assertions;

namespace Jichitai.Web.BrowserTests;

/// <summary>Two-factor sign-in in a real browser, on both database providers.</summary>
public sealed class SignInTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task First_sign_in_enrols_the_authenticator_then_the_dashboard_shows_tenant_and_roles(DatabaseProvider provider)
    {
        var app = await Fixture.AppAsync(provider);
        const string user = "demo-madoguchi";

        await InBrowserAsync(app, async page =>
        {
            await page.GotoAsync("/account/login");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "職員サインイン" })).ToBeVisibleAsync();
            await Expect(page.GetByText("ユーザーID", new() { Exact = true })).ToBeVisibleAsync();
            await SaveScreenshotAsync(page, $"login-{provider}");

            await page.Locator("#UserName").FillAsync(user);
            await page.Locator("#Password").FillAsync(DemoSeeder.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "次へ(確認コードの入力)" }).ClickAsync();

            // First sign-in: the key to register is shown, with a QR code that actually renders.
            await Expect(page).ToHaveURLAsync(new Regex("/account/totp", RegexOptions.IgnoreCase));
            var enrollment = page.GetByTestId("enrollment");
            await Expect(enrollment).ToBeVisibleAsync();
            await Expect(enrollment).ToContainTextAsync("認証アプリの登録");
            await Expect(page.GetByTestId("totp-key")).ToHaveTextAsync(new Regex("^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$"));
            var qrWidth = await enrollment.Locator("img").EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0");
            Assert.True(qrWidth > 0, "the enrollment QR code image did not render");
            await SaveScreenshotAsync(page, $"totp-enrollment-{provider}");

            await page.Locator("#Code").FillAsync(await app.TotpCodeAsync(user));
            await page.GetByRole(AriaRole.Button, new() { Name = "サインイン", Exact = true }).ClickAsync();

            await Expect(page.GetByTestId("tenant")).ToContainTextAsync("デモ市");
            await Expect(page.GetByTestId("tenant")).ToContainTextAsync(DemoSeeder.TenantCode);
            await Expect(page.GetByTestId("roles")).ToContainTextAsync("窓口");
            await Expect(page.GetByTestId("user")).ToHaveTextAsync("窓口 花子");
            await SaveScreenshotAsync(page, $"dashboard-{provider}");
        }, provider.ToString());

        // Second sign-in (new browser context, no cookies): the key is not shown again.
        await InBrowserAsync(app, async page =>
        {
            await SubmitPasswordAsync(page, user, DemoSeeder.Password);
            await Expect(page).ToHaveURLAsync(new Regex("/account/totp", RegexOptions.IgnoreCase));
            await Expect(page.Locator("#Code")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("enrollment")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("totp-key")).ToHaveCountAsync(0);
            await SubmitTotpAsync(page, app, user);
            await Expect(page.GetByTestId("tenant")).ToContainTextAsync("デモ市");
        }, provider + "-second");
    }

    [Fact]
    public async Task Sign_out_ends_the_session_and_password_change_works()
    {
        var app = await SqliteAppAsync(Fixture);
        await InBrowserAsync(app, async page =>
        {
            await SignInAsync(page, app, "demo-operator");
            await page.GetByRole(AriaRole.Link, new() { Name = "パスワード変更" }).ClickAsync();
            await page.Locator("#CurrentPassword").FillAsync("Wrong-Pass-2026!");
            await page.Locator("#NewPassword").FillAsync("Changed-Passw0rd!");
            await page.Locator("#ConfirmPassword").FillAsync("Changed-Passw0rd!");
            await page.GetByRole(AriaRole.Button, new() { Name = "変更する" }).ClickAsync();
            await Expect(page.GetByTestId("error")).ToContainTextAsync("現在のパスワードが正しくありません");
            await page.Locator("#CurrentPassword").FillAsync(DemoSeeder.Password);
            await page.Locator("#NewPassword").FillAsync("Changed-Passw0rd!");
            await page.Locator("#ConfirmPassword").FillAsync("Changed-Passw0rd!");
            await page.GetByRole(AriaRole.Button, new() { Name = "変更する" }).ClickAsync();
            await Expect(page.GetByTestId("notice")).ToContainTextAsync("パスワードを変更しました");

            await page.GetByRole(AriaRole.Button, new() { Name = "サインアウト" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/account/login", RegexOptions.IgnoreCase));
            await page.GotoAsync("/");
            await Expect(page).ToHaveURLAsync(new Regex("/account/login", RegexOptions.IgnoreCase));

            await SubmitPasswordAsync(page, "demo-operator", DemoSeeder.Password);
            await Expect(page.GetByTestId("error")).ToContainTextAsync("正しくありません");
            await SignInAsync(page, app, "demo-operator", "Changed-Passw0rd!");
            await Expect(page.GetByTestId("roles")).ToContainTextAsync("運用者");
        });
    }

    [Fact]
    public async Task Wrong_password_shows_a_Japanese_error_and_stays_on_the_login_page()
    {
        var app = await SqliteAppAsync(Fixture);
        await InBrowserAsync(app, async page =>
        {
            await SubmitPasswordAsync(page, "demo-juki", "Wrong-Pass-2026!");
            await Expect(page.GetByTestId("error")).ToContainTextAsync("正しくありません");
            await Expect(page).ToHaveURLAsync(new Regex("/account/login", RegexOptions.IgnoreCase));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "職員サインイン" })).ToBeVisibleAsync();
            await Expect(page.Locator("#Code")).ToHaveCountAsync(0);
            await Expect(page.Locator("#UserName")).ToHaveValueAsync("demo-juki");

            // Still signed out: a protected page sends the browser back to the login page.
            await page.GotoAsync("/");
            await Expect(page).ToHaveURLAsync(new Regex("/account/login", RegexOptions.IgnoreCase));
        });
    }

    [Fact]
    public async Task Wrong_TOTP_code_shows_an_error_on_the_TOTP_page()
    {
        var app = await SqliteAppAsync(Fixture);
        const string user = "demo-kaigo";
        await InBrowserAsync(app, async page =>
        {
            await SubmitPasswordAsync(page, user, DemoSeeder.Password);
            await Expect(page).ToHaveURLAsync(new Regex("/account/totp", RegexOptions.IgnoreCase));

            var right = int.Parse(await app.TotpCodeAsync(user), System.Globalization.CultureInfo.InvariantCulture);
            await page.Locator("#Code").FillAsync(((right + 500_000) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByRole(AriaRole.Button, new() { Name = "サインイン", Exact = true }).ClickAsync();

            await Expect(page.GetByTestId("error")).ToContainTextAsync("確認コードが正しくありません");
            await Expect(page).ToHaveURLAsync(new Regex("/account/totp", RegexOptions.IgnoreCase));
            await Expect(page.GetByTestId("dashboard")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("enrollment")).ToBeVisibleAsync(); // not enrolled yet: the key stays available

            // The right code still works afterwards.
            await SubmitTotpAsync(page, app, user);
            await Expect(page.GetByTestId("roles")).ToContainTextAsync("介護担当");
        });
    }

    [Fact]
    public async Task Keyboard_only_sign_in_user_id_Tab_password_Enter()
    {
        var app = await SqliteAppAsync(Fixture);
        const string user = "demo-juki";
        await InBrowserAsync(app, async page =>
        {
            await page.GotoAsync("/account/login");
            await Expect(page.Locator("#UserName")).ToBeFocusedAsync(); // autofocus: no click needed
            await page.Keyboard.TypeAsync(user);
            await page.Keyboard.PressAsync("Tab");
            await Expect(page.Locator("#Password")).ToBeFocusedAsync();
            await page.Keyboard.TypeAsync(DemoSeeder.Password);
            await page.Keyboard.PressAsync("Enter");

            await Expect(page).ToHaveURLAsync(new Regex("/account/totp", RegexOptions.IgnoreCase));
            await Expect(page.Locator("#Code")).ToBeFocusedAsync();
            await page.Keyboard.TypeAsync(await app.TotpCodeAsync(user));
            await page.Keyboard.PressAsync("Enter");

            await Expect(page.GetByTestId("roles")).ToContainTextAsync("住記担当");
        });
    }
}
