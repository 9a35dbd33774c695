using System.Text;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Jichitai.Web.BrowserTests.Linkage;

/// <summary>
/// 連携 page (標準7.2) for the tenant's IT staff: register a webhook consumer and see its secret once, be refused 個人番号
/// without マイナンバー利用事務, change a grant with a reason, replay, and download a 差分ファイル for a file consumer.
/// </summary>
public sealed class LinkagePageBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task ItStaff_register_consumers_change_grants_replay_and_download_a_delta_file()
    {
        // With the demo residents: their 異動 are in the outbox, so a replay from 1 has rows to put in the file.
        await using var app = await Jichitai.Testing.WebAppFixture.CreateAsync(Jichitai.Platform.Persistence.DatabaseProvider.Sqlite, kestrel: true, residents: true);
        await InBrowserAsync(app, async page =>
        {
            await SignInAsync(page, app, "demo-joho");
            await MainMenu(page).GetByRole(AriaRole.Link, new() { Name = "連携", Exact = true }).ClickAsync();
            await Expect(page.Locator("h1")).ToContainTextAsync("連携");
            // Registered systems only, or also the in-process 介護保険 consumer once the dispatcher has created it.
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "連携先", Exact = true })).ToBeVisibleAsync();
            await Expect(page.Locator("[data-consumer='税務システム']")).ToHaveCountAsync(0);

            // A webhook consumer: the API key and the signing secret are shown once, with how to verify.
            await page.GetByTestId("name").FillAsync("税務システム");
            await page.GetByTestId("kind").SelectOptionAsync("Webhook");
            foreach (var item in new[] { "name", "address", "birthDate" }) await page.GetByTestId($"item-{item}").CheckAsync();
            await page.GetByTestId("webhook-url").FillAsync("http://127.0.0.1:9/hook");
            await page.GetByTestId("register").ClickAsync();
            await Expect(page.GetByTestId("created")).ToContainTextAsync("連携先「税務システム」を登録しました");
            await Expect(page.GetByTestId("shown-once")).ToContainTextAsync("一度だけ表示します。再表示できません");
            await Expect(page.GetByTestId("api-key")).ToHaveTextAsync(new Regex("^jck_"));
            var secret = await page.GetByTestId("webhook-secret").TextContentAsync();
            Assert.StartsWith("whsec_", secret);
            await Expect(page.GetByTestId("created")).ToContainTextAsync("X-Jichitai-Signature");
            await Expect(page.GetByTestId("created")).ToContainTextAsync("X-Jichitai-Timestamp");
            var row = page.Locator("[data-consumer='税務システム']");
            await Expect(row).ToContainTextAsync("Webhook(送信)");
            await Expect(row.GetByTestId("state")).ToHaveTextAsync("稼働中");
            await Expect(row.GetByTestId("grants")).ToContainTextAsync("氏名、生年月日、住所");
            await SaveScreenshotAsync(page, "linkage-registered");

            // Shown once: the list again no longer holds the secret.
            await page.GotoAsync("/linkage");
            await Expect(page.GetByTestId("consumers")).ToContainTextAsync("税務システム");
            Assert.DoesNotContain(secret!, await page.ContentAsync());
            await Expect(page.GetByTestId("created")).ToHaveCountAsync(0);

            // 個人番号 without マイナンバー利用事務: refused in Japanese, nothing registered.
            await page.GetByTestId("name").FillAsync("国保システム");
            await page.GetByTestId("kind").SelectOptionAsync("Pull");
            await page.GetByTestId("item-name").CheckAsync();
            await page.GetByTestId("item-personalNumber").CheckAsync();
            await page.GetByTestId("register").ClickAsync();
            await Expect(page.GetByTestId("register-error")).ToContainTextAsync("個人番号はマイナンバー利用事務の連携先にだけ提供できます");
            await Expect(page.GetByTestId("created")).ToHaveCountAsync(0);
            await Expect(page.Locator("[data-consumer='国保システム']")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("name")).ToHaveValueAsync("国保システム"); // the input stays for correcting

            // 提供項目の変更: a reason is required; with it, 個人番号 is granted and stands out.
            await row.GetByTestId("consumer-link").ClickAsync();
            await Expect(page.Locator("h1")).ToContainTextAsync("連携先 税務システム");
            await page.GetByTestId("item-personalNumber").CheckAsync();
            await page.GetByTestId("personal-number-use").CheckAsync();
            await page.GetByTestId("change-grants").ClickAsync();
            await Expect(page.GetByTestId("grants-error")).ToContainTextAsync("提供項目を変更する理由を入力してください");
            await Expect(page.GetByTestId("status").GetByTestId("protected-item")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("item-personalNumber")).ToBeCheckedAsync(); // what was chosen stays chosen
            await page.GetByTestId("reason").FillAsync("個人住民税の賦課(番号法別表の事務)");
            await page.GetByTestId("change-grants").ClickAsync();
            await Expect(page.GetByTestId("message")).ToHaveTextAsync("提供項目を変更しました。");
            await Expect(page.GetByTestId("status").GetByTestId("protected-item")).ToHaveTextAsync("個人番号");
            await Expect(page.GetByTestId("status").GetByTestId("flag-personal-number")).ToBeVisibleAsync();

            // 再送 from 1: the cursor goes back to 0 (the loopback URL receives nothing, so it stays there).
            await page.GetByTestId("from-sequence").FillAsync("1");
            await page.GetByTestId("replay").ClickAsync();
            await Expect(page.GetByTestId("message")).ToHaveTextAsync("連番 1 から再送します。");
            await Expect(page.GetByTestId("cursor")).ToContainTextAsync(new Regex(@"^0\("));
            await SaveScreenshotAsync(page, "linkage-consumer");

            // 停止 / 再開.
            await page.GetByTestId("pause").ClickAsync();
            await Expect(page.GetByTestId("message")).ToHaveTextAsync("送信を停止しました。");
            await Expect(page.GetByTestId("state")).ToHaveTextAsync("停止中");
            await Expect(page.GetByTestId("pause")).ToHaveCountAsync(0);
            await page.GetByTestId("resume").ClickAsync();
            await Expect(page.GetByTestId("message")).ToHaveTextAsync("送信を再開しました。");
            await Expect(page.GetByTestId("state")).ToHaveTextAsync("稼働中");

            // 送信タイミング (標準7.2.3): 即時 → 5分おき.
            await Expect(page.GetByTestId("interval")).ToHaveTextAsync("即時");
            await page.GetByTestId("interval-choice").SelectOptionAsync("5");
            await page.GetByTestId("change-interval").ClickAsync();
            await Expect(page.GetByTestId("message")).ToHaveTextAsync("送信タイミングを「5分おき」にしました。");
            await Expect(page.GetByTestId("interval")).ToHaveTextAsync("5分おき");
            await page.GetByTestId("back").ClickAsync();
            await Expect(page.Locator("[data-consumer='税務システム']").GetByTestId("grants")).ToContainTextAsync("個人番号");
            await Expect(page.Locator("[data-consumer='税務システム']").GetByTestId("cursor")).ToHaveTextAsync("0");

            // A file consumer: replay from 1, then the 差分ファイル arrives as CSV and moves the cursor to the end.
            await page.GetByTestId("name").FillAsync("旧宛名システム");
            await page.GetByTestId("kind").SelectOptionAsync("File");
            await page.GetByTestId("item-name").CheckAsync();
            await page.GetByTestId("item-address").CheckAsync();
            await page.GetByTestId("register").ClickAsync();
            await Expect(page.GetByTestId("created")).ToContainTextAsync("旧宛名システム");
            await Expect(page.GetByTestId("webhook-secret")).ToHaveCountAsync(0);
            await page.Locator("[data-consumer='旧宛名システム']").GetByTestId("consumer-link").ClickAsync();
            await page.GetByTestId("from-sequence").FillAsync("1");
            await page.GetByTestId("replay").ClickAsync();
            await Expect(page.GetByTestId("message")).ToHaveTextAsync("連番 1 から再送します。");
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("delta-file").ClickAsync());
            Assert.Matches(@"^delta_\d{6}_旧宛名システム_1-\d+\.csv$", download.SuggestedFilename);
            var path = Path.Combine(Path.GetTempPath(), $"jc-{Guid.NewGuid():N}.csv");
            await download.SaveAsAsync(path);
            var lines = await File.ReadAllLinesAsync(path, Encoding.UTF8);
            File.Delete(path);
            Assert.StartsWith("連番,イベントID,異動事由コード,異動事由,異動日,届出日,宛名番号,世帯番号,氏名(異動前),氏名(異動後),住所(異動前),住所(異動後)", lines[0]);
            Assert.True(lines.Length > 1, "the demo residents' 異動 should be in the file");
            var sequences = lines.Skip(1).Select(l => long.Parse(l.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.True(sequences[0] >= 1);
            Assert.Equal(sequences.Order(), sequences);
            await page.ReloadAsync();
            await Expect(page.GetByTestId("lag")).ToHaveTextAsync("0"); // the cursor moved to the latest sequence

            // The next file continues where this one ended: header only.
            download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("delta-file").ClickAsync());
            await download.SaveAsAsync(path);
            lines = await File.ReadAllLinesAsync(path, Encoding.UTF8);
            File.Delete(path);
            Assert.Single(lines);
            Assert.StartsWith("連番,イベントID,", lines[0]);
        }, "it-staff");
    }
}
