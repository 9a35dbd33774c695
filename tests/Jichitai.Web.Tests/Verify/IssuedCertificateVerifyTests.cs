using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Jichitai.Platform.Persistence;
using Jichitai.Testing;

namespace Jichitai.Web.Tests.Verify;

/// <summary>A certificate issued through the registry API answers at the public verification endpoint, and stops matching once altered.</summary>
public class IssuedCertificateVerifyTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task IssuedCertificate_IsVerifiable_AndATamperedCopyIsReportedAsAMismatch(DatabaseProvider provider)
    {
        await using var app = await WebAppFixture.CreateAsync(provider);
        var clerk = await StaffClient.SignedInAsync(app, "demo-madoguchi");
        var moveIn = await clerk.PostAsJsonAsync("/api/v1/registry/movements/move-in", new
        {
            header = new { effectiveOn = "2026-10-01", notifiedOn = "2026-10-02" }, kind = "通常",
            address = new { postalCode = "1000011", town = "デモ市本町一丁目", blockNumber = "8番8号" },
            previousAddress = new { text = "埼玉県さいたま市浦和区高砂3丁目1番1号", certificateIssuer = "さいたま市" },
            members = new[]
            {
                new { familyName = "照合", givenName = "一郎", familyNameKana = "ショウゴウ", givenNameKana = "イチロウ", birthDate = "1970-01-02", gender = "男",
                      relationship = "世帯主", domicile = "東京都デモ市本町一丁目1番地", domicileHead = "照合一郎" },
            },
        });
        Assert.True(moveIn.IsSuccessStatusCode, await moveIn.Content.ReadAsStringAsync());
        var number = (await moveIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("addresseeNumbers")[0].GetString();

        var response = await clerk.PostAsJsonAsync("/api/v1/registry/certificates", new
        {
            kind = "住民票の写し", addresseeNumbers = new[] { number }, requesterType = "本人等", requesterName = "照合 一郎",
            requesterRelation = "本人", identityDocument = "運転免許証",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var code = response.Headers.GetValues("X-Verification-Code").Single();

        var anonymous = app.CreateClient();
        var answer = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/verify/{code}");
        Assert.Equal("住民票の写し", answer.GetProperty("kind").GetString());
        Assert.DoesNotContain("照合 一郎", answer.ToString()); // no personal data in the public answer
        Assert.True((await PostPdfAsync(anonymous, code, pdf)).GetProperty("matches").GetBoolean());

        var tampered = pdf.ToArray();
        tampered[tampered.Length / 3] ^= 0x20;
        var mismatch = await PostPdfAsync(anonymous, code, tampered);
        Assert.False(mismatch.GetProperty("matches").GetBoolean());
        Assert.Contains("一致しません", mismatch.GetProperty("message").GetString());
    }

    private static async Task<JsonElement> PostPdfAsync(HttpClient client, string code, byte[] pdf)
    {
        using var content = new ByteArrayContent(pdf);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var response = await client.PostAsync($"/api/v1/verify/{code}", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
