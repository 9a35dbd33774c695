using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using Jichitai.Linkage.Consumers;
using Jichitai.Linkage.Delivery;
using Jichitai.Linkage.Persistence;
using Jichitai.Platform.Linkage;
using Jichitai.Platform.Persistence;
using Jichitai.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jichitai.Linkage.Tests.Delivery;

/// <summary>A module of the product subscribing through the same pipe; the operator's metrics.</summary>
public class InProcessAndMetricsTests
{
    /// <summary>Stands in for 介護保険: needs 生年月日 and 住所, and fails once to show the retry.</summary>
    private sealed class CareSubscriber : IIntegrationEventSubscriber
    {
        public ConcurrentQueue<JsonObject> Received { get; } = new();
        public int FailuresLeft = 1;
        public string Name => "介護保険";
        public IReadOnlyCollection<string> Items => ["birthDate", "address"];
        public Task HandleAsync(int tenantId, IReadOnlyList<JsonObject> events, CancellationToken ct)
        {
            if (Interlocked.Decrement(ref FailuresLeft) >= 0) throw new InvalidOperationException("not ready yet");
            foreach (var e in events) Received.Enqueue(e);
            return Task.CompletedTask;
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnInProcessSubscriber_GetsItsItems_WithAStoredCursor_AndIsRetried(DatabaseProvider provider)
    {
        var care = new CareSubscriber();
        await using var host = await LinkageTestHost.CreateAsync(provider, s => s.AddSingleton<IIntegrationEventSubscriber>(care));
        var tenant = await host.CreateTenantAsync();
        var other = await host.CreateTenantAsync("271004", "大阪市");
        var family = await host.MoveInFamilyAsync(tenant, personalNumber: "123456789018");
        await host.RelocateAsync(tenant, family.HouseholdNumbers[0], "2番");

        var dispatcher = host.NewDispatcher();
        await LinkageTestHost.RunUntilAsync(dispatcher, async () => (await host.Consumers.ListAsync(tenant.Id, default)).Any(c => c.Consumer.Cursor == 6));
        Assert.Equal([1L, 2, 3, 4, 5, 6], care.Received.Select(e => e["sequence"]!.GetValue<long>()));
        Assert.All(care.Received, e => Assert.Equal(["address", "birthDate"], e["after"]!.AsObject().Select(p => p.Key).Order()));

        // One consumer row per tenant, under the subscriber's name, with the cursor where it got to.
        var rows = (await host.Consumers.ListAsync(tenant.Id, default)).Select(c => c.Consumer).ToList();
        var row = Assert.Single(rows);
        Assert.Equal((ConsumerKind.InProcess, "介護保険", 6L), (row.Kind, row.Name, row.Cursor));
        Assert.Contains("受信側の処理でエラー", (await host.Consumers.FailuresAsync(tenant.Id, row.Id, 5, default)).Single().Error);
        Assert.Single(await host.Consumers.ListAsync(other.Id, default));

        // A restart continues from the stored cursor: nothing again.
        await host.RelocateAsync(tenant, family.HouseholdNumbers[0], "3番");
        await LinkageTestHost.RunUntilAsync(host.NewDispatcher(), async () => (await host.Consumers.ListAsync(tenant.Id, default)).Any(c => c.Consumer.Cursor == 9));
        Assert.Equal(Enumerable.Range(1, 9).Select(i => (long)i), care.Received.Select(e => e["sequence"]!.GetValue<long>()));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheDispatcher_ReportsDeliveredEvents_Latency_Lag_AndFailures(DatabaseProvider provider)
    {
        await using var host = await LinkageTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var consumer = await host.AddConsumerAsync(tenant, new ConsumerRequest("税務システム", ConsumerKind.Webhook, ["name"], WebhookUrl: receiver.Url.ToString()));
        receiver.Secret = consumer.WebhookSecret;

        var measured = new ConcurrentDictionary<string, double>();
        using var listener = new MeterListener();
        // Only this host's meter (tests in parallel run dispatchers of their own under the same meter name) and the outbox's
        // process-wide counter, which is therefore checked with "at least".
        var ours = host.Services.GetRequiredService<LinkageMetrics>().Meter;
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == ours || instrument.Name == "jichitai.linkage.events.written") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((i, v, _, _) => measured.AddOrUpdate(i.Name, v, (_, old) => i.Name == "jichitai.linkage.lag" ? v : old + v));
        listener.SetMeasurementEventCallback<double>((i, v, _, _) => measured.AddOrUpdate(i.Name, v, (_, old) => Math.Max(old, v)));
        listener.Start();

        receiver.Down = true;
        await host.MoveInFamilyAsync(tenant);
        var dispatcher = host.NewDispatcher();
        await dispatcher.RunOnceAsync(default);
        listener.RecordObservableInstruments();
        Assert.True(measured.GetValueOrDefault("jichitai.linkage.events.written") >= 3);
        Assert.Equal(3, measured["jichitai.linkage.lag"]);
        Assert.Equal(1, measured["jichitai.linkage.delivery.failures"]);

        receiver.Down = false;
        await LinkageTestHost.RunUntilAsync(dispatcher, async () => (await host.ConsumerAsync(consumer.Consumer.Id)).Cursor == 3);
        await dispatcher.RunOnceAsync(default);
        listener.RecordObservableInstruments();
        Assert.Equal(3, measured["jichitai.linkage.events.delivered"]);
        Assert.InRange(measured["jichitai.linkage.delivery.latency"], 0, 60);
        Assert.Equal(0, measured["jichitai.linkage.lag"]);
    }
}
