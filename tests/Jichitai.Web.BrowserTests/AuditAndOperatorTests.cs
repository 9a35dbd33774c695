using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Jichitai.Web.BrowserTests;

/// <summary>監査 (access log search) and 運用者 (tenant registration).</summary>
public sealed class AuditAndOperatorTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Auditor_searches_the_access_log_and_sees_sign_in_entries()
    {
        var app = await SqliteAppAsync(Fixture);
        await InBrowserAsync(app, async page =>
        {
            await SignInAsync(page, app, "demo-kansa");
            await MainMenu(page).GetByRole(AriaRole.Link, new() { Name = "アクセスログ" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "アクセスログの検索" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("audit")).ToHaveCountAsync(0); // nothing is listed before searching

            await page.GetByRole(AriaRole.Button, new() { Name = "検索" }).ClickAsync();

            var table = page.GetByTestId("audit");
            await Expect(table).ToBeVisibleAsync();
            await Expect(page.GetByTestId("hits")).ToHaveTextAsync(new Regex(@"^[1-9]\d* 件"));
            var ownSignIns = table.Locator("tbody tr", new() { HasText = "demo-kansa" });
            await Expect(ownSignIns.Filter(new() { HasText = "サインイン(パスワード)" }).First).ToBeVisibleAsync();
            await Expect(ownSignIns.Filter(new() { HasText = "サインイン(確認コード)" }).First).ToBeVisibleAsync();
            await Expect(ownSignIns.Filter(new() { HasText = "サインイン" }).First.Locator("td").Nth(4)).ToHaveTextAsync("成功");
        });
    }

    [Fact]
    public async Task Operator_registers_Chiyoda_and_a_wrong_check_digit_is_refused()
    {
        var app = await SqliteAppAsync(Fixture);
        await InBrowserAsync(app, async page =>
        {
            await SignInAsync(page, app, "demo-operator");
            await Expect(page.GetByTestId("tenant")).ToHaveTextAsync("運用者(団体に属さない)");
            await MainMenu(page).GetByRole(AriaRole.Link, new() { Name = "団体", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "利用団体(運用者)" })).ToBeVisibleAsync();
            var tenants = page.GetByTestId("tenants");
            await Expect(tenants.Locator("tbody tr", new() { HasText = "139998" })).ToContainTextAsync("デモ市");
            await Expect(tenants.Locator("tbody tr", new() { HasText = "131016" })).ToHaveCountAsync(0);

            await page.Locator("#Code").FillAsync("131016");
            await page.Locator("#Name").FillAsync("千代田区");
            await page.Locator("#NameKana").FillAsync("チヨダク");
            await page.Locator("#Class").SelectOptionAsync(new SelectOptionValue { Label = "特別区" });
            await page.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();

            await Expect(page.GetByTestId("notice")).ToHaveTextAsync("千代田区(131016)を登録しました。");
            var chiyoda = tenants.Locator("tbody tr", new() { HasText = "131016" });
            await Expect(chiyoda).ToHaveCountAsync(1);
            await Expect(chiyoda.Locator("td").Nth(1)).ToHaveTextAsync("千代田区");
            await Expect(chiyoda.Locator("td").Nth(2)).ToHaveTextAsync("東京都");
            await Expect(chiyoda.Locator("td").Nth(3)).ToHaveTextAsync("特別区");
            await Expect(chiyoda.Locator("td").Nth(4)).ToHaveTextAsync("稼働中");

            await page.Locator("#Code").FillAsync("131017");
            await page.Locator("#Name").FillAsync("千代田区(誤り)");
            await page.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();

            await Expect(page.GetByTestId("error")).ToContainTextAsync("検査数字");
            await Expect(page.Locator("#Code + .field-error")).ToContainTextAsync("検査数字が正しくありません");
            await Expect(page.GetByTestId("notice")).ToHaveCountAsync(0);
            await Expect(page.Locator("#Code")).ToHaveValueAsync("131017"); // the input is kept for correction
            await Expect(tenants.Locator("tbody tr", new() { HasText = "131017" })).ToHaveCountAsync(0);
            await Expect(tenants.Locator("tbody tr")).ToHaveCountAsync(2);
        });
    }
}
