using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Web.Tests.Api;

public class AccountAdministrationTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ResetPassword_LiftsLockout_WeakPasswordRefused(DatabaseProvider provider)
    {
        await using var app = await WebAppFixture.CreateAsync(provider);
        var anon = StaffClient.Anonymous(app);
        for (var i = 0; i < 5; i++)
            await StaffClient.PostFormAsync(anon, "/account/login", new() { ["UserName"] = "demo-juki", ["Password"] = "Wrong-password-1!" });

        var admin = await StaffClient.SignedInAsync(app, "demo-joho");
        var weak = await admin.PostAsJsonAsync("/api/v1/users/demo-juki/reset-password", new { password = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("12文字以上", (await weak.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        var ok = await admin.PostAsJsonAsync("/api/v1/users/demo-juki/reset-password", new { password = "Reset-Passw0rd!x", reason = "ロック解除依頼" });
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        await StaffClient.SignedInAsync(app, "demo-juki", "Reset-Passw0rd!x");

        await using var db = PlatformDatabase.Create(app.Database.Settings.Database, TenantScope.System);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.PasswordReset && e.TargetId == "demo-juki" && e.Reason == "ロック解除依頼"));
    }

    [Fact]
    public async Task AuditCsv_IsUtf8WithBom_JapaneseHeaders_AndTheExportIsLogged()
    {
        await using var app = await WebAppFixture.CreateAsync(DatabaseProvider.Sqlite);
        await StaffClient.SignedInAsync(app, "demo-madoguchi");
        var auditor = await StaffClient.SignedInAsync(app, "demo-kansa");
        var r = await auditor.GetAsync("/audit?handler=Csv&Staff=demo-madoguchi");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("text/csv", r.Content.Headers.ContentType!.MediaType);
        var bytes = await r.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("番号,日時,職員,操作", text);
        Assert.Contains("demo-madoguchi", text);
        Assert.DoesNotContain("demo-kansa,", text);
        await using var db = PlatformDatabase.Create(app.Database.Settings.Database, TenantScope.System);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AuditSearch && e.ActorName == "demo-kansa"));
    }
}
