using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Jichitai.Care.Persistence;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
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

    [Fact]
    public async Task AGoodFile_IsImported_AndListedWithWhoAndHowMany()
    {
        await using var app = await WebAppFixture.CreateAsync(DatabaseProvider.Sqlite);
        await using (var platform = PlatformDatabase.Create(app.Database.Settings.Database, TenantScope.System))
        {
            var tenantId = await platform.Tenants.Where(t => t.Code == "139998").Select(t => t.Id).SingleAsync();
            await using var care = CareDatabase.Create(app.Database.Settings.Database, TenantScope.ForTenant(tenantId));
            care.People.Add(new CarePersonRow { TenantId = tenantId, AddresseeNumber = "900000000001", BirthDate = new DateOnly(1950, 1, 1), Name = "介護 一郎", UpdatedAt = DateTime.UtcNow });
            await care.SaveChangesAsync();
        }
        var officer = await StaffClient.SignedInAsync(app, "demo-kaigo");
        var page = WebUtility.HtmlDecode(await officer.GetStringAsync("/care/imports"));

        var html = await PostAsync(officer, page, "income", Encoding.UTF8.GetBytes("宛名番号,合計所得金額,課税年金収入額,その他の合計所得金額,住民税課税区分,生活保護,老齢福祉年金\r\n900000000001,100000,0,100000,1,0,0\r\n"), "shotoku.csv");

        Assert.Contains("取り込みました(2026年度 所得情報 1件。保険料の更正 0件)。", html);
        Assert.Matches("<td>所得情報</td><td class=\"num\">2026</td>\\s*<td>shotoku.csv</td><td class=\"num\">1</td><td>demo-kaigo</td>", html);
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
