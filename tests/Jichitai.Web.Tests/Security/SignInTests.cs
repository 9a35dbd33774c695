using System.Net;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Web.Tests.Security;

public class SignInTests
{
    private static async Task<List<AuditEntry>> AuditAsync(WebAppFixture app)
    {
        await using var db = PlatformDatabase.Create(app.Database.Settings.Database, TenantScope.System);
        return await db.AuditEntries.OrderBy(e => e.Id).ToListAsync();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PasswordThenTotp_SignsIn_AndBothStepsAreAudited(DatabaseProvider provider)
    {
        await using var app = await WebAppFixture.CreateAsync(provider);
        var client = await StaffClient.SignedInAsync(app, "demo-madoguchi");
        var home = await client.GetStringAsync("/");
        Assert.Contains("デモ市", home);
        Assert.Contains("窓口", home);
        var log = await AuditAsync(app);
        Assert.Contains(log, e => e.Action == AuditActions.SignInPassword && e.Outcome == AuditOutcome.Success && e.ActorName == "demo-madoguchi");
        Assert.Contains(log, e => e.Action == AuditActions.TotpEnrolled);
        Assert.Contains(log, e => e.Action == AuditActions.SignInTotp && e.Outcome == AuditOutcome.Success);
    }

    [Fact]
    public async Task PasswordAlone_NeverGrantsASession()
    {
        await using var app = await WebAppFixture.CreateAsync(DatabaseProvider.Sqlite);
        var client = StaffClient.Anonymous(app);
        await StaffClient.PostFormAsync(client, "/account/login", new() { ["UserName"] = "demo-joho", ["Password"] = Platform.Demo.DemoSeeder.Password });
        var api = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        var page = await client.GetAsync("/settings");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/login", page.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task WrongPassword_GenericError_AuditedAsFailure()
    {
        await using var app = await WebAppFixture.CreateAsync(DatabaseProvider.Sqlite);
        var client = StaffClient.Anonymous(app);
        var r = await StaffClient.PostFormAsync(client, "/account/login", new() { ["UserName"] = "demo-joho", ["Password"] = "wrong-Password-1!" });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("ユーザーIDまたはパスワードが正しくありません", await r.Content.ReadAsStringAsync());
        Assert.Contains(await AuditAsync(app), e => e.Action == AuditActions.SignInPassword && e.Outcome == AuditOutcome.Failure && e.ChainId != 0);
    }

    [Fact]
    public async Task UnknownUser_AuditedOnTheOperatorChain()
    {
        await using var app = await WebAppFixture.CreateAsync(DatabaseProvider.Sqlite);
        await StaffClient.PostFormAsync(StaffClient.Anonymous(app), "/account/login", new() { ["UserName"] = "nobody", ["Password"] = "x" });
        Assert.Contains(await AuditAsync(app), e => e.Action == AuditActions.SignInPassword && e.Outcome == AuditOutcome.Failure && e.ChainId == 0 && e.TargetId == "nobody");
    }

    [Fact]
    public async Task WrongTotp_Refused()
    {
        await using var app = await WebAppFixture.CreateAsync(DatabaseProvider.Sqlite);
        var client = StaffClient.Anonymous(app);
        await StaffClient.PostFormAsync(client, "/account/login", new() { ["UserName"] = "demo-joho", ["Password"] = Platform.Demo.DemoSeeder.Password });
        var good = await app.TotpCodeAsync("demo-joho");
        var bad = ((int.Parse(good) + 500000) % 1000000).ToString("D6");
        var r = await StaffClient.PostFormAsync(client, "/account/totp", new() { ["Code"] = bad });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("確認コードが正しくありません", await r.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenForTheRightPassword()
    {
        await using var app = await WebAppFixture.CreateAsync(DatabaseProvider.Sqlite);
        var client = StaffClient.Anonymous(app);
        for (var i = 0; i < 5; i++)
            await StaffClient.PostFormAsync(client, "/account/login", new() { ["UserName"] = "demo-kaigo", ["Password"] = "Wrong-password-1!" });
        var r = await StaffClient.PostFormAsync(client, "/account/login", new() { ["UserName"] = "demo-kaigo", ["Password"] = Platform.Demo.DemoSeeder.Password });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("ロック", await r.Content.ReadAsStringAsync());
        Assert.Contains(await AuditAsync(app), e => e.Action == AuditActions.LockedOut);
    }

    [Fact]
    public async Task SessionCookie_IsHttpOnlyStrictAndExpiresBySessionTimeout()
    {
        await using var app = await WebAppFixture.CreateAsync(DatabaseProvider.Sqlite);
        var client = StaffClient.Anonymous(app);
        await StaffClient.PostFormAsync(client, "/account/login", new() { ["UserName"] = "demo-joho", ["Password"] = Platform.Demo.DemoSeeder.Password });
        var page = await client.GetStringAsync("/account/totp");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var r = await client.PostAsync("/account/totp", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = await app.TotpCodeAsync("demo-joho"), ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));
        var cookie = r.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("jichitai.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase); // not persistent: ends with the browser session or the 20-minute sliding ticket
    }
}
