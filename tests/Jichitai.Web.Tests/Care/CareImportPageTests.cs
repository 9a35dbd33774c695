using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Jichitai.Platform.Persistence;
using Jichitai.Testing;

namespace Jichitai.Web.Tests.Care;

/// <summary>所得情報・年金情報の取込 page (/care/imports) for the 介護担当.</summary>
public partial class CareImportPageTests
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [Fact]
    public async Task AFileWithErrors_IsRefused_WithItsErrorTable_AndNothingIsListedAsImported()
    {
        await using var app = await WebAppFixture.CreateAsync(DatabaseProvider.Sqlite);
        var officer = await StaffClient.SignedInAsync(app, "demo-kaigo");
        var page = WebUtility.HtmlDecode(await officer.GetStringAsync("/care/imports"));
        Assert.Contains("所得情報・年金情報の取込", page);
        Assert.Contains("まだ取込はありません", page);

        var html = await PostAsync(officer, page, "pension", Encoding.UTF8.GetBytes("宛名番号,年金保険者コード,年金額\r\n1,12,100000\r\n"), "nenkin.csv");

        Assert.Contains("取り込めませんでした。何も登録していません(1行中 エラー1件)。", html);
        Assert.Contains("<td>年金保険者コード</td><td>年金保険者コードは3桁の半角数字で入力してください(「12」)</td>", html);
        Assert.Contains("data-testid=\"error-report\"", html);
        Assert.Contains("まだ取込はありません", html);
    }

    private static async Task<string> PostAsync(HttpClient client, string page, string kind, byte[] file, string fileName)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent(kind), "Kind" },
            { new StringContent("2026"), "FiscalYear" },
            { new StringContent("utf-8"), "Encoding" },
            { new StringContent("false"), "DryRun" },
        };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "Upload", fileName);
        var response = await client.PostAsync("/care/imports", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
