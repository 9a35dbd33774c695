using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jichitai.Platform.Persistence;
using Jichitai.Testing;

namespace Jichitai.Web.Tests.Registry;

/// <summary>
/// 個人票・世帯票 pages (standard 1.1.3) with the 統合記載欄 (1.1.14), 事実上の世帯主 (4.1.4.3), 改製 (1.1.4) as an officer's
/// operation, 文字コード照会 (2.2.3) and 入力場所・入力端末 (1.3.1) through HTTP, with the roles each allows.
/// </summary>
public partial class RecordSheetPageTests
{
    private static object Person(string given, string givenKana, string birth, string gender, string relationship) => new
    {
        familyName = "髙木", givenName = given, familyNameKana = "タカギ", givenNameKana = givenKana, birthDate = birth, gender, relationship,
        domicile = "東京都デモ市本町一丁目1番地", domicileHead = "髙木一男",
    };

    private static async Task<(string[] People, string Household)> MoveInAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/v1/registry/movements/move-in", new
        {
            header = new { effectiveOn = "2026-04-01", notifiedOn = "2026-04-03" }, kind = "通常",
            address = new { postalCode = "1000011", town = "デモ市本町一丁目", blockNumber = "5番6号" },
            previousAddress = new { text = "神奈川県横浜市中区本町1丁目1番地", certificateIssuer = "横浜市" },
            members = new[] { Person("一男", "カズオ", "1975-02-03", "男", "世帯主"), Person("和子", "カズコ", "1977-08-09", "女", "妻") },
        });
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return (json.GetProperty("addresseeNumbers").EnumerateArray().Select(e => e.GetString()!).ToArray(), json.GetProperty("householdNumbers")[0].GetString()!);
    }

    /// <summary>Posts a form to a page handler with the antiforgery token of the page.</summary>
    private static async Task<(HttpStatusCode Status, string Html)> PostHandlerAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        var response = await client.PostAsync($"{path}?handler={handler}", new FormUrlEncodedContent(fields));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Counter_SeesAndPrintsTheSheets_WritesTheColumnAndTheDeFactoHead_ButCannotRenew(DatabaseProvider provider)
    {
        await using var app = await WebAppFixture.CreateAsync(provider);
        var clerk = await StaffClient.SignedInAsync(app, "demo-madoguchi");
        var (people, household) = await MoveInAsync(clerk);
        var sheetPath = $"/registry/residents/{people[0]}/sheet";

        var sheet = WebUtility.HtmlDecode(await clerk.GetStringAsync(sheetPath));
        Assert.Contains("住民票(個人票)", sheet);
        Assert.Contains("昭和50年2月3日", sheet);
        Assert.Contains("令和8年4月1日 転入(令和8年4月3日届出)", sheet);
        Assert.Contains("未付番(空欄不可)", sheet); // 住民票コード (1.1.6)
        Assert.Contains("data-print", sheet);
        Assert.DoesNotContain("data-testid=\"renewal-form\"", sheet);

        var empty = await PostHandlerAsync(clerk, sheetPath, "Entry", new() { ["Entry.Type"] = "備考", ["Entry.Category"] = "自由記載", ["Entry.Text"] = "" });
        Assert.Contains("記載内容を入力してください", empty.Html);
        var added = await PostHandlerAsync(clerk, sheetPath, "Entry", new() { ["Entry.Type"] = "備考", ["Entry.Category"] = "自由記載", ["Entry.Text"] = "郵便物は勤務先へ" });
        Assert.Contains("統合記載欄に記入しました", added.Html);
        Assert.Contains("郵便物は勤務先へ", added.Html);
        var renew = await PostHandlerAsync(clerk, sheetPath, "Renewal", new() { ["RenewedOnText"] = "R8.11.1", ["RenewalReason"] = "履歴" });
        Assert.Equal(HttpStatusCode.Found, renew.Status); // refused: the cookie scheme sends the clerk to the access-denied page
        Assert.DoesNotContain("改製による記載", await clerk.GetStringAsync(sheetPath));

        var householdPath = $"/registry/households/{household}/sheet";
        var head = await PostHandlerAsync(clerk, householdPath, "Set", new() { ["Head.Name"] = "Mary Jones", ["Head.Kind"] = "法適用外の外国人", ["FromOnText"] = "R8.5.1" });
        Assert.Contains("事実上の世帯主 Mary Jones を記録しました", head.Html);
        var householdSheet = WebUtility.HtmlDecode(await clerk.GetStringAsync(householdPath));
        Assert.Contains("髙木　一男", householdSheet);
        Assert.Contains("Mary Jones(法適用外の外国人、令和8年5月1日から)", householdSheet);
        Assert.Equal(2, Regex.Matches(householdSheet, "事実上の世帯主 Mary Jones").Count); // 備考 of both members

        var chars = WebUtility.HtmlDecode(await clerk.GetStringAsync("/registry/characters?Text=髙亜"));
        Assert.Contains("FBFC", chars);
        Assert.Contains("JIS第1水準(JIS X 0208)", chars);
        var ofPerson = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/registry/residents/{people[0]}/characters");
        Assert.Equal("氏", ofPerson[0].GetProperty("item").GetString());

        Assert.NotEqual(HttpStatusCode.OK, (await clerk.GetAsync("/registry/input-places")).StatusCode);
        var apiRenewal = await clerk.PostAsJsonAsync("/api/v1/registry/movements/renewal", new { addresseeNumber = people[0], renewedOn = "2026-11-01", reason = "履歴" });
        Assert.Equal(HttpStatusCode.Forbidden, apiRenewal.StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Officer_RenewsWithReadBack_AndTheOriginalStaysViewable_AndManagesInputPlaces(DatabaseProvider provider)
    {
        await using var app = await WebAppFixture.CreateAsync(provider);
        var officer = await StaffClient.SignedInAsync(app, "demo-juki");
        var (people, _) = await MoveInAsync(officer);
        var sheetPath = $"/registry/residents/{people[0]}/sheet";

        var readBack = await PostHandlerAsync(officer, sheetPath, "Renewal", new() { ["RenewedOnText"] = "R8.11.1", ["RenewalReason"] = "法令改正" });
        Assert.Contains("令和8年11月1日 に改製します", readBack.Html);
        var done = await PostHandlerAsync(officer, sheetPath, "Renewal", new() { ["RenewedOnText"] = "R8.11.1", ["RenewalReason"] = "法令改正", ["RenewalConfirmed"] = "true" });
        Assert.Contains("改製しました", done.Html);
        Assert.Contains("令和8年11月1日 改製による記載", done.Html);
        var original = WebUtility.HtmlDecode(await officer.GetStringAsync(sheetPath + "?original=true"));
        Assert.Contains("改製される前の住民票(改製原住民票)", original);
        Assert.Contains("令和8年4月1日 転入", original);

        var api = await officer.PostAsJsonAsync("/api/v1/registry/movements/renewal", new { addresseeNumber = people[1], renewedOn = "2026-11-02", reason = "履歴が多くなったため" });
        Assert.Equal(HttpStatusCode.Created, api.StatusCode);
        var bad = await officer.PostAsJsonAsync("/api/v1/registry/movements/renewal", new { addresseeNumber = people[1], renewedOn = "2026-11-03", reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var location = await officer.PostAsJsonAsync("/api/v1/registry/input-places/locations", new { code = "01", name = "市民課", kind = "本庁" });
        Assert.Equal(HttpStatusCode.Created, location.StatusCode);
        var terminal = await officer.PostAsJsonAsync("/api/v1/registry/input-places/terminals", new { locationCode = "01", name = "窓口1", clientAddress = "10.1.2.3" });
        Assert.Equal(HttpStatusCode.Created, terminal.StatusCode);
        var page = WebUtility.HtmlDecode(await officer.GetStringAsync("/registry/input-places"));
        Assert.Contains("窓口1(10.1.2.3)", page);
        var refused = await officer.PostAsJsonAsync("/api/v1/registry/input-places/terminals", new { locationCode = "01", name = "窓口2", clientAddress = "not-an-ip" });
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("IPアドレス", problem.ToString());
    }
}
