using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Identity;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jichitai.Web.Tests.Api;

public class ApiTests
{
    /// <summary>A second municipality (大阪市) with its own 情報担当 and 監査 accounts.</summary>
    private static async Task<Tenant> SecondTenantAsync(WebAppFixture app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantScopeAccessor>().Scope = TenantScope.System;
        var tenant = await scope.ServiceProvider.GetRequiredService<TenantService>().CreateAsync(new TenantDraft("271004", "大阪市"), AuditActor.Cli());
        var staff = scope.ServiceProvider.GetRequiredService<StaffUserService>();
        await staff.CreateAsync(new StaffUserDraft(tenant.Id, "osaka-joho", "大阪 情報", "Osaka-Passw0rd!x", [StaffRoles.TenantAdmin], IsDemo: true), AuditActor.Cli());
        await staff.CreateAsync(new StaffUserDraft(tenant.Id, "osaka-kansa", "大阪 監査", "Osaka-Passw0rd!x", [StaffRoles.Auditor], IsDemo: true), AuditActor.Cli());
        return tenant;
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CrossTenant_AdminOfAnotherTenant_CannotSeeOrTouchAccounts(DatabaseProvider provider)
    {
        await using var app = await WebAppFixture.CreateAsync(provider);
        await SecondTenantAsync(app);
        var osaka = await StaffClient.SignedInAsync(app, "osaka-joho", "Osaka-Passw0rd!x");

        var users = await osaka.GetFromJsonAsync<JsonElement>("/api/v1/users");
        var names = users.EnumerateArray().Select(u => u.GetProperty("userName").GetString()).ToList();
        Assert.Contains("osaka-joho", names);
        Assert.DoesNotContain("demo-madoguchi", names);

        // Another tenant's account by name: not found (not "forbidden", which would confirm it exists).
        var reset = await osaka.PostAsJsonAsync("/api/v1/users/demo-madoguchi/reset-2fa", new { reason = "x" });
        Assert.Equal(HttpStatusCode.NotFound, reset.StatusCode);

        var settings = await osaka.GetFromJsonAsync<JsonElement>("/api/v1/settings/differences");
        Assert.DoesNotContain(settings.EnumerateArray(), d => d.GetProperty("tenantCode").GetString() == "139998");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CrossTenant_AuditorSeesOnlyTheOwnChain(DatabaseProvider provider)
    {
        await using var app = await WebAppFixture.CreateAsync(provider);
        var osakaTenant = await SecondTenantAsync(app);
        await StaffClient.SignedInAsync(app, "demo-madoguchi"); // activity in デモ市's chain
        var osaka = await StaffClient.SignedInAsync(app, "osaka-kansa", "Osaka-Passw0rd!x");
        var entries = await osaka.GetFromJsonAsync<JsonElement>("/api/v1/audit?staff=demo");
        Assert.Empty(entries.EnumerateArray());
        var own = await osaka.GetFromJsonAsync<JsonElement>("/api/v1/audit?staff=osaka-kansa");
        Assert.NotEmpty(own.EnumerateArray());
        Assert.All(own.EnumerateArray(), e => Assert.StartsWith("osaka", e.GetProperty("staff").GetString()));
        Assert.True(osakaTenant.Id > 0);
    }

    [Fact]
    public async Task WithoutPermission_403ProblemInJapanese_AndAudited()
    {
        await using var app = await WebAppFixture.CreateAsync(DatabaseProvider.Sqlite);
        var counter = await StaffClient.SignedInAsync(app, "demo-madoguchi");
        var r = await counter.GetAsync("/api/v1/users");
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType!.MediaType);
        var problem = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("権限がありません", problem.GetProperty("title").GetString());
        await using var db = PlatformDatabase.Create(app.Database.Settings.Database, TenantScope.System);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AccessDenied && e.ActorName == "demo-madoguchi" && e.TargetId == "GET /api/v1/users"));
    }

    [Fact]
    public async Task OperatorSeesNoTenantPersonalArea_AndTenantStaffCannotManageTenants()
    {
        await using var app = await WebAppFixture.CreateAsync(DatabaseProvider.Sqlite);
        var op = await StaffClient.SignedInAsync(app, "demo-operator");
        Assert.Equal(HttpStatusCode.Forbidden, (await op.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.GetAsync("/api/v1/users")).StatusCode);
        var admin = await StaffClient.SignedInAsync(app, "demo-joho");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/v1/tenants")).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CreateTenant_BadCode_ProblemNamesTheField_AndNothingIsWritten(DatabaseProvider provider)
    {
        await using var app = await WebAppFixture.CreateAsync(provider);
        var op = await StaffClient.SignedInAsync(app, "demo-operator");
        var r = await op.PostAsJsonAsync("/api/v1/tenants", new { code = "131017", name = "千代田区" });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var problem = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("検査数字", problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("code", out _));
        var list = await op.GetFromJsonAsync<JsonElement>("/api/v1/tenants");
        Assert.Single(list.EnumerateArray());

        var ok = await op.PostAsJsonAsync("/api/v1/tenants", new { code = "131016", name = "千代田区", @class = "特別区" });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var created = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("東京都", created.GetProperty("prefecture").GetString());
        Assert.Equal("特別区", created.GetProperty("class").GetString());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Settings_VersionedByEffectiveDate_AndInvalidValuesRefused(DatabaseProvider provider)
    {
        await using var app = await WebAppFixture.CreateAsync(provider);
        var admin = await StaffClient.SignedInAsync(app, "demo-joho");
        var today = Platform.JapanTime.Today(TimeProvider.System);
        var next = today.AddDays(30);

        var future = await admin.PutAsJsonAsync("/api/v1/settings/fees.residentRecordCopy", new { value = "350", effectiveFrom = next, reason = "手数料条例改正" });
        Assert.Equal(HttpStatusCode.OK, future.StatusCode);

        var now = await admin.GetFromJsonAsync<JsonElement>("/api/v1/settings");
        var fee = now.EnumerateArray().Single(s => s.GetProperty("key").GetString() == "fees.residentRecordCopy");
        Assert.Equal("300", fee.GetProperty("value").GetString());
        Assert.Equal("350", fee.GetProperty("scheduledValue").GetString());
        var later = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/settings?on={next:yyyy-MM-dd}");
        Assert.Equal("350", later.EnumerateArray().Single(s => s.GetProperty("key").GetString() == "fees.residentRecordCopy").GetProperty("value").GetString());

        var bad = await admin.PutAsJsonAsync("/api/v1/settings/fees.residentRecordCopy", new { value = "三百", effectiveFrom = today });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("半角数字", problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("value", out _));

        var past = await admin.PutAsJsonAsync("/api/v1/settings/fees.residentRecordCopy", new { value = "100", effectiveFrom = today.AddDays(-1) });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.True((await past.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("effectiveFrom", out _));

        await using var db = PlatformDatabase.Create(app.Database.Settings.Database, TenantScope.System);
        Assert.Equal(1, await db.TenantSettings.CountAsync(s => s.Key == "fees.residentRecordCopy"));
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.SettingChange && e.TargetId == "fees.residentRecordCopy"));
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheApi()
    {
        await using var app = await WebAppFixture.CreateAsync(DatabaseProvider.Sqlite);
        var doc = await StaffClient.Anonymous(app).GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/tenants", paths);
        Assert.Contains("/api/v1/settings/{key}", paths);
        Assert.Contains("/api/v1/audit", paths);
        var docs = await StaffClient.Anonymous(app).GetAsync("/api/docs/v1");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
    }
}
