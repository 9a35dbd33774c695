using Jichitai.Linkage.Consumers;
using Jichitai.Linkage.Persistence;
using Jichitai.Platform.Persistence;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Linkage.Tests.Delivery;

/// <summary>Push delivery: signed, at least once, in order, surviving a consumer that is down, dead letter and replay.</summary>
public class WebhookDeliveryTests
{
    private static readonly string[] BasicItems = ["name", "address", "birthDate"];

    private static async Task<(ConsumerCreated Consumer, WebhookReceiver Receiver)> SubscribeAsync(LinkageTestHost host, Jichitai.Platform.Tenancy.Tenant tenant, int maxAttempts = 10, string name = "税務システム")
    {
        var receiver = await WebhookReceiver.StartAsync();
        var created = await host.AddConsumerAsync(tenant, new ConsumerRequest(name, ConsumerKind.Webhook, BasicItems, WebhookUrl: receiver.Url.ToString(), MaxAttempts: maxAttempts));
        receiver.Secret = created.WebhookSecret;
        return (created, receiver);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryEvent_IsDelivered_Signed_InOrder_WithOnlyTheGrantedItems(DatabaseProvider provider)
    {
        await using var host = await LinkageTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var (consumer, receiver) = await SubscribeAsync(host, tenant);
        await using var _ = receiver;
        var moveIn = await host.MoveInFamilyAsync(tenant, personalNumber: "123456789018");
        await host.RelocateAsync(tenant, moveIn.HouseholdNumbers[0], "5番5号");

        await LinkageTestHost.RunUntilAsync(host.NewDispatcher(), async () => (await host.ConsumerAsync(consumer.Consumer.Id)).Cursor == 6);

        Assert.Equal([1L, 2, 3, 4, 5, 6], receiver.Sequences);
        Assert.Equal(0, receiver.BadSignatures);
        foreach (var e in receiver.Events)
        {
            Assert.Equal("131016", e["tenant"]!.GetValue<string>());
            Assert.Equal(BasicItems.Order(), e["after"]!.AsObject().Select(p => p.Key).Order());
            Assert.DoesNotContain("123456789018", e.ToJsonString());
            Assert.Null(e["after"]!["personalNumber"]);
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AConsumerThatIsDown_GetsEverything_OnceItIsBack(DatabaseProvider provider)
    {
        await using var host = await LinkageTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var (consumer, receiver) = await SubscribeAsync(host, tenant, maxAttempts: 100);
        await using var _ = receiver;
        receiver.Down = true;
        var dispatcher = host.NewDispatcher();
        using var cts = new CancellationTokenSource();
        var run = dispatcher.RunAsync(cts.Token);
        foreach (var (family, kana) in Outbox.OutboxTests.Families) await host.MoveInFamilyAsync(tenant, family, kana);
        await Task.Delay(1500); // several failed attempts with backoff
        var failing = await host.ConsumerAsync(consumer.Consumer.Id);
        Assert.Equal(0, failing.Cursor);
        Assert.True(failing.FailedAttempts > 0);
        Assert.Contains("503", failing.LastError);
        Assert.Empty(receiver.Events);

        receiver.Down = false;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await host.ConsumerAsync(consumer.Consumer.Id)).Cursor < 12 && DateTime.UtcNow < deadline) await Task.Delay(50);
        await cts.CancelAsync();
        await run;
        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), receiver.Sequences);
        Assert.Equal(0, (await host.ConsumerAsync(consumer.Consumer.Id)).FailedAttempts);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AfterTheMaximumAttempts_TheConsumerIsDeadLettered_AndReplayResumesFromAnySequence(DatabaseProvider provider)
    {
        await using var host = await LinkageTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var (consumer, receiver) = await SubscribeAsync(host, tenant, maxAttempts: 3);
        await using var _ = receiver;
        await host.MoveInFamilyAsync(tenant);
        receiver.Down = true;
        var dispatcher = host.NewDispatcher();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await host.ConsumerAsync(consumer.Consumer.Id)).State != ConsumerState.DeadLetter && DateTime.UtcNow < deadline)
        {
            await dispatcher.RunOnceAsync(default);
            await Task.Delay(100);
        }
        var dead = await host.ConsumerAsync(consumer.Consumer.Id);
        Assert.Equal(ConsumerState.DeadLetter, dead.State);
        Assert.Equal(3, dead.FailedAttempts);
        var failures = await host.Consumers.FailuresAsync(tenant.Id, consumer.Consumer.Id, 10, default);
        Assert.Equal(3, failures.Count);
        Assert.True(failures[0].DeadLettered);
        Assert.Equal((1L, 3L), (failures[0].FromSequence, failures[0].ToSequence));

        // Back up; nothing moves until the IT staff replay. Replaying from 2 sends 2 and 3 only.
        receiver.Down = false;
        await dispatcher.RunOnceAsync(default);
        Assert.Empty(receiver.Events);
        await host.Consumers.ReplayAsync(tenant.Id, consumer.Consumer.Id, 2, LinkageTestHost.Admin, default);
        await LinkageTestHost.RunUntilAsync(dispatcher, async () => (await host.ConsumerAsync(consumer.Consumer.Id)).Cursor == 3);
        Assert.Equal([2L, 3], receiver.Sequences);
        Assert.Equal(ConsumerState.Active, (await host.ConsumerAsync(consumer.Consumer.Id)).State);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoDispatchers_DeliverEachEventOnce_InOrder(DatabaseProvider provider)
    {
        await using var host = await LinkageTestHost.CreateAsync(provider);
        host.Options.BatchSize = 5;
        var tenant = await host.CreateTenantAsync();
        var (consumer, receiver) = await SubscribeAsync(host, tenant);
        await using var _ = receiver;
        var (second, receiver2) = await SubscribeAsync(host, tenant, name: "国保システム");
        await using var __ = receiver2;
        using var cts = new CancellationTokenSource();
        var one = host.NewDispatcher();
        var two = host.NewDispatcher();
        var runs = new[] { one.RunAsync(cts.Token), two.RunAsync(cts.Token) };
        var households = new List<string>();
        foreach (var (family, kana) in Outbox.OutboxTests.Families) households.Add((await host.MoveInFamilyAsync(tenant, family, kana)).HouseholdNumbers[0]);
        for (var round = 0; round < 3; round++)
            foreach (var h in households) await host.RelocateAsync(tenant, h, $"{round + 20}番");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (((await host.ConsumerAsync(consumer.Consumer.Id)).Cursor < 48 || (await host.ConsumerAsync(second.Consumer.Id)).Cursor < 48) && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        await cts.CancelAsync();
        await Task.WhenAll(runs);
        foreach (var r in new[] { receiver, receiver2 })
        {
            Assert.Equal(Enumerable.Range(1, 48).Select(i => (long)i), r.Sequences); // once each, in sequence order
            Assert.Equal(48, r.Events.Select(e => e["eventId"]!.GetValue<string>()).Distinct().Count());
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ANearRealTimeConsumer_GetsWhatIsPending_OncePerItsInterval(DatabaseProvider provider)
    {
        await using var host = await LinkageTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        var (consumer, receiver) = await SubscribeAsync(host, tenant);
        await using var _ = receiver;
        var refused = await Assert.ThrowsAsync<Jichitai.Platform.Errors.DomainException>(() =>
            host.Consumers.ChangeIntervalAsync(tenant.Id, consumer.Consumer.Id, 11, LinkageTestHost.Admin, default));
        Assert.Equal("deliveryIntervalMinutes", refused.Field); // 標準7.2.3: at most every 10 minutes
        await host.Consumers.ChangeIntervalAsync(tenant.Id, consumer.Consumer.Id, 10, LinkageTestHost.Admin, default);

        var dispatcher = host.NewDispatcher();
        var family = await host.MoveInFamilyAsync(tenant);
        await dispatcher.RunOnceAsync(default); // never delivered before: goes at once
        Assert.Equal(3, receiver.Events.Count);
        await host.RelocateAsync(tenant, family.HouseholdNumbers[0], "2番");
        await dispatcher.RunOnceAsync(default);
        Assert.Equal(3, receiver.Events.Count); // within 10 minutes of the last delivery: waits

        await using (var db = LinkageDatabase.Create(host.Database.Settings.Database, Jichitai.Platform.Tenancy.TenantScope.System))
            await db.Consumers.Where(c => c.Id == consumer.Consumer.Id)
                .ExecuteUpdateAsync(x => x.SetProperty(c => c.LastDeliveredAt, DateTime.UtcNow.AddMinutes(-10)));
        await dispatcher.RunOnceAsync(default);
        Assert.Equal([1L, 2, 3, 4, 5, 6], receiver.Sequences); // the interval has passed: everything pending, in order
    }
}
