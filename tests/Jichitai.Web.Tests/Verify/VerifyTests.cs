using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Jichitai.Platform.Authenticity;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jichitai.Web.Tests.Verify;

/// <summary>真正性確認 over HTTP, anonymous, on both providers (PostgreSQL answers through RLS with no tenant set).</summary>
public class VerifyTests
{
    private static readonly byte[] IssuedPdf = "%PDF-1.4\n住民票の写し(テスト用のバイト列)\n%%EOF"u8.ToArray();

    private static async Task<string> IssueAsync(WebAppFixture app, byte[] pdf)
    {
        int tenantId;
        await using (var lookup = app.Services.CreateAsyncScope())
            tenantId = await lookup.ServiceProvider.GetRequiredService<PlatformDbContext>().Tenants.Where(t => t.Code == "139998").Select(t => t.Id).SingleAsync();
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantScopeAccessor>().Scope = TenantScope.ForTenant(tenantId);
        var code = DocumentAuthenticity.NewCode();
        await scope.ServiceProvider.GetRequiredService<DocumentAuthenticity>().RegisterAsync(code, "registry.residence-certificate", "住民票の写し", pdf);
        return code;
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task IssuedCode_IsAnsweredAnonymously_WithoutPersonalData(DatabaseProvider provider)
    {
        await using var app = await WebAppFixture.CreateAsync(provider);
        var code = await IssueAsync(app, IssuedPdf);
        var client = app.CreateClient();

        var typed = VerificationCode.Format(code).ToLowerInvariant(); // as a person might type it
        var answer = await client.GetFromJsonAsync<JsonElement>($"/api/v1/verify/{typed}");

        Assert.True(answer.GetProperty("issued").GetBoolean());
        Assert.Equal("住民票の写し", answer.GetProperty("title").GetString());
        Assert.Equal("139998", answer.GetProperty("municipalityCode").GetString());
        Assert.Equal(DocumentAuthenticity.HashOf(IssuedPdf), answer.GetProperty("sha256").GetString());
        Assert.Equal(VerificationCode.Format(code), answer.GetProperty("code").GetString());
        var page = await client.GetStringAsync($"/verify?code={code}");
        Assert.Contains("交付の記録があります", page);
        Assert.Contains("住民票の写し", page);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UploadedPdf_MatchesOnlyWhenUnchanged(DatabaseProvider provider)
    {
        await using var app = await WebAppFixture.CreateAsync(provider);
        var code = await IssueAsync(app, IssuedPdf);
        var client = app.CreateClient();
        var altered = IssuedPdf.ToArray();
        altered[20] ^= 0x01;

        var same = await PostPdfAsync(client, code, IssuedPdf);
        var changed = await PostPdfAsync(client, code, altered);

        Assert.True(same.GetProperty("matches").GetBoolean());
        Assert.False(changed.GetProperty("matches").GetBoolean());
        Assert.Contains("一致しません", changed.GetProperty("message").GetString());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UnknownCode_IsNotFound_InJapanese(DatabaseProvider provider)
    {
        await using var app = await WebAppFixture.CreateAsync(provider);
        var client = app.CreateClient();
        var unknown = DocumentAuthenticity.NewCode();

        var response = await client.GetAsync($"/api/v1/verify/{unknown}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("見つかりません", problem.GetProperty("title").GetString());
        Assert.Contains("見つかりません", problem.GetProperty("detail").GetString());
        var page = await client.GetAsync($"/verify?code={unknown}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("見つかりません", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MistypedCode_IsRefusedByItsCheckCharacter()
    {
        await using var app = await WebAppFixture.CreateAsync(DatabaseProvider.Sqlite);
        var code = await IssueAsync(app, IssuedPdf);
        var typo = code[..3] + (code[3] == 'A' ? 'B' : 'A') + code[4..];

        var response = await app.CreateClient().GetAsync($"/api/v1/verify/{typo}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("照合番号", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ManyQueries_AreRateLimited_WithAJapaneseProblem()
    {
        await using var app = await WebAppFixture.CreateAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();
        var code = DocumentAuthenticity.NewCode();

        HttpResponseMessage? refused = null;
        for (var i = 0; i < 100 && refused is null; i++)
        {
            var response = await client.GetAsync($"/api/v1/verify/{code}");
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused = response;
        }

        Assert.NotNull(refused);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("照会が多すぎます", problem.GetProperty("title").GetString());
        Assert.Equal("verify.rate_limited", problem.GetProperty("code").GetString());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task IssuedRecords_StayIsolatedPerTenant_ForStaffQueries(DatabaseProvider provider)
    {
        await using var app = await WebAppFixture.CreateAsync(provider);
        await IssueAsync(app, IssuedPdf);
        await using var scope = app.Services.CreateAsyncScope();
        var accessor = scope.ServiceProvider.GetRequiredService<ITenantScopeAccessor>();
        accessor.Scope = TenantScope.ForTenant(int.MaxValue - 1); // a tenant with no documents
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        Assert.Empty(await db.IssuedDocuments.ToListAsync());
        // Row-level security is the second, independent layer: without the EF filter PostgreSQL still shows nothing.
        if (provider == DatabaseProvider.PostgreSql) Assert.Empty(await db.IssuedDocuments.IgnoreQueryFilters().ToListAsync());
    }

    private static async Task<JsonElement> PostPdfAsync(HttpClient client, string code, byte[] pdf)
    {
        var content = new ByteArrayContent(pdf);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var response = await client.PostAsync($"/api/v1/verify/{code}", content);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
