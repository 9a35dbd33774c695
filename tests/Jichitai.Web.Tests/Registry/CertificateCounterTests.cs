using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jichitai.Platform.Persistence;
using Jichitai.Testing;

namespace Jichitai.Web.Tests.Registry;

/// <summary>
/// 証明書の交付 through HTTP (標準第5章, 2.2.2, 3.4): the counter screens (交付請求 → 確認 → 見本 → 交付, 交付履歴 with 再交付 and
/// 処分, 支援措置の加害者) and the JSON API, with the roles each admits and the refusals under 支援措置.
/// </summary>
public partial class CertificateCounterTests
{
    private static object Person(string given, string givenKana, string birth, string gender, string relationship) => new
    {
        familyName = "証明", givenName = given, familyNameKana = "ショウメイ", givenNameKana = givenKana, birthDate = birth, gender, relationship,
        domicile = "東京都デモ市本町一丁目1番地", domicileHead = "証明一郎",
    };

    private static async Task<(string Head, string Wife, string Household)> MoveInAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/v1/registry/movements/move-in", new
        {
            header = new { effectiveOn = "2026-04-01", notifiedOn = "2026-04-03" }, kind = "通常",
            address = new { postalCode = "1000011", town = "デモ市本町一丁目", blockNumber = "7番8号" },
            previousAddress = new { text = "神奈川県横浜市中区本町1丁目1番地", certificateIssuer = "横浜市" },
            members = new[] { Person("一郎", "イチロウ", "1970-01-02", "男", "世帯主"), Person("花子", "ハナコ", "1972-03-04", "女", "妻") },
        });
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        var numbers = json.GetProperty("addresseeNumbers").EnumerateArray().Select(e => e.GetString()!).ToArray();
        return (numbers[0], numbers[1], json.GetProperty("householdNumbers")[0].GetString()!);
    }

    private static object SelfRequest(string number) => new
    {
        kind = "住民票の写し", layout = "個人票", addresseeNumbers = new[] { number }, items = new[] { "世帯主・続柄" },
        requesterType = "本人等", requesterName = "証明 一郎", requesterRelation = "本人", identityDocument = "運転免許証",
    };

    /// <summary>Posts a form to a page handler (repeated keys allowed) with the page's antiforgery token; returns the decoded HTML.</summary>
    private static async Task<(HttpStatusCode Status, string Html)> PostPageAsync(HttpClient client, string path, string handler, IEnumerable<(string, string)> fields)
    {
        var page = await client.GetStringAsync(path);
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)).Append(new("__RequestVerificationToken", token));
        var separator = path.Contains('?') ? '&' : '?';
        var response = await client.PostAsync($"{path}{separator}handler={handler}", new FormUrlEncodedContent(form));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("data-testid=\"issue-number\">([^<]+)<")]
    private static partial Regex IssueNumberCell();

    [GeneratedRegex("data-testid=\"issue-(\\d+)\"")]
    private static partial Regex HistoryRow();

    /// <summary>A 住民票の写し request as the form posts it; fields in <paramref name="more"/> replace the defaults.</summary>
    private static (string, string)[] PageRequest(string number, string requesterType = "本人等", params (string, string)[] more) =>
    [
        .. new (string, string)[]
        {
            ("Kind", "住民票の写し"), ("Layout", "個人票"), ("Numbers", number), ("Items", "世帯主・続柄"), ("RequesterType", requesterType),
            ("RequesterName", "証明 一郎"), ("RequesterRelation", "本人"), ("IdentityDocument", "運転免許証"),
        }.Where(f => more.All(m => m.Item1 != f.Item1)),
        .. more,
    ];

    [GeneratedRegex("name=\"IssueKey\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex IssueKeyField();

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ResentIssueForm_ReturnsTheSameCertificate_NotASecondOne(DatabaseProvider provider)
    {
        await using var app = await WebAppFixture.CreateAsync(provider);
        var clerk = await StaffClient.SignedInAsync(app, "demo-madoguchi");
        var (head, _, _) = await MoveInAsync(clerk);
        var (_, checkedPage) = await PostPageAsync(clerk, "/registry/certificates", "Check", PageRequest(head));
        var key = IssueKeyField().Match(checkedPage).Groups[1].Value;
        Assert.NotEmpty(key);

        var (_, first) = await PostPageAsync(clerk, "/registry/certificates", "Issue", [.. PageRequest(head), ("IssueKey", key)]);
        var (_, resent) = await PostPageAsync(clerk, "/registry/certificates", "Issue", [.. PageRequest(head), ("IssueKey", key)]); // reload of the result
        var number = IssueNumberCell().Match(first).Groups[1].Value;
        Assert.NotEmpty(number);
        Assert.Equal(number, IssueNumberCell().Match(resent).Groups[1].Value);

        var history = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/registry/certificates?addresseeNumber={head}");
        Assert.Equal(1, history.GetArrayLength());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CounterScreens_CheckPreviewIssue_ThenHistoryWithReissueAndDisposal(DatabaseProvider provider)
    {
        await using var app = await WebAppFixture.CreateAsync(provider);
        var clerk = await StaffClient.SignedInAsync(app, "demo-madoguchi");
        var (head, wife, household) = await MoveInAsync(clerk);

        // Opened from the resident page: the person is prefilled; 住民票コード・個人番号 are offered only once 本人等 is chosen.
        var resident = WebUtility.HtmlDecode(await clerk.GetStringAsync($"/registry/residents/{head}"));
        Assert.Contains($"/registry/certificates?number={head}", resident);
        var form = WebUtility.HtmlDecode(await clerk.GetStringAsync($"/registry/certificates?number={head}"));
        Assert.Contains($"value=\"{head}\"", form);
        Assert.Contains("data-household-layout", form);
        var thirdPartyForm = await PostPageAsync(clerk, "/registry/certificates", "Refresh", PageRequest(head, "第三者"));
        Assert.Contains("disabled=\"disabled\" data-testid=\"item-個人番号\"", thirdPartyForm.Html);
        var selfForm = await PostPageAsync(clerk, "/registry/certificates", "Refresh", [("Kind", "住民票の除票の写し"), ("RequesterType", "本人等")]);
        Assert.Contains("data-testid=\"item-個人番号\"", selfForm.Html);
        Assert.DoesNotContain("disabled=\"disabled\" data-testid=\"item-個人番号\"", selfForm.Html);
        Assert.DoesNotContain("data-household-layout", selfForm.Html); // 除票の写し is 個人票 only (20.1.3)

        // A field left out is named in Japanese next to the field.
        var missing = await PostPageAsync(clerk, "/registry/certificates", "Check", PageRequest(head).Where(f => f.Item1 != "IdentityDocument"));
        Assert.Contains("本人確認に用いた書類", missing.Html);
        Assert.Contains("data-field=\"IdentityDocument\"", missing.Html);
        var nobody = await PostPageAsync(clerk, "/registry/certificates", "Check", PageRequest(""));
        Assert.Contains("data-field=\"Numbers\">対象者の宛名番号", nobody.Html);

        var check = await PostPageAsync(clerk, "/registry/certificates", "Check", PageRequest(head));
        Assert.Equal(HttpStatusCode.OK, check.Status);
        Assert.Contains("交付できます", check.Html);
        Assert.Contains("300 円", check.Html);
        Assert.Contains("data-testid=\"issue\"", check.Html);

        // 世帯連記式: 「世帯員を表示」 lists the members; none ticked is 全部, ticked ones are 一部 — one 通 either way.
        var householdRequest = PageRequest("", more: [("Layout", "世帯連記式"), ("HouseholdNumber", household)]);
        var members = await PostPageAsync(clerk, "/registry/certificates", "Refresh", householdRequest);
        Assert.Contains($"id=\"member_{wife}\"", members.Html);
        var whole = await PostPageAsync(clerk, "/registry/certificates", "Check", householdRequest);
        Assert.Contains("住民票の写し(世帯連記式・全部)", whole.Html);
        Assert.Contains("300 円", whole.Html);
        var part = await PostPageAsync(clerk, "/registry/certificates", "Check", [.. householdRequest, ("Members", wife)]);
        Assert.Contains("住民票の写し(世帯連記式・一部)", part.Html);
        Assert.DoesNotContain($"{head} 証明", Regex.Match(part.Html, "check-subjects.*?</td>", RegexOptions.Singleline).Value);

        var preview = await PostPageAsync(clerk, "/registry/certificates", "Preview", PageRequest(head));
        Assert.Contains("src=\"data:image/png;base64,", preview.Html);
        Assert.Contains("見本 1 / ", preview.Html);

        var issued = await PostPageAsync(clerk, "/registry/certificates", "Issue", PageRequest(head));
        Assert.Contains("交付しました", issued.Html);
        Assert.Contains("href=\"data:application/pdf;base64,JVBER", issued.Html); // %PDF
        var issueNumber = IssueNumberCell().Match(issued.Html).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(issueNumber));

        // 交付履歴: nothing typed names the criteria; by 宛名番号 the issue is listed with the 1.3.8 items.
        var empty = WebUtility.HtmlDecode(await clerk.GetStringAsync("/registry/certificates/history?search=1"));
        Assert.Contains("いずれかを指定してください", empty);
        var historyPath = $"/registry/certificates/history?AddresseeNumber={head}";
        var history = WebUtility.HtmlDecode(await clerk.GetStringAsync(historyPath));
        Assert.Contains("1 件", history);
        Assert.Contains(issueNumber, history);
        Assert.Contains("窓口 花子", history);
        Assert.Contains("世帯主・続柄", history);
        var id = HistoryRow().Match(history).Groups[1].Value;

        var noReason = await PostPageAsync(clerk, historyPath, $"Reissue&issueId={id}", [("ActionReason", "")]);
        Assert.Contains("再交付の理由", noReason.Html);
        Assert.Contains("data-testid=\"row-error\"", noReason.Html);
        var reissued = await PostPageAsync(clerk, historyPath, $"Reissue&issueId={id}", [("ActionReason", "紛失")]);
        Assert.Contains("再交付しました", reissued.Html);
        Assert.Contains("href=\"data:application/pdf;base64,JVBER", reissued.Html);
        Assert.Contains("2 件", reissued.Html);
        Assert.Contains($"交付番号 {id}", reissued.Html); // 再交付元

        var disposed = await PostPageAsync(clerk, historyPath, $"Dispose&issueId={id}", [("ActionReason", "記載誤りのため回収")]);
        Assert.Contains("処分済みとして記録しました", disposed.Html);
        Assert.Contains("記載誤りのため回収", disposed.Html);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Api_IssuesThePdf_OrJson_AndRefusesAThirdPartyAndAnOffender_UnderSupportMeasure(DatabaseProvider provider)
    {
        await using var app = await WebAppFixture.CreateAsync(provider);
        var clerk = await StaffClient.SignedInAsync(app, "demo-madoguchi");
        var officer = await StaffClient.SignedInAsync(app, "demo-juki");
        var (head, wife, _) = await MoveInAsync(clerk);

        var check = await clerk.PostAsJsonAsync("/api/v1/registry/certificates/check", SelfRequest(head));
        var checkJson = await check.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(check.IsSuccessStatusCode, checkJson.ToString());
        Assert.True(checkJson.GetProperty("allowed").GetBoolean());
        Assert.Equal(300, checkJson.GetProperty("fee").GetInt32());

        var pdf = await clerk.PostAsJsonAsync("/api/v1/registry/certificates/", SelfRequest(head));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var issueNumber = Uri.UnescapeDataString(pdf.Headers.GetValues("X-Issue-Number").Single());
        Assert.Contains("デモ市", issueNumber);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));

        using var asJson = new HttpRequestMessage(HttpMethod.Post, "/api/v1/registry/certificates/") { Content = JsonContent.Create(SelfRequest(head)) };
        asJson.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var json = await clerk.SendAsync(asJson);
        Assert.Equal(HttpStatusCode.Created, json.StatusCode);
        var body = await json.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(Convert.FromBase64String(body.GetProperty("pdfBase64").GetString()!)[..4]));
        Assert.NotEqual(issueNumber, body.GetProperty("certificate").GetProperty("issueNumber").GetString());

        var history = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/registry/certificates/?addresseeNumber={head}");
        Assert.Equal(2, history.GetArrayLength());

        // 支援措置 on the wife: a third party is refused (403, Japanese problem), and so is her registered 加害者 even as 本人等.
        var measure = await officer.PostAsJsonAsync("/api/v1/registry/restrictions/", new
        {
            kind = "支援措置", addresseeNumber = wife, movement = "アラート", issuance = "アラート", inquiry = "アラート", startOn = "2026-05-01", reason = "DV等支援措置申出書",
        });
        var measureJson = await measure.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(measure.IsSuccessStatusCode, measureJson.ToString());
        var measureId = measureJson.GetProperty("id").GetInt64();
        var thirdParty = await clerk.PostAsJsonAsync("/api/v1/registry/certificates/", new
        {
            kind = "住民票の写し", addresseeNumbers = new[] { wife }, requesterType = "第三者", requesterName = "債権 回収", requesterAddress = "東京都港区1番",
            identityDocument = "運転免許証", purpose = "債権回収のため", acknowledgeAlerts = true,
        });
        Assert.Equal(HttpStatusCode.Forbidden, thirdParty.StatusCode);
        Assert.Contains("第三者からの請求には応じられません", (await thirdParty.Content.ReadFromJsonAsync<JsonElement>()).ToString());

        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync($"/api/v1/registry/restrictions/{measureId}/offenders/", new { name = "証明 一郎" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync($"/api/v1/registry/restrictions/{measureId}/offenders/", new { name = "証明 一郎" })).StatusCode);
        var offender = await clerk.PostAsJsonAsync("/api/v1/registry/certificates/check", SelfRequest(wife) as object);
        var offenderJson = await offender.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(offenderJson.GetProperty("allowed").GetBoolean());
        Assert.Equal("Offender", offenderJson.GetProperty("stop").GetString());

        // The counter screen shows the same refusal in an alert box before anything can be printed.
        var page = await PostPageAsync(clerk, "/registry/certificates", "Check", PageRequest(wife, "第三者",
            ("RequesterName", "債権 回収"), ("RequesterAddress", "東京都港区1番"), ("Purpose", "債権回収のため")).Where(f => f.Item1 != "Items"));
        Assert.True(page.Html.Contains("role=\"alert\" data-testid=\"stop\" data-stop=\"ThirdPartyUnderSupportMeasure\""), Regex.Match(page.Html, "(data-testid=\"errors\".*?</div>)|(check-result.*?</section>)", RegexOptions.Singleline).Value);
        Assert.DoesNotContain("data-testid=\"issue\"", page.Html);

        // The officers' page lists the measure and its 加害者.
        var offenders = WebUtility.HtmlDecode(await officer.GetStringAsync($"/registry/support-measures?id={measureId}"));
        Assert.Contains("証明 一郎", offenders);
        var added = await PostPageAsync(officer, $"/registry/support-measures?id={measureId}", "Add", [("Name", ""), ("BirthDate", "S45.1.2")]);
        Assert.Contains("加害者の氏名を入力してください", added.Html);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MoveOutReceipt_LeadsToTheMoveOutCertificate_AndOfficialRequestUnderSupportMeasureNeedsAnOfficersException(DatabaseProvider provider)
    {
        await using var app = await WebAppFixture.CreateAsync(provider);
        var clerk = await StaffClient.SignedInAsync(app, "demo-madoguchi");
        var officer = await StaffClient.SignedInAsync(app, "demo-juki");
        var (head, wife, household) = await MoveInAsync(clerk);

        // 公用 about a person under 支援措置: the clerk is told an officer is needed; the officer records the reason and issues.
        var measure = await officer.PostAsJsonAsync("/api/v1/registry/restrictions/", new
        {
            kind = "支援措置", addresseeNumber = wife, movement = "アラート", issuance = "アラート", inquiry = "アラート", startOn = "2026-05-01", reason = "DV等支援措置申出書",
        });
        Assert.True(measure.IsSuccessStatusCode, await measure.Content.ReadAsStringAsync());
        var official = PageRequest(wife, "公用", ("RequesterName", "税務 担当"), ("Agency", "デモ市税務課"), ("Purpose", "地方税法20条の11による調査"),
            ("IdentityDocument", "職員証")).Where(f => f.Item1 != "Items").ToArray();
        var byClerk = await PostPageAsync(clerk, "/registry/certificates", "Check", official);
        Assert.Contains("data-stop=\"OfficialNeedsException\"", byClerk.Html);
        Assert.Contains("data-testid=\"officer-needed\"", byClerk.Html);
        Assert.DoesNotContain("id=\"ExceptionReason\"", byClerk.Html);
        var byOfficer = await PostPageAsync(officer, "/registry/certificates", "Check", official);
        Assert.Contains("id=\"ExceptionReason\"", byOfficer.Html);
        var allowed = await PostPageAsync(officer, "/registry/certificates", "Check", [.. official, ("ExceptionReason", "法令に基づく税務調査のため"), ("AcknowledgeAlerts", "true")]);
        Assert.Contains("data-testid=\"allowed\"", allowed.Html);
        Assert.Contains("value=\"法令に基づく税務調査のため\"", allowed.Html); // posted again with 交付
        var unacknowledged = await PostPageAsync(officer, "/registry/certificates", "Issue", [.. official, ("ExceptionReason", "法令に基づく税務調査のため")]);
        Assert.Contains("data-field=\"AcknowledgeAlerts\"", unacknowledged.Html);
        Assert.DoesNotContain("data-testid=\"issued\"", unacknowledged.Html);
        var issued = await PostPageAsync(officer, "/registry/certificates", "Issue",
            [.. official, ("ExceptionReason", "法令に基づく税務調査のため"), ("AcknowledgeAlerts", "true")]);
        Assert.Contains("交付しました", issued.Html);
        Assert.Contains("data-testid=\"issued-fee\">0 円", issued.Html); // 公用 is free
        var history = WebUtility.HtmlDecode(await officer.GetStringAsync($"/registry/certificates/history?AddresseeNumber={wife}"));
        Assert.Contains("法令に基づく税務調査のため", history);

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"))).ToString("yyyy-MM-dd");

        // 住民票コードの記載: the receipt offers the 住民票コード通知票 for the person (標準4.3.3).
        var code = await PostPageAsync(clerk, "/registry/resident-code", "Commit", [("IdempotencyKey", Guid.NewGuid().ToString("N")), ("AddresseeNumber", head),
            ("Kind", Jichitai.Registry.Features.ResidentCodeChange.ResidentCodeChangeHandler.Kinds[0]), ("EffectiveOn", today), ("NotifiedOn", today), ("Number", "12345678901")]);
        var noticeLink = Regex.Match(code.Html, "href=\"(/registry/certificates\\?kind=住民票コード通知票[^\"]*)\"").Groups[1].Value;
        Assert.True(noticeLink.Contains($"number={head}"), Regex.Match(code.Html, "<main.*</main>", RegexOptions.Singleline).Value);
        Assert.Contains("<option value=\"住民票コード通知票\" selected=\"selected\">", WebUtility.HtmlDecode(await clerk.GetStringAsync(noticeLink)));
        var notice = await PostPageAsync(clerk, "/registry/certificates", "Issue", PageRequest(head, more: [("Kind", "住民票コード通知票"), ("Items", "")]));
        Assert.True(notice.Html.Contains("交付しました(住民票コード通知票)"), Regex.Match(notice.Html, "data-testid=\"errors\".*?</div>", RegexOptions.Singleline).Value);

        // 転出 through the counter page: the receipt offers the 転出証明書 for the people who moved (標準4.1.3.0.3).
        var moveOut = await PostPageAsync(clerk, "/registry/move-out", "Commit", [("IdempotencyKey", Guid.NewGuid().ToString("N")), ("HouseholdNumber", household),
            ("Destination", "大阪府大阪市北区梅田1丁目1番"), ("EffectiveOn", today), ("NotifiedOn", today)]);
        var link = Regex.Match(moveOut.Html, "href=\"(/registry/certificates\\?kind=転出証明書[^\"]*)\"[^>]*>転出証明書を交付").Groups[1].Value;
        Assert.Contains($"number={head}", link);
        Assert.Contains($"number={wife}", link);
        var form = WebUtility.HtmlDecode(await clerk.GetStringAsync(link));
        Assert.Contains("<option value=\"転出証明書\" selected=\"selected\">", form);
        Assert.Contains($"value=\"{head} {wife}\"", form);
        var certificate = await PostPageAsync(clerk, "/registry/certificates", "Issue", PageRequest($"{head} {wife}", more: [("Kind", "転出証明書"), ("Items", ""), ("AcknowledgeAlerts", "true")])); // the wife's measure became 仮支援措置 on 転出
        Assert.True(certificate.Html.Contains("交付しました(転出証明書)"), Regex.Match(certificate.Html, "data-testid=\"errors\".*?</div>", RegexOptions.Singleline).Value);
    }

    [Theory]
    [InlineData("demo-madoguchi", true, false)]
    [InlineData("demo-juki", true, true)]
    [InlineData("demo-kaigo", false, false)]
    [InlineData("demo-joho", false, false)]
    public async Task Pages_AdmitTheCounterAndOfficers_OffendersOnlyOfficers(string user, bool certificates, bool offenders)
    {
        await using var app = await WebAppFixture.CreateAsync(DatabaseProvider.Sqlite);
        var client = await StaffClient.SignedInAsync(app, user);
        foreach (var (path, allowed) in new[] { ("/registry/certificates", certificates), ("/registry/certificates/history", certificates), ("/registry/support-measures", offenders) })
        {
            var response = await client.GetAsync(path);
            if (allowed) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            else Assert.Contains("/account/denied", response.Headers.Location?.OriginalString ?? "", StringComparison.OrdinalIgnoreCase);
        }
        var api = await client.GetAsync("/api/v1/registry/certificates/?issueNumber=1");
        Assert.Equal(certificates ? HttpStatusCode.OK : HttpStatusCode.Forbidden, api.StatusCode);
    }
}
