using System.Globalization;
using System.Text.RegularExpressions;
using Jichitai.Platform;
using Jichitai.Platform.Persistence;
using static Microsoft.Playwright.Assertions;

namespace Jichitai.Web.BrowserTests.Registry;

/// <summary>
/// 窓口 (counter clerk, demo-madoguchi) enters 転入 and 転居 on the counter pages with the keyboard only: Tab moves
/// between fields, text is typed, Enter submits (standard 2.3.2). Each test runs on SQLite and PostgreSQL; the
/// databases are shared by the tests of this class, so every test uses its own names.
/// </summary>
public sealed class CounterMovementTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Clerk = "demo-madoguchi";

    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task MoveIn_of_a_couple_typed_with_the_keyboard_is_read_back_registered_shown_and_found(DatabaseProvider provider)
    {
        var app = await Fixture.AppAsync(provider);
        var today = JapanTime.Today(TimeProvider.System);
        var movedInOn = today.AddDays(-3);
        var household = new MoveInEntry(
            EffectiveOn: ShortWareki(movedInOn), // e.g. "R7.11.22"
            PostalCode: "190-0001", Town: "本町二丁目", BlockNumber: "3番4号", Building: "デモハイツ101",
            PreviousAddress: "東京都千代田区千代田1番1号", PreviousHeadName: "髙橋 一郎", CertificateIssuer: "東京都千代田区",
            Members:
            [
                new("髙橋", "一郎", "タカハシ", "イチロウ", "S55.6.1", "男", "世帯主"),
                new("髙橋", "\U00020BB7乃", "タカハシ", "ヨシノ", "平成2年3月4日", "女", "妻"), // 𠮷乃: 𠮷 is outside the BMP and JIS X 0208
            ]);

        await InBrowserAsync(app, async page =>
        {
            await SignInAsync(page, app, Clerk);

            // 住民記録 from the main menu, then 転入 (the link is just before the autofocused カナ field).
            await TabToAsync(page, MainMenu(page).GetByRole(AriaRole.Link, new() { Name = "住民記録" }));
            await page.Keyboard.PressAsync("Enter");
            await Expect(page).ToHaveURLAsync(new Regex("/registry$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("住民記録 — 住民検索");
            await Expect(page.Locator("#Kana")).ToBeFocusedAsync();
            await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "転入(1)" }), backwards: true);
            await page.Keyboard.PressAsync("Enter");
            await Expect(page).ToHaveURLAsync(new Regex("/registry/move-in$"));
            await Expect(page.Locator("#kind")).ToBeFocusedAsync(); // autofocus on the first field

            await TypeMoveInAsync(page, household);
            await TabToAsync(page, page.GetByTestId("confirm"));
            await page.Keyboard.PressAsync("Enter");

            // 確認: the entry is read back, nothing is editable any more.
            await Expect(page.GetByTestId("confirm-banner")).ToContainTextAsync("入力内容を届出人に読み上げて確認してください。");
            await Expect(page.GetByTestId("errors")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("confirm")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("commit")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("edit")).ToBeVisibleAsync();
            await Expect(page.Locator("#kind")).ToBeDisabledAsync();
            var form = page.GetByTestId("move-in-form");
            var textInputs = form.Locator("input[type=text]");
            Assert.True(await textInputs.CountAsync() >= 20, "the read-back should show the entered fields");
            foreach (var input in await textInputs.AllAsync()) await Expect(input).Not.ToBeEditableAsync();
            await Expect(form.Locator("input[type=checkbox]").First).ToBeDisabledAsync();
            await Expect(page.GetByTestId("member-2")).ToHaveCountAsync(0); // blank rows are left out of the read-back
            await Expect(page.Locator("#Form_Members_0__FamilyName")).ToHaveValueAsync("髙橋");
            await Expect(page.Locator("#Form_Members_1__GivenName")).ToHaveValueAsync("\U00020BB7乃");
            await Expect(page.Locator("#Form_Members_1__BirthDate")).ToHaveValueAsync("平成2年3月4日");
            await Expect(page.Locator("#Form_Address_Town")).ToHaveValueAsync("本町二丁目");
            // Typing into a read-only field changes nothing.
            await TabToAsync(page, page.Locator("#Form_Members_0__GivenName"));
            await page.Keyboard.TypeAsync("次");
            await Expect(page.Locator("#Form_Members_0__GivenName")).ToHaveValueAsync("一郎");

            // 登録する with the keyboard.
            await TabToAsync(page, page.GetByTestId("commit"));
            await page.Keyboard.PressAsync("Enter");

            var receipt = page.GetByTestId("receipt");
            await Expect(receipt).ToBeVisibleAsync();
            await Expect(receipt.GetByRole(AriaRole.Heading)).ToHaveTextAsync("住民異動届 受理通知");
            await Expect(page.GetByTestId("movement-id")).ToHaveTextAsync(new Regex(@"^\d+$"));
            var movementId = (await page.GetByTestId("movement-id").InnerTextAsync()).Trim();
            await Expect(receipt).ToContainTextAsync($"転入を登録しました(異動番号 {movementId})。");
            await Expect(receipt.Locator("tr", new() { HasText = "異動事由" }).Locator("td")).ToHaveTextAsync("転入");
            await Expect(receipt.Locator("tr", new() { HasText = "異動日" }).Locator("td")).ToHaveTextAsync(LongWareki(movedInOn));
            await Expect(page.GetByTestId("late")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("household-number")).ToHaveTextAsync(new Regex(@"^\d{10}$"));
            var householdNumber = (await page.GetByTestId("household-number").InnerTextAsync()).Trim();
            var numbers = page.GetByTestId("addressee-number");
            await Expect(numbers).ToHaveCountAsync(2);
            var headNumber = (await numbers.First.InnerTextAsync()).Trim();
            var wifeNumber = (await numbers.Nth(1).InnerTextAsync()).Trim();
            Assert.Matches(@"^\d{10}$", headNumber);
            Assert.Matches(@"^\d{10}$", wifeNumber);
            await Expect(page.GetByTestId("move-in-form")).ToHaveCountAsync(0);

            // The 宛名番号 link opens the head's record.
            await TabToAsync(page, numbers.First);
            await page.Keyboard.PressAsync("Enter");
            await Expect(page).ToHaveURLAsync(new Regex($"/registry/residents/{headNumber}$"));
            await Expect(page.GetByTestId("addressee")).ToHaveTextAsync(headNumber);
            await Expect(page.GetByTestId("name")).ToHaveTextAsync("髙橋　一郎");
            Assert.Equal("髙橋　一郎", (await page.GetByTestId("name").InnerTextAsync()).Trim()); // 髙 kept, not folded to 高
            await Expect(page.GetByTestId("birth")).ToHaveTextAsync("昭和55年6月1日");
            await Expect(page.GetByTestId("address")).ToHaveTextAsync("〒190-0001 本町二丁目3番4号　デモハイツ101");
            await Expect(page.GetByTestId("household")).ToHaveTextAsync(householdNumber);
            await Expect(page.GetByTestId("relationship")).ToHaveTextAsync("世帯主");
            await Expect(page.GetByTestId("record")).ToContainTextAsync("東京都千代田区千代田1番1号"); // 転入前住所

            var wife = page.GetByTestId("household-members").Locator("tbody tr", new() { HasText = wifeNumber });
            await Expect(wife.Locator("td").Nth(1)).ToHaveTextAsync("髙橋　\U00020BB7乃");
            Assert.Equal("髙橋　\U00020BB7乃", (await wife.Locator("td").Nth(1).InnerTextAsync()).Trim()); // 𠮷 kept, not 吉
            await Expect(wife.Locator("td").Nth(2)).ToHaveTextAsync("妻");
            await Expect(wife.Locator("td").Nth(3)).ToHaveTextAsync("平成2年3月4日");

            var history = page.GetByTestId("history").Locator("tbody tr");
            await Expect(history).ToHaveCountAsync(1);
            await Expect(history.Locator("td").Nth(0)).ToHaveTextAsync(movementId);
            await Expect(history.Locator("td").Nth(1)).ToHaveTextAsync(new Regex(@"^\s*転入\s*$"));
            await Expect(history.Locator("td").Nth(2)).ToHaveTextAsync(LongWareki(movedInOn));
            await Expect(history.Locator("td").Nth(5)).ToHaveTextAsync(Clerk); // 処理者

            // Search by the beginning of the フリガナ, then by 高橋 (the usual form of 髙橋).
            await TabToAsync(page, MainMenu(page).GetByRole(AriaRole.Link, new() { Name = "住民記録" }));
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator("#Kana")).ToBeFocusedAsync();
            await page.Keyboard.TypeAsync("タカハ");
            await page.Keyboard.PressAsync("Enter");
            await ExpectBothFoundAsync(page, headNumber, wifeNumber);
            await Expect(page.Locator("#Kana")).ToHaveValueAsync("タカハ");

            await Expect(page.Locator("#Kana")).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.PressAsync("Backspace");
            await TabToAsync(page, page.Locator("#Name")); // past the kana match options
            await Expect(page.Locator("#Name")).ToBeFocusedAsync();
            await page.Keyboard.TypeAsync("高橋");
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator("#Name")).ToHaveValueAsync("高橋");
            await Expect(page.Locator("#Kana")).ToHaveValueAsync(""); // found by 氏名 alone
            await ExpectBothFoundAsync(page, headNumber, wifeNumber);
        }, provider.ToString());

        static async Task ExpectBothFoundAsync(IPage page, string headNumber, string wifeNumber)
        {
            await Expect(page.GetByTestId("result-count")).ToHaveTextAsync("2 件");
            var rows = page.GetByTestId("results").Locator("tbody tr");
            await Expect(rows).ToHaveCountAsync(2);
            // By the 宛名番号 link in the first cell: a 世帯番号 may read the same digits.
            var head = rows.Filter(new() { Has = page.Locator($"td:first-child a[href='/registry/residents/{headNumber}']") });
            await Expect(head.Locator("td").Nth(1)).ToHaveTextAsync("髙橋　一郎");
            await Expect(head.Locator("td").Nth(2)).ToHaveTextAsync("タカハシ　イチロウ");
            await Expect(head.Locator("td").Nth(3)).ToHaveTextAsync("昭和55年6月1日");
            await Expect(head.Locator("td").Nth(7)).ToHaveTextAsync("世帯主");
            await Expect(head.GetByRole(AriaRole.Link, new() { Name = headNumber })).ToHaveAttributeAsync("href", $"/registry/residents/{headNumber}");
            await Expect(rows.Filter(new() { Has = page.Locator($"td:first-child a[href='/registry/residents/{wifeNumber}']") }).Locator("td").Nth(1)).ToHaveTextAsync("髙橋　\U00020BB7乃");
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task MoveIn_with_an_impossible_wareki_date_and_no_family_name_shows_field_errors_and_registers_nobody(DatabaseProvider provider)
    {
        var app = await Fixture.AppAsync(provider);
        var entry = new MoveInEntry(
            EffectiveOn: ShortWareki(JapanTime.Today(TimeProvider.System).AddDays(-1)),
            PostalCode: "190-0002", Town: "本町三丁目", BlockNumber: "5番6号", Building: null,
            PreviousAddress: "神奈川県横浜市中区港町1丁目1番地", PreviousHeadName: null, CertificateIssuer: "神奈川県横浜市中区",
            Members: [new(FamilyName: null, "次郎", "ケンショウ", "ジロウ", "平成31年5月1日", "男", "世帯主")]);

        await InBrowserAsync(app, async page =>
        {
            await SignInAsync(page, app, Clerk);
            await page.GotoAsync("/registry/move-in");
            await Expect(page.Locator("#kind")).ToBeFocusedAsync();
            await TypeMoveInAsync(page, entry);
            // Enter in a text field submits the form with its default button (入力内容を確認).
            await TabToAsync(page, page.Locator("#Form_Note"));
            await page.Keyboard.PressAsync("Enter");

            var errors = page.GetByTestId("errors");
            await Expect(errors).ToBeVisibleAsync();
            await Expect(errors).ToContainTextAsync("入力内容を確認してください。");
            await Expect(page.GetByTestId("confirm-banner")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("commit")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("confirm")).ToBeVisibleAsync();

            // The date error sits next to the 生年月日 field and says when 平成 ended and that the day is in 令和.
            var birth = page.Locator("#Form_Members_0__BirthDate");
            var birthError = page.Locator("#Form_Members_0__BirthDate + .field-error");
            await Expect(birthError).ToContainTextAsync("平成31年5月1日は存在しません");
            await Expect(birthError).ToContainTextAsync("令和元年5月1日");
            await Expect(birth).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(birth).ToHaveAttributeAsync("aria-describedby", "Form_Members_0__BirthDate_error");
            await Expect(birth).ToHaveValueAsync("平成31年5月1日"); // kept for correction
            await Expect(birth).ToBeEditableAsync();

            await Expect(page.Locator("#Form_Members_0__GivenName")).ToHaveValueAsync("次郎");
            await Expect(page.Locator("#Form_Members_0__GivenName")).ToHaveAttributeAsync("aria-invalid", "false");

            // Nothing was registered (looked up in a second tab, so the form with its errors stays open).
            var search = await page.Context.NewPageAsync();
            await search.GotoAsync("/registry");
            await Expect(search.Locator("#Kana")).ToBeFocusedAsync();
            await search.Keyboard.TypeAsync("ケンショウ");
            await search.Keyboard.PressAsync("Enter");
            await Expect(search.GetByTestId("result-count")).ToHaveTextAsync("0 件");
            await Expect(search.GetByTestId("results").Locator("tbody tr")).ToHaveCountAsync(0);
            await search.CloseAsync();

            // The missing 氏 is reported next to the 氏 field in the same round as the date, not only after the date is fixed.
            var familyName = page.Locator("#Form_Members_0__FamilyName");
            await Expect(page.Locator("#Form_Members_0__FamilyName + .field-error")).ToHaveTextAsync("氏を入力してください。");
            await Expect(familyName).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(familyName).ToBeEditableAsync();
            await Expect(page.GetByTestId("errors")).ToContainTextAsync("氏を入力してください。");
        }, provider.ToString());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Relocation_of_a_household_moves_both_members_keeps_the_history_and_the_as_of_view_shows_the_old_address(DatabaseProvider provider)
    {
        var app = await Fixture.AppAsync(provider);
        var today = JapanTime.Today(TimeProvider.System);
        var movedInOn = today.AddDays(-10);
        var relocatedOn = today.AddDays(-3);
        var household = new MoveInEntry(
            EffectiveOn: LongWareki(movedInOn),
            PostalCode: "190-0011", Town: "栄町一丁目", BlockNumber: "7番8号", Building: "栄荘203",
            PreviousAddress: "大阪府大阪市北区梅田1丁目1番1号", PreviousHeadName: "渡邉 健", CertificateIssuer: "大阪府大阪市北区",
            Members:
            [
                new("渡邉", "健", "ワタナベ", "ケン", "H1.3.31", "男", "世帯主"),
                new("渡邉", "美咲", "ワタナベ", "ミサキ", "平成3年7月7日", "女", "妻"),
            ]);

        await InBrowserAsync(app, async page =>
        {
            await SignInAsync(page, app, Clerk);

            // The household moves in first (through the 転入 page).
            await page.GotoAsync("/registry/move-in");
            await Expect(page.Locator("#kind")).ToBeFocusedAsync();
            await TypeMoveInAsync(page, household);
            await TabToAsync(page, page.GetByTestId("confirm"));
            await page.Keyboard.PressAsync("Enter");
            await TabToAsync(page, page.GetByTestId("commit"));
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByTestId("receipt")).ToBeVisibleAsync();
            var moveInId = (await page.GetByTestId("movement-id").InnerTextAsync()).Trim();
            var householdNumber = (await page.GetByTestId("household-number").InnerTextAsync()).Trim();
            await Expect(page.GetByTestId("addressee-number")).ToHaveCountAsync(2);
            var headNumber = (await page.GetByTestId("addressee-number").First.InnerTextAsync()).Trim();
            var wifeNumber = (await page.GetByTestId("addressee-number").Nth(1).InnerTextAsync()).Trim();

            // From the head's record to 転居 of this household.
            await TabToAsync(page, page.GetByTestId("addressee-number").First);
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByTestId("address")).ToHaveTextAsync("〒190-0011 栄町一丁目7番8号　栄荘203");
            await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "この世帯の転居" }));
            await page.Keyboard.PressAsync("Enter");
            await Expect(page).ToHaveURLAsync(new Regex($"/registry/relocation\\?household={householdNumber}$"));
            await Expect(page.Locator("#HouseholdNumber")).ToHaveValueAsync(householdNumber);
            var members = page.GetByTestId("members").Locator("tbody tr");
            await Expect(members).ToHaveCountAsync(2);
            await Expect(members.Filter(new() { HasText = headNumber })).ToContainTextAsync("渡邉　健");
            await Expect(members.Filter(new() { HasText = wifeNumber })).ToContainTextAsync("妻");

            await TypeIntoAsync(page, "#EffectiveOn", ShortWareki(relocatedOn));
            await TypeIntoAsync(page, "#NotifiedOn", LongWareki(today)); // replaces the prefilled date (Tab selects it)
            await TypeIntoAsync(page, "#Address_PostalCode", "1900022");
            await TypeIntoAsync(page, "#Address_Town", "緑町四丁目");
            await TypeIntoAsync(page, "#Address_BlockNumber", "9番10号");
            await TabToAsync(page, page.GetByTestId("confirm"));
            await page.Keyboard.PressAsync("Enter");

            await Expect(page.GetByTestId("confirm-banner")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("errors")).ToHaveCountAsync(0);
            foreach (var input in await page.GetByTestId("relocation-form").Locator("input[type=text]").AllAsync())
                await Expect(input).Not.ToBeEditableAsync();
            await TabToAsync(page, page.GetByTestId("commit"));
            await page.Keyboard.PressAsync("Enter");

            var receipt = page.GetByTestId("receipt");
            await Expect(receipt).ToBeVisibleAsync();
            await Expect(page.GetByTestId("movement-id")).ToHaveTextAsync(new Regex(@"^\d+$"));
            var relocationId = (await page.GetByTestId("movement-id").InnerTextAsync()).Trim();
            Assert.NotEqual(moveInId, relocationId);
            await Expect(receipt).ToContainTextAsync($"転居を登録しました(異動番号 {relocationId})。");
            await Expect(receipt.Locator("tr", new() { HasText = "異動日" }).Locator("td")).ToHaveTextAsync(LongWareki(relocatedOn));
            await Expect(receipt.Locator("tr", new() { HasText = "届出日" }).Locator("td")).ToHaveTextAsync(LongWareki(today));
            await Expect(page.GetByTestId("addressee-number")).ToHaveCountAsync(2);
            await Expect(page.GetByTestId("late")).ToHaveCountAsync(0);

            // The head's record: new address, both movements in the history (newest first).
            await TabToAsync(page, page.GetByTestId("addressee-number").Filter(new() { HasText = headNumber }));
            await page.Keyboard.PressAsync("Enter");
            await Expect(page).ToHaveURLAsync(new Regex($"/registry/residents/{headNumber}$"));
            await Expect(page.GetByTestId("name")).ToHaveTextAsync("渡邉　健");
            await Expect(page.GetByTestId("address")).ToHaveTextAsync("〒190-0022 緑町四丁目9番10号");
            await Expect(page.GetByTestId("household")).ToHaveTextAsync(householdNumber);
            await Expect(page.GetByTestId("relationship")).ToHaveTextAsync("世帯主");
            await Expect(page.GetByTestId("record").Locator("tr", new() { HasText = "住所を定めた年月日" })).ToContainTextAsync(LongWareki(relocatedOn));
            var history = page.GetByTestId("history").Locator("tbody tr");
            await Expect(history).ToHaveCountAsync(2);
            await Expect(history.Nth(0).Locator("td").Nth(0)).ToHaveTextAsync(relocationId);
            await Expect(history.Nth(0).Locator("td").Nth(1)).ToHaveTextAsync(new Regex(@"^\s*転居\s*$"));
            await Expect(history.Nth(0).Locator("td").Nth(2)).ToHaveTextAsync(LongWareki(relocatedOn));
            await Expect(history.Nth(1).Locator("td").Nth(0)).ToHaveTextAsync(moveInId);
            await Expect(history.Nth(1).Locator("td").Nth(1)).ToHaveTextAsync(new Regex(@"^\s*転入\s*$"));

            // As of the day before the 転居, typed in 和暦: the old address.
            await TabToAsync(page, page.Locator("#AsOf"));
            await page.Keyboard.TypeAsync(LongWareki(relocatedOn.AddDays(-1)));
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByTestId("as-of-banner")).ToHaveTextAsync($"{LongWareki(relocatedOn.AddDays(-1))} 時点の記載です。");
            await Expect(page.GetByTestId("address")).ToHaveTextAsync("〒190-0011 栄町一丁目7番8号　栄荘203");
            await Expect(page.GetByTestId("name")).ToHaveTextAsync("渡邉　健");
            await Expect(page.GetByTestId("household-members").Locator("tbody tr")).ToHaveCountAsync(2);

            // On the day of the 転居 the new address applies; the wife moved with the household.
            await page.GotoAsync($"/registry/residents/{wifeNumber}?AsOf={Uri.EscapeDataString(ShortWareki(relocatedOn))}");
            await Expect(page.GetByTestId("as-of-banner")).ToHaveTextAsync($"{LongWareki(relocatedOn)} 時点の記載です。");
            await Expect(page.GetByTestId("address")).ToHaveTextAsync("〒190-0022 緑町四丁目9番10号");
            await Expect(page.GetByTestId("relationship")).ToHaveTextAsync("妻");
            await page.GotoAsync($"/registry/residents/{wifeNumber}");
            await Expect(page.GetByTestId("address")).ToHaveTextAsync("〒190-0022 緑町四丁目9番10号");
            await Expect(page.GetByTestId("history").Locator("tbody tr")).ToHaveCountAsync(2);
        }, provider.ToString());
    }

    [Fact]
    public async Task MoveIn_typed_in_rows_1_and_3_registers_both_people_that_were_read_back()
    {
        var app = await SqliteAppAsync(Fixture);
        var entry = new MoveInEntry(
            EffectiveOn: ShortWareki(JapanTime.Today(TimeProvider.System).AddDays(-2)),
            PostalCode: "190-0033", Town: "若葉町二丁目", BlockNumber: "11番12号", Building: null,
            PreviousAddress: "埼玉県さいたま市浦和区高砂1丁目1番1号", PreviousHeadName: null, CertificateIssuer: "埼玉県さいたま市浦和区",
            Members:
            [
                new("佐々木", "一", "ササキ", "ハジメ", "S60.1.15", "男", "世帯主", Row: 0),
                new("佐々木", "花", "ササキ", "ハナ", "昭和62年8月9日", "女", "妻", Row: 2), // the clerk left row 2 empty
            ]);

        await InBrowserAsync(app, async page =>
        {
            await SignInAsync(page, app, Clerk);
            await page.GotoAsync("/registry/move-in");
            await Expect(page.Locator("#kind")).ToBeFocusedAsync();
            await TypeMoveInAsync(page, entry);
            await TabToAsync(page, page.GetByTestId("confirm"));
            await page.Keyboard.PressAsync("Enter");

            // Both people are read back to the notifier ...
            await Expect(page.GetByTestId("confirm-banner")).ToBeVisibleAsync();
            await Expect(page.Locator(".member")).ToHaveCountAsync(2);
            await Expect(page.Locator("#Form_Members_1__GivenName")).ToHaveValueAsync("花"); // compacted to the 2nd row for the read-back
            await TabToAsync(page, page.GetByTestId("commit"));
            await page.Keyboard.PressAsync("Enter");

            // ... so both must be registered.
            await Expect(page.GetByTestId("receipt")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("addressee-number")).ToHaveCountAsync(2);
            await TabToAsync(page, page.GetByTestId("addressee-number").First);
            await page.Keyboard.PressAsync("Enter");
            var members = page.GetByTestId("household-members").Locator("tbody tr");
            await Expect(members).ToHaveCountAsync(2);
            await Expect(members.Nth(0).Locator("td").Nth(1)).ToHaveTextAsync("佐々木　一");
            await Expect(members.Nth(1).Locator("td").Nth(1)).ToHaveTextAsync("佐々木　花");
        });
    }

    // ---- the 転入 form, typed ----

    /// <param name="Row">The row of the form (0-based) it is typed into; by default the next one.</param>
    private sealed record MemberEntry(
        string? FamilyName, string GivenName, string FamilyNameKana, string GivenNameKana, string BirthDate, string Gender, string Relationship, int? Row = null,
        string Domicile = "東京都デモ市本町一丁目1番地", string DomicileHead = "不明");

    private sealed record MoveInEntry(
        string EffectiveOn, string PostalCode, string Town, string BlockNumber, string? Building,
        string PreviousAddress, string? PreviousHeadName, string CertificateIssuer, IReadOnlyList<MemberEntry> Members);

    /// <summary>Fills the 転入 form top to bottom with Tab and typing (種別 stays 通常, 届出日 stays today).</summary>
    private static async Task TypeMoveInAsync(IPage page, MoveInEntry e)
    {
        await TypeIntoAsync(page, "#Form_EffectiveOn", e.EffectiveOn);
        await TypeIntoAsync(page, "#Form_Address_PostalCode", e.PostalCode);
        await TypeIntoAsync(page, "#Form_Address_Town", e.Town);
        await TypeIntoAsync(page, "#Form_Address_BlockNumber", e.BlockNumber);
        if (e.Building is not null) await TypeIntoAsync(page, "#Form_Address_Building", e.Building);
        await TypeIntoAsync(page, "#Form_PreviousAddress", e.PreviousAddress);
        if (e.PreviousHeadName is not null) await TypeIntoAsync(page, "#Form_PreviousHeadName", e.PreviousHeadName);
        await TypeIntoAsync(page, "#Form_CertificateIssuer", e.CertificateIssuer);
        for (var i = 0; i < e.Members.Count; i++)
        {
            var m = e.Members[i];
            var row = m.Row ?? i;
            var p = $"#Form_Members_{row}__";
            if (m.FamilyName is not null) await TypeIntoAsync(page, p + "FamilyName", m.FamilyName);
            await TypeIntoAsync(page, p + "GivenName", m.GivenName);
            await TypeIntoAsync(page, p + "FamilyNameKana", m.FamilyNameKana);
            await TypeIntoAsync(page, p + "GivenNameKana", m.GivenNameKana);
            // フリガナを本人に確認した: the checkbox right after the フリガナ, toggled with Space.
            await page.Keyboard.PressAsync("Tab");
            var kanaConfirmed = page.Locator($"input[type=checkbox][name='Form.Members[{row}].KanaConfirmed']");
            await Expect(kanaConfirmed).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Space");
            await Expect(kanaConfirmed).ToBeCheckedAsync();
            await TypeIntoAsync(page, p + "BirthDate", m.BirthDate);
            await TypeIntoAsync(page, p + "Gender", m.Gender);
            await TypeIntoAsync(page, p + "Relationship", m.Relationship);
            // 本籍・筆頭者 may not be blank (standard 1.1.6); 不明 is a valid entry (1.1.12).
            await TypeIntoAsync(page, p + "Domicile", m.Domicile);
            await TypeIntoAsync(page, p + "DomicileHead", m.DomicileHead);
        }
    }

    /// <summary>Tabs forward to the field, types the text (replacing a prefilled value, which Tab selects) and checks it.</summary>
    private static async Task TypeIntoAsync(IPage page, string selector, string text)
    {
        var field = page.Locator(selector);
        await TabToAsync(page, field);
        await page.Keyboard.TypeAsync(text);
        await Expect(field).ToHaveValueAsync(text);
    }

    /// <summary>
    /// Presses Tab (or Shift+Tab) until <paramref name="target"/> has the focus, as a clerk without a mouse would;
    /// fails if it cannot be reached that way.
    /// </summary>
    private static async Task TabToAsync(IPage page, ILocator target, bool backwards = false, int maxPresses = 120)
    {
        await Expect(target).ToBeVisibleAsync();
        for (var i = 0; i < maxPresses; i++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement")) return;
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
        }
        Assert.Fail($"{target} was not reached with {maxPresses} presses of {(backwards ? "Shift+Tab" : "Tab")}; focus is on " +
                    await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML?.slice(0, 200) ?? 'nothing'"));
    }

    // ---- 和暦, computed independently of the product (JapaneseCalendar of .NET) ----

    private static readonly CultureInfo JapaneseCulture = CreateJapaneseCulture();

    private static CultureInfo CreateJapaneseCulture()
    {
        var ci = (CultureInfo)CultureInfo.GetCultureInfo("ja-JP").Clone();
        ci.DateTimeFormat.Calendar = new JapaneseCalendar();
        return ci;
    }

    /// <summary>"令和7年11月22日" (year 1 written 元).</summary>
    private static string LongWareki(DateOnly d)
    {
        var era = d.ToDateTime(TimeOnly.MinValue).ToString("gg", JapaneseCulture);
        var year = JapaneseCulture.DateTimeFormat.Calendar.GetYear(d.ToDateTime(TimeOnly.MinValue));
        return string.Create(CultureInfo.InvariantCulture, $"{era}{(year == 1 ? "元" : year.ToString(CultureInfo.InvariantCulture))}年{d.Month}月{d.Day}日");
    }

    /// <summary>"R7.11.22", as clerks abbreviate it.</summary>
    private static string ShortWareki(DateOnly d)
    {
        var era = d.ToDateTime(TimeOnly.MinValue).ToString("gg", JapaneseCulture);
        var letter = era switch { "令和" => "R", "平成" => "H", "昭和" => "S", _ => throw new InvalidOperationException($"unexpected era {era}") };
        var year = JapaneseCulture.DateTimeFormat.Calendar.GetYear(d.ToDateTime(TimeOnly.MinValue));
        return string.Create(CultureInfo.InvariantCulture, $"{letter}{year}.{d.Month}.{d.Day}");
    }
}
