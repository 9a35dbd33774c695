using System.Text;
using System.Text.RegularExpressions;
using Jichitai.Platform.Persistence;
using static Microsoft.Playwright.Assertions;

namespace Jichitai.Web.BrowserTests.Registry;

/// <summary>
/// 証明書の交付 at the counter (標準第5章, 3.4): the clerk finds a resident, asks for 住民票の写し with 世帯主・続柄 for 本人等,
/// sees the 支援措置・抑止 check and the 見本, issues, gets the PDF in the page and confirms the 照合番号 on /verify; a third
/// party asking about the demo resident under 支援措置 is refused on the check.
/// </summary>
public sealed class CertificateCounterBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Clerk_requests_checks_previews_and_issues_a_copy_then_verifies_its_code(DatabaseProvider provider)
    {
        var app = await Fixture.AppAsync(provider);
        var given = provider == DatabaseProvider.Sqlite ? "交子" : "付子";
        await InBrowserAsync(app, async page =>
        {
            await SignInAsync(page, app, "demo-madoguchi");
            var response = await page.Context.APIRequest.PostAsync("/api/v1/registry/movements/move-in", new()
            {
                DataObject = new
                {
                    header = new { effectiveOn = "2026-04-01", notifiedOn = "2026-04-03" }, kind = "通常",
                    address = new { postalCode = "1000011", town = "デモ市本町一丁目", blockNumber = "9番1号" },
                    previousAddress = new { text = "神奈川県横浜市中区本町1丁目1番地", certificateIssuer = "横浜市" },
                    members = new[] { new { familyName = "交付", givenName = given, familyNameKana = "コウフ", givenNameKana = provider == DatabaseProvider.Sqlite ? "コウコ" : "フコ",
                        birthDate = "1985-05-06", gender = "女", relationship = "世帯主", domicile = "東京都デモ市本町一丁目1番地", domicileHead = "交付一郎" } },
                },
            });
            Assert.True(response.Ok, await response.TextAsync());
            var number = (await response.JsonAsync())!.Value.GetProperty("addresseeNumbers")[0].GetString()!;

            // Search, open the resident, and start the request from there: the person is prefilled.
            await page.GotoAsync("/registry");
            await page.FillAsync("#AddresseeNumber", number);
            await page.GetByTestId("search").ClickAsync();
            await page.Locator($"a[href='/registry/residents/{number}']").ClickAsync();
            await page.GetByTestId("certificate-link").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("証明書の交付");
            await Expect(page.Locator("#Numbers")).ToHaveValueAsync(number);

            // 住民票コード・個人番号 are offered to 本人等 only; every item starts unchecked.
            await Expect(page.GetByTestId("item-個人番号")).ToBeVisibleAsync();
            await page.SelectOptionAsync("#RequesterType", "第三者");
            await Expect(page.GetByTestId("item-個人番号")).ToBeHiddenAsync();
            await Expect(page.Locator("#ItemsReason")).ToBeVisibleAsync();
            await page.SelectOptionAsync("#RequesterType", "本人等");
            await Expect(page.GetByTestId("item-個人番号")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("item-世帯主・続柄")).Not.ToBeCheckedAsync();

            await page.GetByTestId("item-世帯主・続柄").CheckAsync();
            await page.FillAsync("#RequesterName", $"交付 {given}");
            await page.FillAsync("#IdentityDocument", "マイナンバーカード");
            await page.Locator("#RequesterName").PressAsync("Enter"); // Enter in a field means 確認
            await Expect(page.GetByTestId("allowed")).ToContainTextAsync("交付できます");
            await Expect(page.GetByTestId("check-items")).ToHaveTextAsync("世帯主・続柄");
            await Expect(page.GetByTestId("fee")).ToHaveTextAsync("300 円");

            await page.GetByTestId("preview").ClickAsync();
            await Expect(page.GetByTestId("preview-page").First).ToBeVisibleAsync();
            Assert.StartsWith("data:image/png;base64,", await page.GetByTestId("preview-page").First.GetAttributeAsync("src"));

            await page.GetByTestId("issue").ClickAsync();
            await Expect(page.GetByTestId("issued")).ToContainTextAsync("交付しました");
            await Expect(page.GetByTestId("issue-number")).ToContainTextAsync("デモ市");
            var code = (await page.GetByTestId("verification-code").InnerTextAsync()).Trim();
            Assert.Matches(@"^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3}[0-9A-Z*~$=]$", code); // Crockford base32, check symbol last
            var href = await page.GetByTestId("pdf-link").GetAttributeAsync("href");
            Assert.StartsWith("data:application/pdf;base64,", href);
            Assert.StartsWith("%PDF", Encoding.ASCII.GetString(Convert.FromBase64String(href!.Split(',')[1])[..4]));
            await Expect(page.Locator("iframe.pdf-frame")).ToHaveAttributeAsync("src", new Regex("^blob:"));

            // 交付履歴: the issue is listed; 再交付 needs a reason and gives a new PDF with its own numbers.
            var issueNumber = (await page.GetByTestId("issue-number").InnerTextAsync()).Trim();
            await page.GotoAsync($"/registry/certificates/history?AddresseeNumber={number}");
            await Expect(page.GetByTestId("row-issue-number")).ToHaveTextAsync(issueNumber);
            await page.Locator("summary", new() { HasText = "再交付・処分" }).ClickAsync();
            await page.GetByTestId("reissue").ClickAsync();
            await Expect(page.GetByTestId("row-error")).ToContainTextAsync("再交付の理由");
            await page.Locator("input[id^='reissue_reason_']").FillAsync("紛失");
            await page.GetByTestId("reissue").ClickAsync();
            await Expect(page.GetByTestId("issued")).ToContainTextAsync("再交付しました");
            await Expect(page.GetByTestId("issue-number")).Not.ToHaveTextAsync(issueNumber);
            await Expect(page.GetByTestId("row-issue-number")).ToHaveCountAsync(2);

            await page.GotoAsync("/verify");
            await page.FillAsync("#Code", code);
            await page.GetByRole(AriaRole.Button, new() { Name = "確認する" }).ClickAsync();
            await Expect(page.GetByTestId("result")).ToContainTextAsync("交付の記録があります");
        }, provider.ToString());
    }

    [Fact]
    public async Task Third_party_request_about_the_demo_resident_under_support_measure_is_refused_on_the_check()
    {
        // The shared app has no demo residents; this one seeds them (with the demo 支援措置) through the real features.
        await using var app = await Jichitai.Testing.WebAppFixture.CreateAsync(DatabaseProvider.Sqlite, kestrel: true, residents: true);
        await InBrowserAsync(app, async page =>
        {
            await SignInAsync(page, app, "demo-madoguchi");
            var measures = await page.Context.APIRequest.GetAsync("/api/v1/registry/restrictions?activeOnly=true");
            Assert.True(measures.Ok, await measures.TextAsync());
            var number = (await measures.JsonAsync())!.Value.EnumerateArray()
                .First(m => m.GetProperty("kind").GetString()!.Contains("支援措置")).GetProperty("addresseeNumber").GetString()!;

            await page.GotoAsync($"/registry/certificates?number={number}");
            await page.SelectOptionAsync("#RequesterType", "第三者");
            await page.FillAsync("#RequesterName", "債権 回収");
            await page.FillAsync("#RequesterAddress", "東京都港区芝公園1番");
            await page.FillAsync("#IdentityDocument", "運転免許証");
            await page.FillAsync("#Purpose", "貸金の回収のため");
            await page.GetByTestId("check").ClickAsync();
            await Expect(page.GetByTestId("stop")).ToContainTextAsync("第三者からの請求には応じられません");
            await Expect(page.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
            await Expect(page.GetByTestId("issue")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("preview")).ToHaveCountAsync(0);
        });
    }
}
