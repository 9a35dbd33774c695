using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Jichitai.Linkage.Consumers;
using Jichitai.Linkage.Persistence;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Demo;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Features.Relocation;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Persistence;
using Jichitai.Registry.Residents;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jichitai.Web.Tests.Linkage;

/// <summary>The pull side over HTTP: consumer API keys, tenant scope, limits, and a snapshot that continues exactly with the delta.</summary>
public class LinkageApiTests
{
    private static async Task<ConsumerCreated> AddConsumerAsync(WebAppFixture app, int tenantId, string name, params string[] items)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantScopeAccessor>().Scope = TenantScope.ForTenant(tenantId);
        return await scope.ServiceProvider.GetRequiredService<ConsumerService>().CreateAsync(tenantId, new ConsumerRequest(name, ConsumerKind.Pull, items, StartAfter: 0), AuditActor.Cli(), default);
    }

    private static HttpClient As(WebAppFixture app, string key)
    {
        var client = StaffClient.Anonymous(app);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task<JsonObject> GetJsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AConsumerKey_ReadsItsTenantsEvents_StrippedToItsGrant_AndNothingElse(DatabaseProvider provider)
    {
        await using var app = await WebAppFixture.CreateAsync(provider, residents: true);
        var (demo, other) = await TenantsAsync(app);
        var tax = await AddConsumerAsync(app, demo, "税務システム", "name", "address");
        var osaka = await AddConsumerAsync(app, other.Id, "大阪市の税務", "name");

        var page = await GetJsonAsync(As(app, tax.ApiKey), "/api/v1/linkage/events?after=0&limit=50");
        var events = page["events"]!.AsArray();
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), events.Select(e => e!["sequence"]!.GetValue<long>()));
        Assert.All(events, e =>
        {
            Assert.Equal(DemoSeeder.TenantCode, e!["tenant"]!.GetValue<string>());
            Assert.True(e["after"]!.AsObject().All(p => p.Key is "name" or "address"), e.ToJsonString());
        });
        Assert.Equal(50, page["next"]!.GetValue<long>());
        Assert.True(page["lastSequence"]!.GetValue<long>() > 300); // the demo town's residents were entered through real 異動

        // Asking after 50 acknowledges 1–50: the cursor (lag on the IT staff's page) follows.
        await GetJsonAsync(As(app, tax.ApiKey), "/api/v1/linkage/events?after=50&limit=1");
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.Equal(50, (await scope.ServiceProvider.GetRequiredService<ConsumerService>().GetAsync(demo, tax.Consumer.Id, default)).Consumer.Cursor);

        // Another tenant's key sees its own (empty) feed, never the demo town's.
        var theirs = await GetJsonAsync(As(app, osaka.ApiKey), "/api/v1/linkage/events");
        Assert.Equal("271004", theirs["tenant"]!.GetValue<string>());
        Assert.Empty(theirs["events"]!.AsArray());

        // Wrong key, no key: 401 in Japanese. A consumer key opens no staff endpoint.
        var wrong = await As(app, "jck_not-a-real-key").GetAsync("/api/v1/linkage/events");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("APIキー", JsonNode.Parse(await wrong.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await StaffClient.Anonymous(app).GetAsync("/api/v1/linkage/events")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await As(app, tax.ApiKey).GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await As(app, tax.ApiKey).GetAsync("/api/v1/registry/residents?kana=ヤマダ")).StatusCode);

        // Bad paging input: a Japanese problem naming the parameter.
        var tooMany = await As(app, tax.ApiKey).GetAsync("/api/v1/linkage/events?limit=5000");
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        var problem = JsonNode.Parse(await tooMany.Content.ReadAsStringAsync())!;
        Assert.Contains("件数", problem["errors"]!["limit"]![0]!.GetValue<string>());

        // Every read is in the access log of the tenant.
        await using var platform = PlatformDatabase.Create(app.Database.Settings.Database, TenantScope.System);
        Assert.True(await platform.AuditEntries.AnyAsync(a => a.ChainId == demo && a.Action == AuditActions.LinkageDelivery && a.ActorName == "linkage:税務システム"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ASnapshot_FollowedByTheEventsAfterItsSequence_EqualsALaterSnapshot(DatabaseProvider provider)
    {
        await using var app = await WebAppFixture.CreateAsync(provider, residents: true);
        var (demo, _) = await TenantsAsync(app);
        var school = await AddConsumerAsync(app, demo, "就学システム", "name", "birthDate", "address", "status", "relationship");
        var client = As(app, school.ApiKey);

        var first = await GetJsonAsync(client, "/api/v1/linkage/snapshot");
        var state = first["records"]!.AsArray().ToDictionary(r => r!["subject"]!.GetValue<string>(), r => r!["items"]!.ToJsonString());
        Assert.Equal(first["count"]!.GetValue<int>(), state.Count);
        Assert.True(state.Count > 300);

        await RelocateAHouseholdAsync(app, demo); // a change after the snapshot

        var delta = await GetJsonAsync(client, $"/api/v1/linkage/events?after={first["sequence"]!.GetValue<long>()}&limit=1000");
        var applied = delta["events"]!.AsArray();
        Assert.NotEmpty(applied);
        foreach (var e in applied) state[e!["addresseeNumber"]!.GetValue<string>()] = e["after"]!.ToJsonString();

        var second = await GetJsonAsync(client, "/api/v1/linkage/snapshot");
        Assert.Equal(delta["lastSequence"]!.GetValue<long>(), second["sequence"]!.GetValue<long>());
        var expected = second["records"]!.AsArray().ToDictionary(r => r!["subject"]!.GetValue<string>(), r => r!["items"]!.ToJsonString());
        Assert.Equal(expected.OrderBy(kv => kv.Key), state.OrderBy(kv => kv.Key));
    }

    private static async Task<(int Demo, Tenant Other)> TenantsAsync(WebAppFixture app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantScopeAccessor>().Scope = TenantScope.System;
        var other = await scope.ServiceProvider.GetRequiredService<TenantService>().CreateAsync(new TenantDraft("271004", "大阪市"), AuditActor.Cli());
        await using var platform = PlatformDatabase.Create(app.Database.Settings.Database, TenantScope.System);
        return ((await platform.Tenants.SingleAsync(t => t.Code == DemoSeeder.TenantCode)).Id, other);
    }

    private static async Task RelocateAHouseholdAsync(WebAppFixture app, int tenantId)
    {
        JsonNode head;
        await using (var db = RegistryDatabase.Create(app.Database.Settings.Database, TenantScope.ForTenant(tenantId)))
        {
            // A household without restrictions (支援措置 would stop the 転居 at this point).
            var restrictedHouseholds = await db.Restrictions.Where(r => r.HouseholdId != null).Select(r => r.HouseholdId!.Value).ToListAsync();
            var restrictedPeople = await db.Restrictions.Where(r => r.ResidentId != null).Select(r => r.ResidentId!.Value).ToListAsync();
            restrictedHouseholds.AddRange(await db.Residents.Where(r => restrictedPeople.Contains(r.Id) && r.HouseholdId != null).Select(r => r.HouseholdId!.Value).ToListAsync());
            var rows = await db.Residents.Where(r => r.Status == ResidentStatus.Resident && r.HouseholdId != null && !restrictedHouseholds.Contains(r.HouseholdId!.Value))
                .OrderBy(r => r.Id).Select(r => r.Record).ToListAsync();
            head = rows.Select(r => JsonNode.Parse(r)!).First(r => r["relationship"]?.GetValue<string>() == "世帯主");
        }
        var address = head["address"]!;
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantScopeAccessor>().Scope = TenantScope.ForTenant(tenantId);
        await scope.ServiceProvider.GetRequiredService<RegistryMovements>().ExecuteAsync(null, AuditActor.Cli(), (s, c) => RelocationHandler.HandleAsync(s, new RelocationRequest
        {
            Header = new MovementHeader { EffectiveOn = new DateOnly(2026, 11, 26), NotifiedOn = new DateOnly(2026, 11, 26) },
            HouseholdNumber = head["householdNumber"]!.GetValue<string>(),
            Address = new AddressInput { PostalCode = address["postalCode"]?.GetValue<string>() ?? "", Town = address["town"]!.GetValue<string>(), BlockNumber = "99番9号", AddressCode = address["addressCode"]?.GetValue<string>() },
        }, c), default);
    }
}
