using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jichitai.Platform.Persistence;
using Jichitai.Testing;

namespace Jichitai.Web.Tests.Settings;

/// <summary>電子公印 (標準1.3.7, 5.6): the tenant's IT staff upload the seal as a PNG file on the settings page.</summary>
public partial class SealUploadTests
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [Fact]
    public async Task SealPng_IsStoredFromAnUploadedFile_AndANonPngIsRefusedInJapanese()
    {
        await using var app = await WebAppFixture.CreateAsync(DatabaseProvider.Sqlite);
        var admin = await StaffClient.SignedInAsync(app, "demo-joho");
        var today = Platform.JapanTime.Today(TimeProvider.System).ToString("yyyy-MM-dd");
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

        var ok = await PostAsync(admin, today, png, "seal.png");
        Assert.Contains("PNG画像", ok);
        var settings = await admin.GetFromJsonAsync<JsonElement>("/api/v1/settings");
        var seal = settings.EnumerateArray().Single(s => s.GetProperty("key").GetString() == "municipality.sealImage");
        Assert.Equal(Convert.ToBase64String(png), seal.GetProperty("value").GetString());

        var refused = await PostAsync(admin, today, "GIF89a"u8.ToArray(), "seal.gif");
        Assert.Contains("PNG画像を指定してください", refused);
    }

    private static async Task<string> PostAsync(HttpClient client, string effectiveFrom, byte[] file, string fileName)
    {
        var page = await client.GetStringAsync("/settings");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent("municipality.sealImage"), "Key" },
            { new StringContent(""), "Value" },
            { new StringContent(effectiveFrom), "EffectiveFrom" },
            { new StringContent("公印の更新"), "Reason" },
        };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(content, "ImageFile", fileName);
        var response = await client.PostAsync("/settings", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
