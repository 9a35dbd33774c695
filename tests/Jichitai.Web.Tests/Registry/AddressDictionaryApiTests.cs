using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jichitai.Platform.Persistence;
using Jichitai.Testing;

namespace Jichitai.Web.Tests.Registry;

/// <summary>住所辞書 through the JSON API (standard 1.3.3, 1.3.4): officers maintain it, the counter looks up, 異動 obey it.</summary>
public class AddressDictionaryApiTests
{
    private static object Sakae(string code = "13999008001") => new
    {
        code, postalCode = "100-0020", prefecture = "東京都", prefectureKana = "トウキョウト", municipality = "デモ市", municipalityKana = "デモシ",
        town = "栄町一丁目", townKana = "サカエチョウ1チョウメ", scheme = "住居表示", validFrom = "2000-04-01",
    };

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OfficerMaintains_CounterLooksUp_AndAMoveInUsesOnlyActiveEntries(DatabaseProvider provider)
    {
        await using var app = await WebAppFixture.CreateAsync(provider);
        var officer = await StaffClient.SignedInAsync(app, "demo-juki");
        var clerk = await StaffClient.SignedInAsync(app, "demo-madoguchi");

        var created = await officer.PostAsJsonAsync("/api/v1/registry/addresses", Sakae());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var building = await officer.PostAsJsonAsync($"/api/v1/registry/addresses/{id}/buildings", new { blockNumber = "7番8号", name = "栄荘", validFrom = "2010-01-01" });
        Assert.Equal(HttpStatusCode.Created, building.StatusCode);

        // The counter may look up but not change the dictionary.
        var forbidden = await clerk.PostAsJsonAsync("/api/v1/registry/addresses", Sakae("13999008002"));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var found = (await clerk.GetFromJsonAsync<JsonElement>("/api/v1/registry/addresses?q=" + Uri.EscapeDataString("デ サカ"))).EnumerateArray().Single();
        Assert.Equal(("13999008001", "デモ市栄町一丁目", "100-0020"), (found.GetProperty("code").GetString(), found.GetProperty("addressText").GetString(), found.GetProperty("postalCode").GetString()));
        Assert.Equal("栄荘", found.GetProperty("buildings")[0].GetProperty("name").GetString());

        // Bad input: Japanese problem details naming each field.
        var invalid = await officer.PostAsJsonAsync("/api/v1/registry/addresses", new { code = "139990080", townKana = "さかえ" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("11桁", errors.GetProperty("code")[0].GetString());
        Assert.Contains("カタカナ", errors.GetProperty("townKana")[0].GetString());
        Assert.Contains("施行日", errors.GetProperty("validFrom")[0].GetString());

        var abolished = await officer.PostAsJsonAsync($"/api/v1/registry/addresses/{id}/abolish", new { on = "2026-10-01" });
        Assert.Equal(HttpStatusCode.OK, abolished.StatusCode);
        Assert.Empty((await clerk.GetFromJsonAsync<JsonElement>("/api/v1/registry/addresses?q=13999008")).EnumerateArray());

        object MoveIn(string effectiveOn) => new
        {
            header = new { effectiveOn, notifiedOn = effectiveOn }, kind = "通常",
            address = new { addressCode = "13999008001", blockNumber = "7番8号", building = "栄荘203" },
            previousAddress = new { text = "神奈川県横浜市中区本町1丁目1番地", certificateIssuer = "横浜市" },
            members = new[] { new { familyName = "栄", givenName = "一", familyNameKana = "サカエ", givenNameKana = "ハジメ", birthDate = "1990-01-01", gender = "男", relationship = "世帯主", domicile = "不明", domicileHead = "不明" } },
        };
        var refused = await clerk.PostAsJsonAsync("/api/v1/registry/movements/move-in", MoveIn("2026-10-01"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("廃止", problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("address.addressCode", out _));
        Assert.Empty((await clerk.GetFromJsonAsync<JsonElement>("/api/v1/registry/residents?kana=サカエ")).EnumerateArray());

        var accepted = await clerk.PostAsJsonAsync("/api/v1/registry/movements/move-in", MoveIn("2026-09-30"));
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var number = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("addresseeNumbers")[0].GetString();
        var address = (await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/registry/residents/{number}")).GetProperty("record").GetProperty("address");
        Assert.Equal(("13999008001", "デモ市栄町一丁目", "100-0020"), (address.GetProperty("addressCode").GetString(), address.GetProperty("town").GetString(), address.GetProperty("postalCode").GetString()));
    }
}
