using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jichitai.Platform.Persistence;
using Jichitai.Registry.Domain.Numbering;
using Jichitai.Testing;

namespace Jichitai.Web.Tests.Registry;

/// <summary>
/// The scripted sequence through the JSON API as a counter clerk: 転入 of a family, 出生, 世帯分離, 転居, 死亡,
/// 転出, 取消し; then the current record and the record as of earlier dates. Plus idempotency keys, Japanese problem
/// details that change nothing, and 個人番号 rights.
/// </summary>
public class RegistryApiTests
{
    private static object Person(string given, string givenKana, string birth, string gender, string relationship, string? personalNumber = null) => new
    {
        familyName = "川口", givenName = given, familyNameKana = "カワグチ", givenNameKana = givenKana, birthDate = birth, gender, relationship,
        domicile = "東京都デモ市本町一丁目1番地", domicileHead = "川口一男", personalNumber,
    };

    private static object Header(string effective, string notified) => new { effectiveOn = effective, notifiedOn = notified };

    private static async Task<JsonElement> PostOk(HttpClient client, string path, object body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        var response = await client.SendAsync(request);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {json}");
        return json;
    }

    private static string[] Numbers(JsonElement result, string property) => result.GetProperty(property).EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ScriptedSequence_ThroughTheApi_YieldsCurrentAndEarlierRecords(DatabaseProvider provider)
    {
        await using var app = await WebAppFixture.CreateAsync(provider);
        var clerk = await StaffClient.SignedInAsync(app, "demo-madoguchi");
        var personalNumber = "98765432109" + PersonalNumber.CheckDigit("98765432109");

        var moveIn = await PostOk(clerk, "/api/v1/registry/movements/move-in", new
        {
            header = Header("2026-04-01", "2026-04-03"), kind = "通常",
            address = new { postalCode = "1000011", town = "デモ市本町一丁目", blockNumber = "3番4号" },
            previousAddress = new { text = "神奈川県横浜市中区本町1丁目1番地", certificateIssuer = "横浜市" },
            members = new[]
            {
                Person("一男", "カズオ", "1975-02-03", "男", "世帯主", personalNumber),
                Person("和子", "カズコ", "1977-08-09", "女", "妻"),
                Person("翔", "ショウ", "2005-05-05", "男", "子"),
            },
        }, key: "move-in-1");
        var (kazuo, kazuko, sho) = (Numbers(moveIn, "addresseeNumbers")[0], Numbers(moveIn, "addresseeNumbers")[1], Numbers(moveIn, "addresseeNumbers")[2]);
        var household = Numbers(moveIn, "householdNumbers").Single();

        // The same request with the same key (a retry after a timeout) is applied once.
        var retry = await PostOk(clerk, "/api/v1/registry/movements/move-in", new
        {
            header = Header("2026-04-01", "2026-04-03"), kind = "通常",
            address = new { postalCode = "1000011", town = "デモ市本町一丁目", blockNumber = "3番4号" },
            previousAddress = new { text = "神奈川県横浜市中区本町1丁目1番地", certificateIssuer = "横浜市" },
            members = new[] { Person("一男", "カズオ", "1975-02-03", "男", "世帯主") },
        }, key: "move-in-1");
        Assert.True(retry.GetProperty("replayed").GetBoolean());
        Assert.Equal(moveIn.GetProperty("movementId").GetInt64(), retry.GetProperty("movementId").GetInt64());

        var birth = await PostOk(clerk, "/api/v1/registry/movements/birth", new
        { header = Header("2026-06-01", "2026-06-05"), householdNumber = household, child = Person("陽菜", "ヒナ", "2026-06-01", "女", "子") });
        var hina = Numbers(birth, "addresseeNumbers").Single();
        var split = await PostOk(clerk, "/api/v1/registry/movements/household-split", new
        { header = Header("2026-07-01", "2026-07-02"), householdNumber = household, addresseeNumbers = new[] { sho }, newHousehold = new { newHeadAddresseeNumber = sho } });
        var shoHousehold = Numbers(split, "householdNumbers").Single(h => h != household);
        await PostOk(clerk, "/api/v1/registry/movements/relocation", new
        { header = Header("2026-08-01", "2026-08-10"), householdNumber = household, address = new { postalCode = "100-0012", town = "デモ市緑町二丁目", blockNumber = "8番3号" } });
        await PostOk(clerk, "/api/v1/registry/movements/removal", new
        {
            header = Header("2026-09-15", "2026-09-16"), addresseeNumber = kazuo, kind = "死亡",
            remainingHousehold = new { newHeadAddresseeNumber = kazuko, relationships = new Dictionary<string, string> { [hina] = "子" } },
        });
        var moveOut = await PostOk(clerk, "/api/v1/registry/movements/move-out", new
        { header = Header("2026-11-30", "2026-11-20"), householdNumber = shoHousehold, destination = "大阪府大阪市北区中之島一丁目3番20号" });
        await PostOk(clerk, "/api/v1/registry/movements/cancellation", new { movementId = moveOut.GetProperty("movementId").GetInt64(), reason = "転出の取りやめ" });

        async Task<JsonElement> Record(string number, string? asOf = null) =>
            await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/registry/residents/{number}" + (asOf is null ? "" : $"?asOf={asOf}"));
        var kazukoNow = await Record(kazuko);
        Assert.Equal("世帯主", kazukoNow.GetProperty("record").GetProperty("relationship").GetString());
        Assert.Equal("デモ市緑町二丁目8番3号", kazukoNow.GetProperty("summary").GetProperty("address").GetString());
        Assert.Equal([kazuko, hina], kazukoNow.GetProperty("household").EnumerateArray().Select(m => m.GetProperty("addresseeNumber").GetString()));
        Assert.Equal("除票", (await Record(kazuo)).GetProperty("summary").GetProperty("status").GetString());
        var shoNow = await Record(sho);
        Assert.Equal("住民", shoNow.GetProperty("summary").GetProperty("status").GetString());
        Assert.Equal("デモ市本町一丁目3番4号", shoNow.GetProperty("summary").GetProperty("address").GetString());

        var kazuoInMay = await Record(kazuo, "2026-05-01");
        Assert.Equal("住民", kazuoInMay.GetProperty("summary").GetProperty("status").GetString());
        Assert.Equal([kazuo, kazuko, sho], kazuoInMay.GetProperty("household").EnumerateArray().Select(m => m.GetProperty("addresseeNumber").GetString()));
        Assert.Equal("妻", (await Record(kazuko, "2026-08-31")).GetProperty("record").GetProperty("relationship").GetString());

        // The counter sees the 個人番号 masked; the registry officer sees it and can search by it (in the body, never the URL).
        Assert.NotEqual(personalNumber, kazuoInMay.GetProperty("personalNumber").GetString());
        var officer = await StaffClient.SignedInAsync(app, "demo-juki");
        Assert.Equal(personalNumber, (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/registry/residents/{kazuo}")).GetProperty("personalNumber").GetString());
        var byNumber = await officer.PostAsJsonAsync("/api/v1/registry/residents/search", new { personalNumber, includeRemoved = true });
        Assert.Equal(kazuo, (await byNumber.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("addresseeNumber").GetString());
        var denied = await clerk.PostAsJsonAsync("/api/v1/registry/residents/search", new { personalNumber });
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RuleViolation_ReturnsJapaneseProblemDetailsWithTheField_AndChangesNothing(DatabaseProvider provider)
    {
        await using var app = await WebAppFixture.CreateAsync(provider);
        var clerk = await StaffClient.SignedInAsync(app, "demo-madoguchi");
        var response = await clerk.PostAsJsonAsync("/api/v1/registry/movements/move-in", new
        {
            header = Header("2026-04-10", "2026-04-01"), kind = "通常",
            address = new { postalCode = "12", town = "", blockNumber = "1番" },
            previousAddress = new { text = "横浜市", certificateIssuer = "横浜市" },
            members = new[] { Person("一男", "かずお", "1975-02-03", "男", "長男") },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Contains("7桁", errors.GetProperty("address.postalCode")[0].GetString());
        Assert.Contains("町字", errors.GetProperty("address.town")[0].GetString());
        Assert.Contains("カタカナ", errors.GetProperty("members[0].givenNameKana")[0].GetString());
        Assert.Contains("「子」", errors.GetProperty("members[0].relationship")[0].GetString()); // 長男 is not a 住民票 続柄
        var search = await clerk.GetFromJsonAsync<JsonElement>("/api/v1/registry/residents?kana=カワグチ&includeRemoved=true");
        Assert.Empty(search.EnumerateArray());

        // Date rule, found after the shape is valid: 異動日 after 届出日.
        var dates = await clerk.PostAsJsonAsync("/api/v1/registry/movements/move-in", new
        {
            header = Header("2026-04-10", "2026-04-01"), kind = "通常",
            address = new { postalCode = "100-0011", town = "デモ市本町一丁目", blockNumber = "1番" },
            previousAddress = new { text = "横浜市", certificateIssuer = "横浜市" },
            members = new[] { Person("一男", "カズオ", "1975-02-03", "男", "世帯主") },
        });
        var dateProblem = await dates.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, dates.StatusCode);
        Assert.Contains("届出日", dateProblem.GetProperty("errors").GetProperty("header.effectiveOn")[0].GetString());
        Assert.Empty((await clerk.GetFromJsonAsync<JsonElement>("/api/v1/registry/residents?kana=カワグチ&includeRemoved=true")).EnumerateArray());
    }
}
