using System.Net;
using Jichitai.Linkage.Consumers;
using Jichitai.Linkage.Persistence;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Demo;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jichitai.Web.Tests.Linkage;

/// <summary>The 連携 pages over HTTP: a dead-lettered consumer stands out with its failures; another tenant's consumer is not found.</summary>
public class LinkagePageTests
{
    private static async Task<long> AddConsumerAsync(WebAppFixture app, int tenantId, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantScopeAccessor>().Scope = TenantScope.ForTenant(tenantId);
        var created = await scope.ServiceProvider.GetRequiredService<ConsumerService>()
            .CreateAsync(tenantId, new ConsumerRequest(name, ConsumerKind.Pull, ["name", "address"], MaxAttempts: 3), AuditActor.Cli(), default);
        return created.Consumer.Id;
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ADeadLetteredConsumer_IsHighlighted_WithItsFailures_AndAnotherTenantsConsumer_IsNotFound(DatabaseProvider provider)
    {
        await using var app = await WebAppFixture.CreateAsync(provider);
        int demoId;
        Tenant other;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<ITenantScopeAccessor>().Scope = TenantScope.System;
            other = await scope.ServiceProvider.GetRequiredService<TenantService>().CreateAsync(new TenantDraft("271004", "大阪市"), AuditActor.Cli());
            await using var platform = PlatformDatabase.Create(app.Database.Settings.Database, TenantScope.System);
            demoId = (await platform.Tenants.SingleAsync(t => t.Code == DemoSeeder.TenantCode)).Id;
        }
        var ours = await AddConsumerAsync(app, demoId, "税務システム");
        var theirs = await AddConsumerAsync(app, other.Id, "大阪市の税務");
        await using (var db = LinkageDatabase.Create(app.Database.Settings.Database, TenantScope.ForTenant(demoId)))
        {
            // What the dispatcher leaves after the last allowed attempt (its own tests cover how it gets there).
            var row = await db.Consumers.SingleAsync(c => c.Id == ours);
            row.State = ConsumerState.DeadLetter;
            row.FailedAttempts = 3;
            row.LastError = "HTTP 503 Service Unavailable";
            row.LastErrorAt = new DateTime(2026, 11, 26, 1, 2, 3, DateTimeKind.Utc);
            db.Failures.Add(new DeliveryFailureRow { TenantId = demoId, ConsumerId = ours, At = row.LastErrorAt.Value, FromSequence = 4, ToSequence = 9, Attempt = 3, Error = row.LastError, DeadLettered = true });
            await db.SaveChangesAsync();
        }

        var client = await StaffClient.SignedInAsync(app, "demo-joho");
        var list = WebUtility.HtmlDecode(await client.GetStringAsync("/linkage"));
        Assert.Contains("<tr data-testid=\"consumer-row\" data-consumer=\"税務システム\" class=\"state-dead-letter\">", list);
        Assert.Contains("送信停止(再送上限)", list);
        Assert.Contains("2026-11-26 10:02:03", list); // JST
        Assert.DoesNotContain("大阪市の税務", list);

        var detail = WebUtility.HtmlDecode(await client.GetStringAsync($"/linkage/consumer/{ours}"));
        Assert.Contains("<tr class=\"state-dead-letter\">", detail);
        Assert.Contains("<td>4–9</td><td>3</td><td>HTTP 503 Service Unavailable</td>", detail);
        Assert.Contains("data-testid=\"resume\"", detail); // out of dead letter by 再開 (or 再送)

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/linkage/consumer/{theirs}")).StatusCode);
        var replay = await StaffClient.PostFormAsync(client, $"/linkage/consumer/{ours}", new() { ["FromSequence"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode); // no handler named: back to the page, nothing changed
        var foreign = await client.PostAsync($"/linkage/consumer/{theirs}?handler=Pause", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TokenOf(detail),
        }));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        await using var check = LinkageDatabase.Create(app.Database.Settings.Database, TenantScope.System);
        Assert.Equal(ConsumerState.Active, (await check.Consumers.SingleAsync(c => c.Id == theirs)).State);
    }

    private static string TokenOf(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
}
